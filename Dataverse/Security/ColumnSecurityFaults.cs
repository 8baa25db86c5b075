using System;
using System.ServiceModel;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Dataverse.Metadata;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Security
{
    /// <summary>
    /// The platform's refusal of a write to a secured column, as the PowerApps-Samples ColumnLevelSecurity sample
    /// (dataverse/orgsvc/CSharp-NETCore/ColumnLevelSecurity/Program.cs) catches it: error code -2147158777 (0x8004F507) and the
    /// message "Caller user with Id {id} does not have update permissions to a {column} secured field on entity {table}. The
    /// requested operation could not be completed." The sample shows Update; Create is refused with the same code and the word
    /// "create".
    /// </summary>
    internal static class ColumnSecurityFaults
    {
        /// <summary>-2147158777 (0x8004F507): the caller may not set or change a secured column.</summary>
        public const int SecuredFieldDenied = unchecked((int)0x8004F507);

        public static FaultException<OrganizationServiceFault> CannotWrite(Guid userId, TableDefinition table, ColumnDefinition column, bool create) =>
            DataverseFault.Create(
                SecuredFieldDenied,
                $"Caller user with Id {userId} does not have {(create ? "create" : "update")} permissions to a {column.DisplayName ?? column.Name} secured field on entity {table.DisplayName ?? table.SchemaName ?? table.Name}. "
                + $"The requested operation could not be completed. ({table.Name}.{column.Name} is secured: a field security profile of the user or their team must allow {(create ? "Create" : "Update")} on it.)");
    }
}
