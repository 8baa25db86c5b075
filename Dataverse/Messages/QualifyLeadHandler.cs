using System;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Dataverse.Service;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadAlign.Dataverse.Messages
{
    /// <summary>
    /// QualifyLead: creates the account and contact asked for (as nested Creates), then closes the lead as qualified with a
    /// nested Update of statecode and statuscode, so Update steps filtering on statecode see it, as they see the platform's
    /// internal state change. Creating an opportunity is not modelled (opportunity is not in the metadata snapshot).
    /// </summary>
    internal sealed class QualifyLeadHandler : MessageHandler
    {
        public QualifyLeadHandler()
            : base("QualifyLead")
        {
        }

        public override (string Table, Guid Id)? PrimaryRow(OrganizationRequest request) =>
            request.Parameters.TryGetValue("LeadId", out var leadId) && leadId is EntityReference lead ? ("lead", lead.Id) : null;

        /// <summary>QualifyLead closes the lead: it holds the lead's lock from the start, so two qualifications of one lead queue.</summary>
        public override bool LocksPrimaryRow => true;

        public override OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
        {
            var leadRef = Parameter<EntityReference>(request, "LeadId");
            var lead = context.Store.Get("lead", leadRef.Id) ?? throw DataverseFault.RecordNotFound("lead", leadRef.Id);
            if (lead.GetAttributeValue<OptionSetValue>("statecode")?.Value != 0)
            {
                throw DataverseFault.Invalid($"The lead {leadRef.Id} is not open: only an open lead can be qualified.");
            }

            if (request.Parameters.TryGetValue("CreateOpportunity", out var opportunity) && opportunity is true)
            {
                throw DataverseFault.Create(DataverseFault.MessageNotSupported, "QualifyLead with CreateOpportunity is not modelled by the in-memory Dataverse (opportunity is not in its metadata).");
            }

            var created = new EntityReferenceCollection();
            if (request.Parameters.TryGetValue("CreateAccount", out var account) && account is true && lead.GetAttributeValue<string>("companyname") is { } company)
            {
                var accountRequest = new CreateRequest { Target = new Entity("account") { ["name"] = company, ["originatingleadid"] = new EntityReference("lead", lead.Id) } };
                created.Add(new EntityReference("account", (Guid)context.RunNested(accountRequest).Results["id"]));
            }

            if (request.Parameters.TryGetValue("CreateContact", out var contact) && contact is true)
            {
                var contactRequest = new CreateRequest
                {
                    Target = new Entity("contact")
                    {
                        ["firstname"] = lead.GetAttributeValue<string>("firstname"),
                        ["lastname"] = lead.GetAttributeValue<string>("lastname") ?? lead.GetAttributeValue<string>("fullname") ?? "(lead)",
                        ["emailaddress1"] = lead.GetAttributeValue<string>("emailaddress1"),
                        ["originatingleadid"] = new EntityReference("lead", lead.Id),
                    },
                };
                created.Add(new EntityReference("contact", (Guid)context.RunNested(contactRequest).Results["id"]));
            }

            var status = request.Parameters.TryGetValue("Status", out var value) && value is OptionSetValue given ? given.Value : 3;
            context.RunNested(new UpdateRequest { Target = new Entity("lead", lead.Id) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(status) } });
            var response = new QualifyLeadResponse();
            response.Results["CreatedEntities"] = created;
            return response;
        }
    }
}
