using System;
using System.Collections.Generic;
using System.ServiceModel;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Service;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Messages
{
    /// <summary>
    /// RetrievePrincipalAccess: the access rights a user (Principal) has on a row (Target), as the platform's AccessRights flags
    /// (ReadAccess 1, WriteAccess 2, AppendAccess 4, AppendToAccess 16, DeleteAccess 65536, ShareAccess 262144, AssignAccess
    /// 524288; see RetrievePrincipalAccessRequest and the AccessRights enumeration on Microsoft Learn). The in-memory Dataverse
    /// grants a right when the user's roles hold its privilege at a depth that reaches the row (sharing is not modelled); SYSTEM,
    /// and every user where security roles are not enforced, holds them all. The response's AccessRights is the flags as an int
    /// (the SDK stand-ins have no AccessRights enumeration): read it with Convert.ToInt32. It only reads, and runs no steps.
    /// </summary>
    internal sealed class RetrievePrincipalAccessHandler : MessageHandler
    {
        private static readonly KeyValuePair<AccessRight, int>[] Flags =
        {
            new(AccessRight.Read, 1),
            new(AccessRight.Write, 2),
            new(AccessRight.Append, 4),
            new(AccessRight.AppendTo, 16),
            new(AccessRight.Delete, 65536),
            new(AccessRight.Share, 262144),
            new(AccessRight.Assign, 524288),
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
                throw DataverseFault.Invalid($"RetrievePrincipalAccess: the in-memory Dataverse answers for users (systemuser), not a {principal.LogicalName}.");
            }

            var row = context.Reader.Get(target.LogicalName, target.Id) ?? throw DataverseFault.RecordNotFound(target.LogicalName, target.Id);
            var rights = 0;
            foreach (var flag in Flags)
            {
                try
                {
                    context.Access.Require(principal.Id, flag.Key, target.LogicalName, row);
                    rights |= flag.Value;
                }
                catch (FaultException<OrganizationServiceFault>)
                {
                    // Not granted: the flag stays off.
                }
            }

            var response = new OrganizationResponse { ResponseName = "RetrievePrincipalAccess" };
            response.Results["AccessRights"] = rights;
            return response;
        }
    }
}
