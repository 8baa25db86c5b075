using System;
using System.ServiceModel;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Dataverse.Metadata;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Security
{
    /// <summary>
    /// The platform's refusals when a user's roles do not allow a request, with the PrivilegeDenied code (0x80040220). When no role
    /// grants the privilege at all: "Principal user (Id=…, type=8, roleCount=…) is missing prvReadAccount privilege (Id=…) on
    /// OTC=…", the shape users and vendors quote from the platform (Inogic, "Error 'Principal user is missing prvReadAccount
    /// privilege' resolved", 2016; Skyvia's knowledge base, "Dynamics 365: Principal user is missing prvReadAccount privilege"; CRM
    /// Tip of the Day #29, "The principal user (xxxxxxxx) is missing permission prvXXXXXXX"). When a role grants it at a depth that
    /// does not reach the row: the platform's record-level refusal "SecLib::AccessCheckEx failed. Returned hr = -2147187962,
    /// ObjectID: …, OwnerId: …, OwnerIdType: 8 and CallingUser: …. ObjectTypeCode: …, objectBusinessUnitId: …, AccessRights:
    /// ReadAccess" (hr 0x80048306), as commonly reported from production traces; no public page quoting it in full was found to
    /// cite, so only its fields are relied on. Each message then says, in the in-memory Dataverse's words, which privilege was
    /// missing and the depth that was needed.
    /// </summary>
    internal static class PrivilegeFaults
    {
        /// <summary>0x80040220 (PrivilegeDenied): the calling user's roles lack a privilege, or grant it at too shallow a depth.</summary>
        public const int PrivilegeDenied = unchecked((int)0x80040220);

        /// <summary>No role of the user grants <paramref name="privilege"/>.</summary>
        public static FaultException<OrganizationServiceFault> Missing(UserAccess user, PrivilegeDefinition privilege, TableDefinition table, PrivilegeDepths needed) =>
            DataverseFault.Create(
                PrivilegeDenied,
                $"Principal user (Id={user.UserId}, type=8, roleCount={user.RoleCount}), is missing {privilege.Name} privilege (Id={MetadataCatalog.NameId(privilege.Name)}) on OTC={table.ObjectTypeCode} for entity '{table.Name}'. "
                + $"The {privilege.AccessRight} needs {privilege.Name} at depth {needed} or deeper, and no role of the user grants it.");

        /// <summary>The user's roles grant <paramref name="privilege"/> at <paramref name="granted"/>, which does not reach the row.</summary>
        public static FaultException<OrganizationServiceFault> TooShallow(UserAccess user, PrivilegeDefinition privilege, TableDefinition table, Entity row, PrivilegeDepths granted, PrivilegeDepths needed)
        {
            var owner = row.GetAttributeValue<EntityReference>("ownerid");
            return DataverseFault.Create(
                PrivilegeDenied,
                $"SecLib::AccessCheckEx failed. Returned hr = -2147187962, ObjectID: {row.Id}, OwnerId: {owner?.Id ?? Guid.Empty},  OwnerIdType: {(owner?.LogicalName == "team" ? 9 : 8)} and CallingUser: {user.UserId}. "
                + $"ObjectTypeCode: {table.ObjectTypeCode}, objectBusinessUnitId: {UserAccess.UnitOf(row) ?? Guid.Empty}, AccessRights: {privilege.AccessRight}Access. "
                + $"The user's roles grant {privilege.Name} at depth {granted}; this {table.Name} row needs {needed}.");
        }
    }
}
