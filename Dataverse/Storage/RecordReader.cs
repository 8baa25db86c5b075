using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Dataverse.Metadata;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Dataverse.Storage
{
    /// <summary>
    /// Reads rows as Dataverse returns them: a Retrieve gives the requested columns (which must exist) plus the id, with the row's
    /// RowVersion; <c>activitypointer</c> is the view of every activity row (email, phonecall, task, appointment and the custom
    /// activity tables) with the columns activitypointer has and <c>activitytypecode</c>.
    /// </summary>
    internal sealed class RecordReader
    {
        private readonly RecordStore _store;
        private readonly MetadataCatalog _metadata;
        private readonly Guid _rootBusinessUnitId;

        public RecordReader(RecordStore store, MetadataCatalog metadata, Guid rootBusinessUnitId)
        {
            _store = store;
            _metadata = metadata;
            _rootBusinessUnitId = rootBusinessUnitId;
        }

        /// <summary>The stored row with every column (a copy), or its activitypointer view; null when absent.</summary>
        public Entity? Get(string table, Guid id) =>
            table == "activitypointer" ? ActivityRow(id) : _store.Get(table, id);

        /// <summary>Whether the row exists; an activitypointer exists when any activity table holds the id.</summary>
        public bool Exists(string table, Guid id) =>
            table == "activitypointer" ? _metadata.ActivityTables.Any(activity => _store.Contains(activity.Name, id)) : _store.Contains(table, id);

        /// <summary>The rows of a table as queries read them (the store's own rows: callers must not change them).</summary>
        public IEnumerable<Entity> RowsOf(string table) =>
            table == "activitypointer" ? ActivityRows() : _store.Rows(_metadata.RequireTable(table).Name);

        /// <summary>The rows of a table with the given ids (the activitypointer view: its rows with those ids), read-only, as <see cref="RowsOf"/>.</summary>
        public IEnumerable<Entity> RowsWithIds(string table, IReadOnlyCollection<Guid> ids) =>
            table == "activitypointer" ? ActivityRows().Where(row => ids.Contains(row.Id)) : _store.RowsWithIds(_metadata.RequireTable(table).Name, ids);

        /// <summary>
        /// The rows of a table holding, in indexed columns, one of the keys each condition names, from the store's indexes (read-only,
        /// as <see cref="RowsOf"/>); null when the indexes cannot answer (the activitypointer view has none): the caller scans.
        /// </summary>
        public IEnumerable<Entity>? RowsWhere(string table, IReadOnlyList<KeyValuePair<string, IReadOnlyCollection<object>>> conditions) =>
            table == "activitypointer" ? null : _store.RowsWhere(_metadata.RequireTable(table).Name, conditions);

        /// <summary>How many rows of a table hold, in each condition's column, one of its keys, from the store's indexes; null when they cannot tell (the activitypointer view has none).</summary>
        public int? CountWhere(string table, IReadOnlyList<KeyValuePair<string, IReadOnlyCollection<object>>> conditions) =>
            table == "activitypointer" ? null : _store.CountWhere(_metadata.RequireTable(table).Name, conditions);

        /// <summary>How many of those rows hold each value of the column, in the order a scan meets them, from the store's indexes; null when they cannot tell (the activitypointer view has none).</summary>
        public List<KeyValuePair<object, int>>? GroupCountWhere(string table, IReadOnlyList<KeyValuePair<string, IReadOnlyCollection<object>>> conditions, string column) =>
            table == "activitypointer" ? null : _store.GroupCountWhere(_metadata.RequireTable(table).Name, conditions, column);

        /// <summary>The rows of a table after the row with the id, as a scan or a seek reads them; null when the store cannot continue there (the activitypointer view never does).</summary>
        public IEnumerable<Entity>? RowsAfter(string table, Guid id, IReadOnlyList<KeyValuePair<string, IReadOnlyCollection<object>>> conditions) =>
            table == "activitypointer" ? null : _store.RowsAfter(_metadata.RequireTable(table).Name, id, conditions);

        /// <summary>The activitypointer view: every activity row, with the columns activitypointer has (enumerate it holding the store's mutex, as a query does).</summary>
        public IEnumerable<Entity> ActivityRows()
        {
            var pointer = _metadata.RequireTable("activitypointer");
            foreach (var activity in _metadata.ActivityTables)
            {
                foreach (var row in _store.Rows(activity.Name))
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

        /// <summary>A Retrieve: the requested columns plus the id, with RowVersion; the platform's fault for an unknown table, column or row.</summary>
        public Entity Retrieve(string tableName, Guid id, ColumnSet? columns)
        {
            var table = _metadata.RequireTable(tableName ?? string.Empty);
            columns ??= new ColumnSet();
            if (table.Name == "activitypointer")
            {
                var view = ActivityRow(id) ?? throw DataverseFault.RecordNotFound(table.Name, id);
                RequireColumns(table.Name, columns);
                return Projected(view, table.PrimaryId, columns);
            }

            // The stored row is read in place, under the store's mutex, and only the requested columns are copied out of it.
            var result = _store.Read(table.Name, id, row => Projected(row, table.PrimaryId, columns), null) ?? throw DataverseFault.RecordNotFound(table.Name, id);
            RequireColumns(table.Name, columns);
            return result;
        }

        private void RequireColumns(string table, ColumnSet columns)
        {
            if (!columns.AllColumns)
            {
                foreach (var column in columns.Columns)
                {
                    _metadata.RequireColumn(table, column);
                }
            }
        }

        /// <summary>The requested columns of the row (copies of their values) plus its id, with RowVersion.</summary>
        private static Entity Projected(Entity row, string primaryId, ColumnSet columns)
        {
            var result = new Entity(row.LogicalName, row.Id)
            {
                RowVersion = VersionOf(row),
                Attributes = RowCopy.Sized(columns.AllColumns ? row.Attributes.Count : columns.Columns.Count + 1),
            };
            foreach (var attribute in row.Attributes)
            {
                if (attribute.Value != null && (columns.AllColumns || attribute.Key == primaryId || columns.Columns.Contains(attribute.Key)))
                {
                    result[attribute.Key] = RowCopy.Value(attribute.Value);
                }
            }

            return result;
        }

        /// <summary>The activitypointer view of one activity row, read under the store's mutex; null when no activity table holds it.</summary>
        private Entity? ActivityRow(Guid id)
        {
            lock (_store.Gate)
            {
                return ActivityRows().FirstOrDefault(row => row.Id == id);
            }
        }

        /// <summary>The business unit of a user: their businessunitid, else the root business unit.</summary>
        public Guid BusinessUnitOf(Guid userId) =>
            _store.Read("systemuser", userId, user => user.GetAttributeValue<EntityReference>("businessunitid")?.Id, null) ?? _rootBusinessUnitId;

        /// <summary>A row's version as RowVersion carries it: its versionnumber as text.</summary>
        public static string VersionOf(Entity row) => Convert.ToString(row.GetAttributeValue<long>("versionnumber"), CultureInfo.InvariantCulture);
    }
}
