using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Organization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Metadata;

namespace LeadAlign.Dataverse.Storage
{
    /// <summary>
    /// Writes rows as Dataverse writes them: every value checked against its column (<see cref="ColumnChecks"/>), columns not valid
    /// for create or update ignored, the system columns filled (createdon, modifiedon, createdby, modifiedby, versionnumber; ownerid,
    /// owninguser, owningteam and owningbusinessunit on user-owned tables; statecode and statuscode defaults and valid pairs), full
    /// names composed, an activity's parties written. A column written as null no longer comes back. Each write holds the store's
    /// mutex and first takes the row's lock for the calling chain's transaction (waiting while another transaction holds it).
    /// </summary>
    internal sealed class RecordWriter
    {
        private readonly RecordStore _store;
        private readonly MetadataCatalog _metadata;
        private readonly RecordReader _reader;
        private readonly ColumnChecks _checks;
        private readonly ActivityParties _parties;
        private readonly OrganizationClock _clock;
        private readonly IdSequence _ids;
        private readonly Guid _rootBusinessUnitId;

        public RecordWriter(RecordStore store, MetadataCatalog metadata, RecordReader reader, ColumnChecks checks, ActivityParties parties, OrganizationClock clock, IdSequence ids, Guid rootBusinessUnitId)
        {
            _store = store;
            _metadata = metadata;
            _reader = reader;
            _checks = checks;
            _parties = parties;
            _clock = clock;
            _ids = ids;
            _rootBusinessUnitId = rootBusinessUnitId;
        }

        /// <summary>Creates a row: checks it, fills the system columns and ownership, and returns its id.</summary>
        public Guid Create(Entity target, Guid userId)
        {
            lock (_store.Gate)
            {
                return Insert(target, userId);
            }
        }

        private Guid Insert(Entity target, Guid userId)
        {
            var table = _metadata.RequireTable(target.LogicalName ?? string.Empty);
            var id = target.Id != Guid.Empty ? target.Id : target.Attributes.TryGetValue(table.PrimaryId, out var key) && key is Guid keyId && keyId != Guid.Empty ? keyId : _ids.NewId();

            // The new row's key is locked first: a row of that id another transaction is inserting is committed (a duplicate) or gone by then.
            _store.Lock(table.Name, id);
            if (_reader.Exists(table.Name, id))
            {
                throw DataverseFault.Create(DataverseFault.DuplicateRecord, $"Cannot insert duplicate key: a {table.Name} with id {id} already exists.");
            }

            _checks.CheckValues(table, target);

            // The row is built from copies of the target's values and handed to the store as it is (no second copy).
            var row = new Entity(table.Name, id) { Attributes = RowCopy.Sized(target.Attributes.Count + 12) };
            foreach (var attribute in target.Attributes)
            {
                if (attribute.Value != null && table.Column(attribute.Key)!.ValidForCreate)
                {
                    row[attribute.Key] = RowCopy.Value(attribute.Value);
                }
            }

            row[table.PrimaryId] = id;
            var user = new EntityReference("systemuser", userId);
            row["createdon"] = target.GetAttributeValue<DateTime?>("overriddencreatedon") ?? _clock.UtcNow;
            row["modifiedon"] = _clock.UtcNow;
            row["createdby"] = user;
            row["modifiedby"] = user;
            row["versionnumber"] = _ids.NextVersion();
            if (table.IsUserOwned)
            {
                SetOwner(row, row.GetAttributeValue<EntityReference>("ownerid") ?? user);
            }

            if (table.HasColumn("statecode"))
            {
                var state = row.GetAttributeValue<OptionSetValue>("statecode")?.Value ?? 0;
                var status = row.GetAttributeValue<OptionSetValue>("statuscode")?.Value ?? table.DefaultStatus(state) ?? 1;
                if (!row.Contains("statecode") && row.GetAttributeValue<OptionSetValue>("statuscode") is { } onlyStatus)
                {
                    state = table.Column("statuscode")!.Option(onlyStatus.Value)?.State ?? state;
                }

                ColumnChecks.CheckStatePair(table, id, state, status);
                row["statecode"] = new OptionSetValue(state);
                row["statuscode"] = new OptionSetValue(status);
            }

            if (table.IsActivity && table.HasColumn("activitytypecode"))
            {
                row["activitytypecode"] = table.Name;
            }

            ComposeFullName(table, row);
            _store.Keep(row);
            if (table.IsActivity)
            {
                _parties.Write(table, row, creating: true);
            }

            return id;
        }

        /// <summary>Updates the columns the target carries (null removes a value), the owner, the state and status, and the system columns.</summary>
        public void Update(Entity target, Guid userId, ConcurrencyBehavior concurrency)
        {
            lock (_store.Gate)
            {
                Change(target, userId, concurrency);
            }
        }

        private void Change(Entity target, Guid userId, ConcurrencyBehavior concurrency)
        {
            var table = _metadata.RequireTable(target.LogicalName ?? string.Empty);
            var id = target.Id != Guid.Empty ? target.Id : target.GetAttributeValue<Guid?>(table.PrimaryId) ?? Guid.Empty;

            // The row is read once its lock is held, so a change another transaction committed meanwhile is never overwritten.
            _store.Lock(table.Name, id);
            var row = _store.Get(table.Name, id) ?? throw DataverseFault.RecordNotFound(table.Name, id);
            ColumnChecks.CheckVersion(table.Name, id, row, concurrency, target.RowVersion);
            _checks.CheckValues(table, target);
            foreach (var attribute in target.Attributes.Where(attribute => table.Column(attribute.Key)!.ValidForUpdate))
            {
                if (attribute.Value == null)
                {
                    // A column set to null has no value: like Dataverse, the row no longer returns it.
                    row.Attributes.Remove(attribute.Key);
                }
                else
                {
                    row[attribute.Key] = RowCopy.Value(attribute.Value);
                }
            }

            if (target.Contains("ownerid") && table.IsUserOwned)
            {
                SetOwner(row, target.GetAttributeValue<EntityReference>("ownerid") ?? throw DataverseFault.Invalid($"The owner of a {table.Name} cannot be cleared."));
            }

            if (table.HasColumn("statecode") && (target.Contains("statecode") || target.Contains("statuscode")))
            {
                var state = target.GetAttributeValue<OptionSetValue>("statecode")?.Value;
                var status = target.GetAttributeValue<OptionSetValue>("statuscode")?.Value;
                if (state == null && status != null)
                {
                    state = table.Column("statuscode")!.Option(status.Value)?.State;
                }

                state ??= row.GetAttributeValue<OptionSetValue>("statecode")?.Value ?? 0;
                status ??= table.DefaultStatus(state.Value) ?? 1;
                ColumnChecks.CheckStatePair(table, id, state.Value, status.Value);
                row["statecode"] = new OptionSetValue(state.Value);
                row["statuscode"] = new OptionSetValue(status.Value);
            }

            row["modifiedon"] = _clock.UtcNow;
            row["modifiedby"] = new EntityReference("systemuser", userId);
            row["versionnumber"] = _ids.NextVersion();
            ComposeFullName(table, row);

            // The row is the store's copy changed with copies of the target's values: the store keeps it as it is.
            _store.Keep(row);
            if (table.IsActivity && table.Columns.Any(column => column.Type == AttributeTypeCode.PartyList && target.Contains(column.Name)))
            {
                _parties.Write(table, row, creating: false);
            }
        }

        /// <summary>Deletes a row (and an activity's parties); nothing else cascades.</summary>
        public void Delete(string tableName, Guid id, ConcurrencyBehavior concurrency, string? rowVersion)
        {
            var table = _metadata.RequireTable(tableName ?? string.Empty);
            lock (_store.Gate)
            {
                // The row is read once its lock is held: a change or delete another transaction was making has ended by then.
                _store.Lock(table.Name, id);
                var row = _store.Get(table.Name, id) ?? throw DataverseFault.RecordNotFound(table.Name, id);
                ColumnChecks.CheckVersion(table.Name, id, row, concurrency, rowVersion);
                _store.Remove(table.Name, id);
                if (table.IsActivity)
                {
                    _parties.RemoveOf(id);
                }
            }
        }

        /// <summary>A row the organization starts with or a test adds directly (a business unit, a user): system columns filled, no checks.</summary>
        public Entity SystemRow(string table, Guid id, IReadOnlyDictionary<string, object?> values)
        {
            var definition = _metadata.RequireTable(table);
            var row = new Entity(table, id);
            row[definition.PrimaryId] = id;
            foreach (var value in values)
            {
                row[value.Key] = value.Value;
            }

            row["createdon"] = _clock.UtcNow;
            row["modifiedon"] = _clock.UtcNow;
            row["versionnumber"] = _ids.NextVersion();
            if (definition.HasColumn("statecode"))
            {
                row["statecode"] = new OptionSetValue(0);
                row["statuscode"] = new OptionSetValue(definition.DefaultStatus(0) ?? 1);
            }

            return row;
        }

        /// <summary>The platform composes fullname from firstname and lastname (first name first, as the default name format).</summary>
        private static void ComposeFullName(TableDefinition table, Entity row)
        {
            if (table.Column("fullname") is { ValidForCreate: false } && table.HasColumn("firstname") && table.HasColumn("lastname"))
            {
                var full = string.Join(" ", new[] { row.GetAttributeValue<string>("firstname"), row.GetAttributeValue<string>("lastname") }.Where(part => !string.IsNullOrWhiteSpace(part)));
                if (full.Length > 0)
                {
                    row["fullname"] = full;
                }
            }
        }

        private void SetOwner(Entity row, EntityReference owner)
        {
            if (owner.LogicalName != "systemuser" && owner.LogicalName != "team")
            {
                throw DataverseFault.Invalid($"The owner of a {row.LogicalName} must be a systemuser or a team, not a {owner.LogicalName}.");
            }

            var ownerUnit = _store.Read(owner.LogicalName, owner.Id, ownerRow => (Guid?)(ownerRow.GetAttributeValue<EntityReference>("businessunitid")?.Id ?? _rootBusinessUnitId), null)
                ?? throw DataverseFault.RecordNotFound(owner.LogicalName, owner.Id);
            row["ownerid"] = new EntityReference(owner.LogicalName, owner.Id);
            row.Attributes.Remove("owninguser");
            row.Attributes.Remove("owningteam");
            row[owner.LogicalName == "team" ? "owningteam" : "owninguser"] = new EntityReference(owner.LogicalName, owner.Id);
            row["owningbusinessunit"] = new EntityReference("businessunit", ownerUnit);
        }
    }
}
