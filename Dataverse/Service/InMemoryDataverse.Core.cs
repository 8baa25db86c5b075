using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Pipeline;
using LeadAlign.Dataverse.Query;
using LeadAlign.Dataverse.Registration;
using LeadAlign.Dataverse.Storage;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Dataverse
{
    /// <summary>The main operations: the rows are written and read here, checked against metadata as Dataverse checks them.</summary>
    public sealed partial class InMemoryDataverse
    {
        private OrganizationResponse Core(OrganizationRequest request, Caller caller, OperationState operation)
        {
            switch (request.RequestName)
            {
                case "Create":
                    var id = CreateRow(RowCopy.Of(Parameter<Entity>(request, "Target")), caller.UserId);
                    var created = new CreateResponse();
                    created.Results["id"] = id;
                    return created;
                case "Retrieve":
                    var reference = Parameter<EntityReference>(request, "Target");
                    var retrieved = new RetrieveResponse();
                    retrieved.Results["Entity"] = RetrieveRow(reference.LogicalName, reference.Id, Parameter<ColumnSet>(request, "ColumnSet"));
                    return retrieved;
                case "Update":
                    UpdateRow(Parameter<Entity>(request, "Target"), caller.UserId, request.Parameters.TryGetValue("ConcurrencyBehavior", out var behavior) && behavior is ConcurrencyBehavior concurrency ? concurrency : ConcurrencyBehavior.Default);
                    return new UpdateResponse();
                case "Delete":
                    var deleted = Parameter<EntityReference>(request, "Target");
                    DeleteRow(deleted.LogicalName, deleted.Id, request.Parameters.TryGetValue("ConcurrencyBehavior", out var deleteBehavior) && deleteBehavior is ConcurrencyBehavior deleteConcurrency ? deleteConcurrency : ConcurrencyBehavior.Default, deleted.RowVersion);
                    return new DeleteResponse();
                case "RetrieveMultiple":
                    var found = new RetrieveMultipleResponse();
                    found.Results["EntityCollection"] = RetrieveRows(Parameter<QueryBase>(request, "Query"), caller.UserId);
                    return found;
                case "Associate":
                case "Disassociate":
                    var target = Parameter<EntityReference>(request, "Target");
                    Relate(request.RequestName == "Associate", target, Parameter<Relationship>(request, "Relationship"), Parameter<EntityReferenceCollection>(request, "RelatedEntities"));
                    return request.RequestName == "Associate" ? new AssociateResponse() : new DisassociateResponse();
                case "AddMembersTeam":
                    var teamId = Parameter<Guid>(request, "TeamId");
                    Relate(true, new EntityReference("team", teamId), new Relationship("teammembership_association"),
                        new EntityReferenceCollection(Parameter<Guid[]>(request, "MemberIds").Select(member => new EntityReference("systemuser", member)).ToList()));
                    return new AddMembersTeamResponse();
                case "QualifyLead":
                    return QualifyLead(request, caller, operation);
                case "SendEmail":
                    return SendEmail(request, caller, operation);
                default:
                    throw DataverseFault.Create(DataverseFault.MessageNotSupported, $"The message '{request.RequestName}' is not supported by the in-memory Dataverse.");
            }
        }

        /// <summary>
        /// QualifyLead: creates the account and contact asked for (as nested Creates), then closes the lead as qualified with a
        /// nested Update of statecode and statuscode, so Update steps filtering on statecode see it, as they see the platform's
        /// internal state change. Creating an opportunity is not modelled (opportunity is not in the metadata snapshot).
        /// </summary>
        private OrganizationResponse QualifyLead(OrganizationRequest request, Caller caller, OperationState operation)
        {
            var leadRef = Parameter<EntityReference>(request, "LeadId");
            var lead = Store.Get("lead", leadRef.Id) ?? throw DataverseFault.RecordNotFound("lead", leadRef.Id);
            if (lead.GetAttributeValue<OptionSetValue>("statecode")?.Value != 0)
            {
                throw DataverseFault.Invalid($"The lead {leadRef.Id} is not open: only an open lead can be qualified.");
            }

            if (request.Parameters.TryGetValue("CreateOpportunity", out var opportunity) && opportunity is true)
            {
                throw DataverseFault.Create(DataverseFault.MessageNotSupported, "QualifyLead with CreateOpportunity is not modelled by the in-memory Dataverse (opportunity is not in its metadata).");
            }

            var context = new PluginExecutionContext(operation, StepRegistration.MainOperation, 0, true) { UserId = caller.UserId };
            var nested = new Caller(caller.UserId, caller.InitiatingUserId, context, caller.Record);
            var created = new EntityReferenceCollection();
            if (request.Parameters.TryGetValue("CreateAccount", out var account) && account is true && lead.GetAttributeValue<string>("companyname") is { } company)
            {
                var accountRequest = new CreateRequest { Target = new Entity("account") { ["name"] = company, ["originatingleadid"] = new EntityReference("lead", lead.Id) } };
                created.Add(new EntityReference("account", (Guid)RunOperation(accountRequest, nested).Results["id"]));
            }

            if (request.Parameters.TryGetValue("CreateContact", out var contact) && contact is true)
            {
                var contactRequest = new CreateRequest
                {
                    Target = new Entity("contact")
                    {
                        ["firstname"] = lead.GetAttributeValue<string>("firstname"),
                        ["lastname"] = lead.GetAttributeValue<string>("lastname") ?? lead.GetAttributeValue<string>("fullname") ?? "(lead)",
                        ["emailaddress1"] = lead.GetAttributeValue<string>("emailaddress1"),
                        ["originatingleadid"] = new EntityReference("lead", lead.Id),
                    },
                };
                created.Add(new EntityReference("contact", (Guid)RunOperation(contactRequest, nested).Results["id"]));
            }

            var status = request.Parameters.TryGetValue("Status", out var value) && value is OptionSetValue given ? given.Value : 3;
            RunOperation(new UpdateRequest { Target = new Entity("lead", lead.Id) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(status) } }, nested);
            var response = new QualifyLeadResponse();
            response.Results["CreatedEntities"] = created;
            return response;
        }

        /// <summary>
        /// SendEmail: the email is closed as Pending Send when it is to be sent (IssueSend), as Sent otherwise, with a nested
        /// Update of its state, so Update steps see it. Nothing is delivered: there is no mailbox here.
        /// </summary>
        private OrganizationResponse SendEmail(OrganizationRequest request, Caller caller, OperationState operation)
        {
            var emailId = Parameter<Guid>(request, "EmailId");
            var email = Store.Get("email", emailId) ?? throw DataverseFault.RecordNotFound("email", emailId);
            if (email.GetAttributeValue<OptionSetValue>("statecode")?.Value != 0)
            {
                throw DataverseFault.Invalid($"The email {emailId} is not a draft: only a draft email can be sent.");
            }

            if (email.GetAttributeValue<EntityCollection>("to") is not { Entities.Count: > 0 })
            {
                throw DataverseFault.Invalid($"The email {emailId} has no recipient: add one to To before sending it.");
            }

            var issueSend = request.Parameters.TryGetValue("IssueSend", out var issue) && issue is true;
            var context = new PluginExecutionContext(operation, StepRegistration.MainOperation, 0, true) { UserId = caller.UserId };
            var nested = new Caller(caller.UserId, caller.InitiatingUserId, context, caller.Record);
            RunOperation(new UpdateRequest { Target = new Entity("email", emailId) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(issueSend ? 6 : 3), ["senton"] = UtcNow } }, nested);
            var response = new SendEmailResponse();
            response.Results["Subject"] = email.GetAttributeValue<string>("subject");
            return response;
        }

        private OrganizationResponse ExecuteWithoutPipeline(OrganizationRequest request, Caller caller)
        {
            switch (request.RequestName)
            {
                case "WhoAmI":
                    var whoAmI = new WhoAmIResponse();
                    whoAmI.Results["UserId"] = caller.UserId;
                    whoAmI.Results["BusinessUnitId"] = BusinessUnitOf(caller.UserId);
                    whoAmI.Results["OrganizationId"] = OrganizationId;
                    return whoAmI;
                case "RetrieveEntity":
                    var table = Metadata.RequireTable(Parameter<string>(request, "LogicalName"));
                    var filters = request.Parameters.TryGetValue("EntityFilters", out var value) && value is EntityFilters given ? given : EntityFilters.Default;
                    var entity = new RetrieveEntityResponse();
                    entity.Results["EntityMetadata"] = EntityMetadataOf(table, filters);
                    return entity;
                case "RetrieveAttribute":
                    var owner = Metadata.RequireTable(Parameter<string>(request, "EntityLogicalName"));
                    var column = Metadata.RequireColumn(owner.Name, Parameter<string>(request, "LogicalName"));
                    var attribute = new RetrieveAttributeResponse();
                    attribute.Results["AttributeMetadata"] = MetadataCatalog.ToAttributeMetadata(owner, column);
                    return attribute;
                default:
                    var filter = request.Parameters.TryGetValue("EntityFilters", out var allValue) && allValue is EntityFilters allFilters ? allFilters : EntityFilters.Default;
                    var all = new RetrieveAllEntitiesResponse();
                    all.Results["EntityMetadata"] = Metadata.Tables.OrderBy(each => each.Name, StringComparer.Ordinal).Select(each => EntityMetadataOf(each, filter)).ToArray();
                    return all;
            }
        }

        /// <summary>A table's metadata as this organization has it: IsSLAEnabled as the organization's options may override it.</summary>
        private EntityMetadata EntityMetadataOf(TableDefinition table, EntityFilters filters)
        {
            var metadata = Metadata.ToEntityMetadata(table, filters);
            metadata.IsSLAEnabled = IsSlaEnabled(table.Name);
            return metadata;
        }

        /// <summary>Creates a row: checks it, fills the system columns and ownership, and returns its id.</summary>
        private Guid CreateRow(Entity target, Guid userId)
        {
            var table = Metadata.RequireTable(target.LogicalName ?? string.Empty);
            var id = target.Id != Guid.Empty ? target.Id : target.Attributes.TryGetValue(table.PrimaryId, out var key) && key is Guid keyId && keyId != Guid.Empty ? keyId : NewId();
            if (RowExists(table.Name, id))
            {
                throw DataverseFault.Create(DataverseFault.DuplicateRecord, $"Cannot insert duplicate key: a {table.Name} with id {id} already exists.");
            }

            CheckValues(table, target, creating: true);
            var row = new Entity(table.Name, id);
            foreach (var attribute in target.Attributes.Where(attribute => attribute.Value != null && table.Column(attribute.Key)!.ValidForCreate))
            {
                row[attribute.Key] = attribute.Value;
            }

            row[table.PrimaryId] = id;
            var user = new EntityReference("systemuser", userId);
            row["createdon"] = target.GetAttributeValue<DateTime?>("overriddencreatedon") ?? UtcNow;
            row["modifiedon"] = UtcNow;
            row["createdby"] = user;
            row["modifiedby"] = user;
            row["versionnumber"] = NextVersion();
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

                CheckStatePair(table, id, state, status);
                row["statecode"] = new OptionSetValue(state);
                row["statuscode"] = new OptionSetValue(status);
            }

            if (table.IsActivity && table.HasColumn("activitytypecode"))
            {
                row["activitytypecode"] = table.Name;
            }

            ComposeFullName(table, row);
            Store.Put(row);
            if (table.IsActivity)
            {
                WriteActivityParties(table, row, creating: true);
            }

            return id;
        }

        private void UpdateRow(Entity target, Guid userId, ConcurrencyBehavior concurrency)
        {
            var table = Metadata.RequireTable(target.LogicalName ?? string.Empty);
            var id = target.Id != Guid.Empty ? target.Id : target.GetAttributeValue<Guid?>(table.PrimaryId) ?? Guid.Empty;
            var row = Store.Get(table.Name, id) ?? throw DataverseFault.RecordNotFound(table.Name, id);
            CheckVersion(table.Name, id, row, concurrency, target.RowVersion);
            CheckValues(table, target, creating: false);
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
                CheckStatePair(table, id, state.Value, status.Value);
                row["statecode"] = new OptionSetValue(state.Value);
                row["statuscode"] = new OptionSetValue(status.Value);
            }

            row["modifiedon"] = UtcNow;
            row["modifiedby"] = new EntityReference("systemuser", userId);
            row["versionnumber"] = NextVersion();
            ComposeFullName(table, row);
            Store.Put(row);
            if (table.IsActivity && table.Columns.Any(column => column.Type == AttributeTypeCode.PartyList && target.Contains(column.Name)))
            {
                WriteActivityParties(table, row, creating: false);
            }
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

        private void DeleteRow(string tableName, Guid id, ConcurrencyBehavior concurrency, string? rowVersion)
        {
            var table = Metadata.RequireTable(tableName ?? string.Empty);
            var row = Store.Get(table.Name, id) ?? throw DataverseFault.RecordNotFound(table.Name, id);
            CheckVersion(table.Name, id, row, concurrency, rowVersion);
            Store.Remove(table.Name, id);
            if (table.IsActivity)
            {
                foreach (var party in Store.Rows("activityparty").Where(party => party.GetAttributeValue<EntityReference>("activityid")?.Id == id).ToList())
                {
                    Store.Remove("activityparty", party.Id);
                }
            }
        }

        private static void CheckVersion(string table, Guid id, Entity row, ConcurrencyBehavior concurrency, string? rowVersion)
        {
            if (concurrency != ConcurrencyBehavior.IfRowVersionMatches)
            {
                return;
            }

            if (string.IsNullOrEmpty(rowVersion))
            {
                throw DataverseFault.Create(DataverseFault.ConcurrencyVersionNotProvided, $"The RowVersion property must be provided when the value of ConcurrencyBehavior is IfRowVersionMatches ({table} {id}).");
            }

            if (rowVersion != VersionOf(row))
            {
                throw DataverseFault.Create(DataverseFault.ConcurrencyVersionMismatch, $"The version of the existing record doesn't match the RowVersion property provided ({table} {id}: yours is {rowVersion}, the row's is {VersionOf(row)}).");
            }
        }

        private static string VersionOf(Entity row) => Convert.ToString(row.GetAttributeValue<long>("versionnumber"), CultureInfo.InvariantCulture);

        private void SetOwner(Entity row, EntityReference owner)
        {
            if (owner.LogicalName != "systemuser" && owner.LogicalName != "team")
            {
                throw DataverseFault.Invalid($"The owner of a {row.LogicalName} must be a systemuser or a team, not a {owner.LogicalName}.");
            }

            var ownerRow = Store.Get(owner.LogicalName, owner.Id) ?? throw DataverseFault.RecordNotFound(owner.LogicalName, owner.Id);
            row["ownerid"] = new EntityReference(owner.LogicalName, owner.Id);
            row.Attributes.Remove("owninguser");
            row.Attributes.Remove("owningteam");
            row[owner.LogicalName == "team" ? "owningteam" : "owninguser"] = new EntityReference(owner.LogicalName, owner.Id);
            row["owningbusinessunit"] = new EntityReference("businessunit", ownerRow.GetAttributeValue<EntityReference>("businessunitid")?.Id ?? RootBusinessUnitId);
        }

        private static void CheckStatePair(TableDefinition table, Guid id, int state, int status)
        {
            var stateOption = table.Column("statecode")?.Option(state);
            if (stateOption == null && table.Column("statecode")!.Options.Count > 0)
            {
                throw DataverseFault.Invalid($"{state} is not a valid state code on {table.Name} with Id {id}.");
            }

            var statusOption = table.Column("statuscode")?.Option(status);
            if (table.Column("statuscode")?.Options.Count > 0 && (statusOption == null || (statusOption.State != null && statusOption.State != state)))
            {
                throw DataverseFault.Invalid($"{status} is not a valid status code for state code {table.Name}State.{stateOption?.Label.Replace(" ", string.Empty, StringComparison.Ordinal) ?? state.ToString(CultureInfo.InvariantCulture)} on {table.Name} with Id {id}.");
            }
        }

        /// <summary>Checks every value of a write against its column: known, of the column's type, in range, an existing target.</summary>
        private void CheckValues(TableDefinition table, Entity target, bool creating)
        {
            foreach (var attribute in target.Attributes)
            {
                var column = table.Column(attribute.Key) ?? throw DataverseFault.UnknownColumn(table.Name, attribute.Key);
                var value = attribute.Value;
                if (value == null)
                {
                    continue;
                }

                if (!column.ValueType.IsInstanceOfType(value))
                {
                    throw DataverseFault.Invalid($"Incorrect attribute value type {value.GetType().FullName} for '{table.Name}.{column.Name}': the column is {column.Type}, whose values are {column.ValueType.FullName}.");
                }

                switch (value)
                {
                    case string text when column.MaxLength is { } max && text.Length > max:
                        throw DataverseFault.Create(DataverseFault.ValueOutOfRange, $"A validation error occurred. The length of the '{column.Name}' attribute of the '{table.Name}' entity exceeded the maximum allowed length of '{max}'.");
                    case int or long or decimal or double or Money when OutOfRange(column, value):
                        throw DataverseFault.Create(DataverseFault.ValueOutOfRange, $"A validation error occurred. The value {Convert.ToString(value is Money money ? money.Value : value, CultureInfo.InvariantCulture)} of '{column.Name}' on record of type '{table.Name}' is outside the valid range ({column.MinValue?.ToString(CultureInfo.InvariantCulture) ?? "-"} to {column.MaxValue?.ToString(CultureInfo.InvariantCulture) ?? "-"}).");
                    case OptionSetValue option when column.Type == AttributeTypeCode.Picklist && column.Options.Count > 0 && column.Option(option.Value) == null:
                        throw DataverseFault.Invalid($"A validation error occurred. The value {option.Value} of '{column.Name}' on record of type '{table.Name}' is outside the valid range. Accepted Values: {string.Join(",", column.Options.Select(each => each.Value))}");
                    case OptionSetValueCollection options when options.Any(option => column.Options.Count > 0 && column.Option(option.Value) == null):
                        throw DataverseFault.Invalid($"A validation error occurred. A value of '{column.Name}' on record of type '{table.Name}' is outside the valid range. Accepted Values: {string.Join(",", column.Options.Select(each => each.Value))}");
                    case EntityReference reference:
                        CheckReference(table, column, reference);
                        break;
                    case DateTime date when date.Kind == DateTimeKind.Local:
                        break;
                }
            }
        }

        private static bool OutOfRange(ColumnDefinition column, object value)
        {
            var number = value switch
            {
                Money money => money.Value,
                double real => (decimal)real,
                _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
            };
            return (column.MinValue != null && number < column.MinValue) || (column.MaxValue != null && number > column.MaxValue);
        }

        private void CheckReference(TableDefinition table, ColumnDefinition column, EntityReference reference)
        {
            if (column.Targets.Count > 0 && !column.Targets.Contains(reference.LogicalName))
            {
                throw DataverseFault.Invalid($"A {reference.LogicalName} cannot be the value of '{table.Name}.{column.Name}': its targets are {string.Join(", ", column.Targets)}.");
            }

            if (table.Name == "slakpiinstance" && column.Name == "regarding" && !IsSlaEnabled(reference.LogicalName ?? string.Empty))
            {
                throw DataverseFault.SlaNotEnabled(reference.LogicalName ?? string.Empty, $"{table.Name}.{column.Name}");
            }

            if (Metadata.Table(reference.LogicalName ?? string.Empty) != null && !RowExists(reference.LogicalName!, reference.Id))
            {
                throw DataverseFault.RecordNotFound(reference.LogicalName!, reference.Id);
            }
        }

        private bool RowExists(string table, Guid id) =>
            table == "activitypointer" ? Metadata.ActivityTables.Any(activity => Store.Contains(activity.Name, id)) : Store.Contains(table, id);

        /// <summary>Writes the activityparty rows of an activity's party-list columns (to, from, cc, requiredattendees, ...).</summary>
        private void WriteActivityParties(TableDefinition table, Entity row, bool creating)
        {
            // A new activity has no parties yet: only an update replaces them.
            foreach (var existing in creating ? new List<Entity>() : Store.Rows("activityparty").Where(party => party.GetAttributeValue<EntityReference>("activityid")?.Id == row.Id).ToList())
            {
                Store.Remove("activityparty", existing.Id);
            }

            foreach (var column in table.Columns.Where(column => column.Type == AttributeTypeCode.PartyList))
            {
                if (row.GetAttributeValue<EntityCollection>(column.Name) is not { } parties)
                {
                    continue;
                }

                foreach (var party in parties.Entities)
                {
                    var partyRow = new Entity("activityparty", NewId());
                    partyRow["activitypartyid"] = partyRow.Id;
                    partyRow["activityid"] = new EntityReference("activitypointer", row.Id);
                    partyRow["participationtypemask"] = new OptionSetValue(ParticipationType(column.Name));
                    if (party.GetAttributeValue<EntityReference>("partyid") is { } partyId)
                    {
                        partyRow["partyid"] = new EntityReference(partyId.LogicalName, partyId.Id);
                    }

                    if (party.GetAttributeValue<string>("addressused") is { } address)
                    {
                        partyRow["addressused"] = address;
                    }

                    Store.Put(partyRow);
                }
            }
        }

        private static int ParticipationType(string column) => column switch
        {
            "from" => 1,
            "to" => 2,
            "cc" => 3,
            "bcc" => 4,
            "requiredattendees" => 5,
            "optionalattendees" => 6,
            "organizer" => 7,
            "customers" => 11,
            _ => 9,
        };

        private Entity RetrieveRow(string tableName, Guid id, ColumnSet? columns)
        {
            var table = Metadata.RequireTable(tableName ?? string.Empty);
            var row = (table.Name == "activitypointer" ? ActivityRows().FirstOrDefault(activity => activity.Id == id) : Store.Get(table.Name, id))
                ?? throw DataverseFault.RecordNotFound(table.Name, id);
            columns ??= new ColumnSet();
            foreach (var column in columns.AllColumns ? Array.Empty<string>() : columns.Columns.ToArray())
            {
                Metadata.RequireColumn(table.Name, column);
            }

            var result = new Entity(table.Name, id) { RowVersion = VersionOf(row) };
            foreach (var attribute in row.Attributes.Where(attribute => attribute.Value != null && (columns.AllColumns || columns.Columns.Contains(attribute.Key) || attribute.Key == table.PrimaryId)))
            {
                result[attribute.Key] = RowCopy.Value(attribute.Value);
            }

            return result;
        }

        private EntityCollection RetrieveRows(QueryBase query, Guid userId)
        {
            var evaluator = new ConditionEvaluator(() => UtcNow, userId);
            var engine = new QueryEngine(RowsOf, table => Metadata.RequireTable(table).PrimaryId, evaluator);
            switch (query)
            {
                case QueryExpression expression:
                    CheckQuery(expression.EntityName, expression.ColumnSet, expression.Criteria, expression.LinkEntities);
                    var result = engine.Execute(expression);
                    foreach (var row in result.Entities)
                    {
                        row.RowVersion = row.GetAttributeValue<long?>("versionnumber")?.ToString(CultureInfo.InvariantCulture)
                            ?? Store.Get(row.LogicalName, row.Id)?.GetAttributeValue<long?>("versionnumber")?.ToString(CultureInfo.InvariantCulture);
                    }

                    return result;
                case QueryByAttribute byAttribute:
                    Metadata.RequireTable(byAttribute.EntityName);
                    foreach (var attribute in byAttribute.Attributes)
                    {
                        Metadata.RequireColumn(byAttribute.EntityName, attribute);
                    }

                    return engine.Execute(byAttribute);
                case FetchExpression fetch:
                    return RetrieveFetch(fetch.Query, engine, evaluator);
                default:
                    throw DataverseFault.Invalid($"The query type {query?.GetType().Name ?? "null"} is not supported.");
            }
        }

        private void CheckQuery(string table, ColumnSet? columns, FilterExpression? criteria, IEnumerable<LinkEntity> links)
        {
            Metadata.RequireTable(table ?? string.Empty);
            foreach (var column in columns == null || columns.AllColumns ? Enumerable.Empty<string>() : columns.Columns)
            {
                Metadata.RequireColumn(table!, column);
            }

            CheckFilter(table!, criteria);
            foreach (var link in links)
            {
                Metadata.RequireColumn(table!, link.LinkFromAttributeName);
                Metadata.RequireColumn(link.LinkToEntityName, link.LinkToAttributeName);
                CheckQuery(link.LinkToEntityName, link.Columns, link.LinkCriteria, link.LinkEntities);
            }
        }

        private void CheckFilter(string table, FilterExpression? filter)
        {
            if (filter == null)
            {
                return;
            }

            foreach (var condition in filter.Conditions.Where(condition => string.IsNullOrEmpty(condition.EntityName)))
            {
                Metadata.RequireColumn(table, condition.AttributeName);
            }

            foreach (var child in filter.Filters)
            {
                CheckFilter(table, child);
            }
        }

        private IEnumerable<Entity> RowsOf(string table) =>
            table == "activitypointer" ? ActivityRows() : Store.Rows(Metadata.RequireTable(table).Name);

        /// <summary>The activitypointer view: every activity row, with the columns activitypointer has.</summary>
        private IEnumerable<Entity> ActivityRows()
        {
            var pointer = Metadata.RequireTable("activitypointer");
            foreach (var activity in Metadata.ActivityTables)
            {
                foreach (var row in Store.Rows(activity.Name))
                {
                    var view = new Entity("activitypointer", row.Id);
                    foreach (var attribute in row.Attributes.Where(attribute => pointer.HasColumn(attribute.Key)))
                    {
                        view[attribute.Key] = RowCopy.Value(attribute.Value);
                    }

                    view["activityid"] = row.Id;
                    view["activitytypecode"] = activity.Name;
                    yield return view;
                }
            }
        }

        private static string QueryTable(object? query) => query switch
        {
            QueryExpression expression => expression.EntityName,
            QueryByAttribute byAttribute => byAttribute.EntityName,
            FetchExpression fetch => FetchTable(fetch.Query),
            _ => "none",
        };

        private static string FetchTable(string fetchXml)
        {
            try
            {
                return (string?)System.Xml.Linq.XDocument.Parse(fetchXml).Root?.Element("entity")?.Attribute("name") ?? "none";
            }
            catch (System.Xml.XmlException malformed)
            {
                throw DataverseFault.Invalid($"The FetchXML is not well-formed: {malformed.Message}");
            }
        }

        private void Relate(bool associate, EntityReference target, Relationship relationship, EntityReferenceCollection related)
        {
            var definition = Metadata.Relationship(relationship?.SchemaName ?? string.Empty)
                ?? throw DataverseFault.Invalid($"The relationship '{relationship?.SchemaName}' is not known: the in-memory Dataverse knows {string.Join(", ", Metadata.Relationships.Select(each => each.SchemaName))}.");
            if (!RowExists(target.LogicalName, target.Id))
            {
                throw DataverseFault.RecordNotFound(target.LogicalName, target.Id);
            }

            foreach (var other in related)
            {
                if (!RowExists(other.LogicalName, other.Id))
                {
                    throw DataverseFault.RecordNotFound(other.LogicalName, other.Id);
                }

                if (definition.IsManyToMany)
                {
                    var (first, second) = target.LogicalName == definition.Entity1 ? (target, other) : (other, target);
                    var existing = Store.Rows(definition.IntersectEntity).FirstOrDefault(row =>
                        row.GetAttributeValue<Guid>(definition.Entity1IntersectAttribute) == first.Id && row.GetAttributeValue<Guid>(definition.Entity2IntersectAttribute) == second.Id);
                    if (associate)
                    {
                        if (existing != null)
                        {
                            throw DataverseFault.Create(DataverseFault.DuplicateRecord, $"Cannot insert duplicate key: {first.LogicalName} {first.Id} and {second.LogicalName} {second.Id} are already associated through {definition.SchemaName}.");
                        }

                        var intersect = new Entity(definition.IntersectEntity, NewId());
                        intersect[Metadata.RequireTable(definition.IntersectEntity).PrimaryId] = intersect.Id;
                        intersect[definition.Entity1IntersectAttribute] = first.Id;
                        intersect[definition.Entity2IntersectAttribute] = second.Id;
                        Store.Put(intersect);
                    }
                    else if (existing != null)
                    {
                        Store.Remove(definition.IntersectEntity, existing.Id);
                    }
                }
                else
                {
                    var (referenced, referencing) = target.LogicalName == definition.ReferencedEntity ? (target, other) : (other, target);
                    var row = Store.Get(referencing.LogicalName, referencing.Id)!;
                    if (associate)
                    {
                        row[definition.ReferencingAttribute] = new EntityReference(referenced.LogicalName, referenced.Id);
                    }
                    else
                    {
                        row.Attributes.Remove(definition.ReferencingAttribute);
                    }
                    row["versionnumber"] = NextVersion();
                    Store.Put(row);
                }
            }
        }

        private static T Parameter<T>(OrganizationRequest request, string name) =>
            request.Parameters.TryGetValue(name, out var value) && value is T typed
                ? typed
                : throw DataverseFault.Invalid($"The {request.RequestName} request needs the parameter '{name}' ({typeof(T).Name}).");
    }
}
