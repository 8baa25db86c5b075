using System;
using System.Linq;
using LeadAlign.Dataverse.Service;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadAlign.Dataverse.Messages
{
    /// <summary>CreateMultiple: every Target through the Create pipeline, all or nothing; the response carries the new rows' Ids.</summary>
    internal sealed class CreateMultipleHandler : MultipleTargetsHandler
    {
        public CreateMultipleHandler()
            : base("CreateMultiple", "Create")
        {
        }

        protected override void Complete(OrganizationResponse response, ExecuteTransactionResponse done) =>
            response.Results["Ids"] = done.Responses.Select(each => (Guid)each.Results["id"]).ToArray();
    }
}
