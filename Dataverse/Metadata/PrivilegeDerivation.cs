using System;
using System.Linq;

namespace LeadAlign.Dataverse.Metadata
{
    /// <summary>
    /// The privileges the platform creates with a new custom table, derived from its schema name, ownership and activity flag.
    /// A standard table's privileges are not derived: they are read from Metadata/StandardPrivileges.xml (<see cref="StandardSnapshot"/>).
    /// </summary>
    internal static class PrivilegeDerivation
    {
        /// <summary>
        /// A new custom table's privileges, as the platform creates them: an activity table uses the activity privileges
        /// (prvCreateActivity, …); any other table gets prv + access right + its schema name as written, all four depths and
        /// Assign and Share when user-owned, Global only and no Assign or Share when organization-owned.
        /// </summary>
        public static void AddCustomTablePrivileges(MetadataCatalog catalog, TableDefinition table)
        {
            if (table.IsActivity)
            {
                foreach (var privilege in catalog.PrivilegesOf("activitypointer").ToList())
                {
                    catalog.AddPrivilege(privilege.WithTable(table.Name));
                }

                return;
            }

            foreach (var right in Enum.GetValues<AccessRight>())
            {
                if (!table.IsUserOwned && (right == AccessRight.Assign || right == AccessRight.Share))
                {
                    continue;
                }

                catalog.AddPrivilege(new PrivilegeDefinition("prv" + right + (table.SchemaName ?? table.Name), right, table.IsUserOwned ? PrivilegeDepths.All : PrivilegeDepths.Global, new[] { table.Name }));
            }
        }
    }
}
