using System;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Dataverse.Service;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadAlign.Dataverse.Messages
{
    /// <summary>Upsert by id: an Update when the row exists, else a Create with that id (alternate keys are not modelled).</summary>
    internal sealed class UpsertHandler : MessageHandler
    {
        public UpsertHandler()
            : base("Upsert")
        {
        }

        public override bool RunsInPipeline => false;

        public override OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
        {
            var target = Parameter<Entity>(request, "Target");
            var table = context.Metadata.RequireTable(target.LogicalName ?? string.Empty);
            if (target.KeyAttributes.Count > 0)
            {
                throw DataverseFault.Invalid($"Upsert by alternate key is not modelled by the in-memory Dataverse ({table.Name}): give the row's id.");
            }

            var exists = target.Id != Guid.Empty && context.Store.Contains(table.Name, target.Id);
            var inner = new OrganizationRequest(exists ? "Update" : "Create");
            inner.Parameters["Target"] = target;
            var done = context.RunOperation(inner);
            var response = new UpsertResponse();
            response.Results["RecordCreated"] = !exists;
            response.Results["Target"] = new EntityReference(table.Name, exists ? target.Id : (Guid)done.Results["id"]);
            return response;
        }
    }
}
