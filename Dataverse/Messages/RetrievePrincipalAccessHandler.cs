using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Service;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Messages
{
    /// <summary>
    /// RetrievePrincipalAccess: the rights a user holds on a row, from their roles (and their teams' roles) at the depth that reaches
    /// the row, answered as the AccessRights flags and never refused for lack of access (Microsoft Learn, "RetrievePrincipalAccessRequest
    /// Class": "Retrieves the access rights of the specified security principal (team or user) to the specified record"). It reads
    /// only, so no steps run on it here. Sharing (PrincipalObjectAccess) is not modelled: rights come from roles and ownership only.
    /// A team as the principal is refused as not supported by the in-memory Dataverse.
    /// </summary>
    internal sealed class RetrievePrincipalAccessHandler : MessageHandler
    {
        private static readonly IReadOnlyList<(AccessRight Right, AccessRights Flag)> Rights = new[]
        {
            (AccessRight.Read, AccessRights.ReadAccess),
            (AccessRight.Write, AccessRights.WriteAccess),
            (AccessRight.Append, AccessRights.AppendAccess),
            (AccessRight.AppendTo, AccessRights.AppendToAccess),
            (AccessRight.Create, AccessRights.CreateAccess),
            (AccessRight.Delete, AccessRights.DeleteAccess),
            (AccessRight.Share, AccessRights.ShareAccess),
            (AccessRight.Assign, AccessRights.AssignAccess),
        };

        public RetrievePrincipalAccessHandler()
            : base("RetrievePrincipalAccess")
        {
        }

        public override bool RunsInPipeline => false;

        public override OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
        {
            var target = Parameter<EntityReference>(request, "Target");
            var principal = Parameter<EntityReference>(request, "Principal");
            if (principal.LogicalName != "systemuser")
            {
                throw DataverseFault.Invalid($"RetrievePrincipalAccess for a {principal.LogicalName} principal is not supported by the in-memory Dataverse: give a systemuser.");
            }

            var row = context.Reader.Get(target.LogicalName, target.Id) ?? throw DataverseFault.RecordNotFound(target.LogicalName, target.Id);
            var granted = AccessRights.None;
            var privileges = context.Metadata.PrivilegesOf(target.LogicalName);
            foreach (var (right, flag) in Rights)
            {
                // A right the table has no privilege for (Assign and Share of an organization-owned table) is never held.
                if (privileges.Any(privilege => privilege.AccessRight == right) && context.Access.Holds(principal.Id, right, row))
                {
                    granted |= flag;
                }
            }

            var response = new RetrievePrincipalAccessResponse();
            response.Results["AccessRights"] = granted;
            return response;
        }
    }
}
