using System;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Dataverse.Service;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadAlign.Dataverse.Messages
{
    /// <summary>
    /// SendEmail: the email is closed as Pending Send when it is to be sent (IssueSend), as Sent otherwise, with a nested
    /// Update of its state, so Update steps see it. Nothing is delivered: there is no mailbox here.
    /// </summary>
    internal sealed class SendEmailHandler : MessageHandler
    {
        public SendEmailHandler()
            : base("SendEmail")
        {
        }

        public override (string Table, Guid Id)? PrimaryRow(OrganizationRequest request) =>
            request.Parameters.TryGetValue("EmailId", out var emailId) && emailId is Guid email ? ("email", email) : null;

        public override OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
        {
            var emailId = Parameter<Guid>(request, "EmailId");
            var email = context.Store.Get("email", emailId) ?? throw DataverseFault.RecordNotFound("email", emailId);
            if (email.GetAttributeValue<OptionSetValue>("statecode")?.Value != 0)
            {
                throw DataverseFault.Invalid($"The email {emailId} is not a draft: only a draft email can be sent.");
            }

            if (email.GetAttributeValue<EntityCollection>("to") is not { Entities.Count: > 0 })
            {
                throw DataverseFault.Invalid($"The email {emailId} has no recipient: add one to To before sending it.");
            }

            var issueSend = request.Parameters.TryGetValue("IssueSend", out var issue) && issue is true;
            context.RunNested(new UpdateRequest { Target = new Entity("email", emailId) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(issueSend ? 6 : 3), ["senton"] = context.Clock.UtcNow } });
            var response = new SendEmailResponse();
            response.Results["Subject"] = email.GetAttributeValue<string>("subject");
            return response;
        }
    }
}
