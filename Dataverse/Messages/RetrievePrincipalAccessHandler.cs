using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Service;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Messages
{
    /// <summary>
    /// RetrievePrincipalAccess: the rights a user (Principal) holds on a row (Target), from their security roles and the row's
    /// owner and business unit, as the access check of every other message grants them; it runs no steps. The platform answers
    /// AccessRights, a flags enum (ReadAccess 1, WriteAccess 2, AppendAccess 4, AppendToAccess 16, CreateAccess 32, DeleteAccess
    /// 65536, ShareAccess 262144, AssignAccess 524288: Microsoft Learn, AccessRights Enum, Microsoft.Crm.Sdk.Messages); the SDK
    /// stand-ins have no such enum, so the in-memory Dataverse answers the same flags as an int (read either with Convert.ToInt32).
    /// Sharing and access teams are not modelled, so only role-granted rights are counted.
    /// </summary>
    internal sealed class RetrievePrincipalAccessHandler : MessageHandler
    {
        private static readonly KeyValuePair<AccessRight, int>[] Flags =
        {
            new(AccessRight.Read, 1), new(AccessRight.Write, 2), new(AccessRight.Append, 4), new(AccessRight.AppendTo, 16),
            new(AccessRight.Create, 32), new(AccessRight.Delete, 65536), new(AccessRight.Share, 262144), new(AccessRight.Assign, 524288),
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
            var row = context.Reader.Get(target.LogicalName, target.Id) ?? throw DataverseFault.RecordNotFound(target.LogicalName, target.Id);
            var rights = 0;
            var privileges = context.Metadata.PrivilegesOf(target.LogicalName);
            foreach (var flag in Flags)
            {
                // A right the table has no privilege for (Assign and Share of an organization-owned table) is never held.
                if (!privileges.Any(privilege => privilege.AccessRight == flag.Key))
                {
                    continue;
                }

                try
                {
                    context.Access.Require(principal.Id, flag.Key, target.LogicalName, row);
                    rights |= flag.Value;
                }
                catch (FaultException<OrganizationServiceFault>)
                {
                    // Not granted: the check's refusal is the answer here, not a failure of the request.
                }
            }

            var response = new OrganizationResponse { ResponseName = "RetrievePrincipalAccess" };
            response.Results["AccessRights"] = rights;
            return response;
        }
    }
}
