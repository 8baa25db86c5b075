using System;
using LeadAlign.Dataverse.Query;
using LeadAlign.Dataverse.Service;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Dataverse.Messages
{
    /// <summary>RetrieveMultiple: a QueryExpression, QueryByAttribute or FetchExpression (<see cref="QueryRunner"/>); its primary table is the query's.</summary>
    internal sealed class RetrieveMultipleHandler : MessageHandler
    {
        public RetrieveMultipleHandler()
            : base("RetrieveMultiple")
        {
        }

        public override (string Table, Guid Id)? PrimaryRow(OrganizationRequest request) =>
            request.Parameters.TryGetValue("Query", out var query) ? (QueryRunner.TableOf(query), Guid.Empty) : null;

        public override OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
        {
            var response = new RetrieveMultipleResponse();
            response.Results["EntityCollection"] = context.Queries.RetrieveMultiple(Parameter<QueryBase>(request, "Query"), context.Caller.UserId);
            return response;
        }
    }
}
