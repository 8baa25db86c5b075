using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using LeadAlign.Dataverse.Faults;
using Microsoft.Xrm.Sdk.Metadata;

namespace LeadAlign.Dataverse.Metadata
{
    /// <summary>
    /// The tables and columns the in-memory Dataverse knows, from two places, as the issue asks:
    /// the snapshot of standard tables kept in this project (Metadata/StandardTables.xml, embedded), and the solution
    /// folder's own customizations in the layout <c>pac solution unpack</c> writes (Entities/*/Entity.xml, OptionSets/*.xml,
    /// Other/Relationships/*.xml). A custom table gets the system columns the platform adds to every new table.
    /// Privileges come the same way: the standard tables' from Metadata/StandardPrivileges.xml (embedded), a custom table's
    /// derived from its schema name, ownership and activity flag as the platform creates them.
    /// This class is the catalogue; the readers fill it: <see cref="StandardSnapshot"/> (the two snapshots),
    /// <see cref="SolutionMetadataReader"/> (the solution folder), <see cref="PrivilegeDerivation"/> (a custom table's privileges);
    /// <see cref="SdkMetadata"/> answers RetrieveEntity and RetrieveAttribute from it.
    /// </summary>
    public sealed class MetadataCatalog
    {
        private const string StandardResource = "LeadAlign.Dataverse.Metadata.StandardTables.xml";
        private const string PrivilegeResource = "LeadAlign.Dataverse.Metadata.StandardPrivileges.xml";
        private readonly Dictionary<string, TableDefinition> _tables = new(StringComparer.Ordinal);
        private readonly Dictionary<string, RelationshipDefinition> _relationships = new(StringComparer.Ordinal);
        private readonly Dictionary<string, PrivilegeDefinition> _privileges = new(StringComparer.Ordinal);

        public IReadOnlyCollection<TableDefinition> Tables => _tables.Values;

        public IReadOnlyCollection<RelationshipDefinition> Relationships => _relationships.Values;

        /// <summary>Every table privilege of the catalog's tables.</summary>
        public IReadOnlyCollection<PrivilegeDefinition> Privileges => _privileges.Values;

        /// <summary>The standard-table snapshot alone.</summary>
        public static MetadataCatalog Standard()
        {
            using var stream = typeof(MetadataCatalog).Assembly.GetManifestResourceStream(StandardResource)
                ?? throw new InvalidOperationException($"The embedded resource {StandardResource} is missing from LeadAlign.Dataverse.");
            var catalog = new MetadataCatalog();
            catalog.AddSnapshot(XDocument.Load(stream));
            using var privileges = typeof(MetadataCatalog).Assembly.GetManifestResourceStream(PrivilegeResource)
                ?? throw new InvalidOperationException($"The embedded resource {PrivilegeResource} is missing from LeadAlign.Dataverse.");
            catalog.AddPrivilegeSnapshot(XDocument.Load(privileges));
            catalog.AddRelationship(RelationshipDefinition.ManyToMany("teammembership_association", "teammembership", "team", "teamid", "systemuser", "systemuserid"));
            catalog.AddRelationship(RelationshipDefinition.ManyToMany("systemuserroles_association", "systemuserroles", "systemuser", "systemuserid", "role", "roleid"));
            return catalog;
        }

        /// <summary>The standard tables plus the customizations of the unpacked solution in <paramref name="solutionFolder"/>.</summary>
        public static MetadataCatalog ForSolution(string solutionFolder)
        {
            var catalog = Standard();
            catalog.AddSolution(solutionFolder);
            return catalog;
        }

        public TableDefinition? Table(string name) => name != null && _tables.TryGetValue(name, out var table) ? table : null;

        /// <summary>The table, or the platform's fault for an unknown table.</summary>
        public TableDefinition RequireTable(string name) => Table(name) ?? throw DataverseFault.UnknownTable(name);

        /// <summary>The column, or the platform's fault naming the table and column.</summary>
        public ColumnDefinition RequireColumn(string table, string column) =>
            RequireTable(table).Column(column) ?? throw DataverseFault.UnknownColumn(table, column);

        public RelationshipDefinition? Relationship(string schemaName) =>
            _relationships.TryGetValue(schemaName, out var relationship) ? relationship : null;

        /// <summary>The privilege of that exact name (privilege names are written as the platform writes them), or null.</summary>
        public PrivilegeDefinition? Privilege(string name) => name != null && _privileges.TryGetValue(name, out var privilege) ? privilege : null;

        /// <summary>The privileges that govern <paramref name="table"/>, by access right: none for a table without privileges of its own.</summary>
        public IEnumerable<PrivilegeDefinition> PrivilegesOf(string table) =>
            _privileges.Values.Where(privilege => privilege.Tables.Contains(table, StringComparer.Ordinal)).OrderBy(privilege => privilege.AccessRight);

        public void AddPrivilege(PrivilegeDefinition privilege) => _privileges[privilege.Name] = privilege;

        public IEnumerable<TableDefinition> ActivityTables => _tables.Values.Where(table => table.IsActivity && table.Name != "activitypointer");

        public void Add(TableDefinition table) => _tables[table.Name] = table;

        public void AddRelationship(RelationshipDefinition relationship) => _relationships[relationship.SchemaName] = relationship;

        /// <summary>Reads the snapshot format of Metadata/StandardTables.xml.</summary>
        public void AddSnapshot(XDocument snapshot) => StandardSnapshot.AddTables(this, snapshot);

        /// <summary>
        /// Reads the snapshot format of Metadata/StandardPrivileges.xml: per table its privileges (name, access right, depths),
        /// or <c>privilegesof</c> the table whose privileges it uses.
        /// </summary>
        public void AddPrivilegeSnapshot(XDocument snapshot) => StandardSnapshot.AddPrivileges(this, snapshot);

        /// <summary>Reads an unpacked solution's tables, columns, global choices and relationships.</summary>
        public void AddSolution(string solutionFolder) => SolutionMetadataReader.Add(this, solutionFolder);

        /// <summary>The SDK's <see cref="EntityMetadata"/> for a table, as RetrieveEntity returns it.</summary>
        public EntityMetadata ToEntityMetadata(TableDefinition table, EntityFilters filters) => SdkMetadata.EntityMetadataOf(table, filters);

        /// <summary>The SDK's <see cref="AttributeMetadata"/> subclass for a column, as RetrieveAttribute returns it.</summary>
        public static AttributeMetadata ToAttributeMetadata(TableDefinition table, ColumnDefinition column) => SdkMetadata.AttributeMetadataOf(table, column);

        /// <summary>A stable id derived from a name, so metadata ids are the same on every run.</summary>
        public static Guid NameId(string name)
        {
            var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name));
            var bytes = new byte[16];
            Array.Copy(hash, bytes, 16);
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            return new Guid(bytes);
        }
    }
}
