using System;
using System.Linq;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Dataverse.Service;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadAlign.Dataverse.Messages
{
    /// <summary>
    /// QualifyLead: creates the account, contact and opportunity asked for (as nested Creates), then closes the lead as qualified
    /// with a nested Update of statecode and statuscode (and qualifyingopportunityid, when it created one), so Update steps
    /// filtering on statecode see it, as they see the platform's internal state change. The opportunity is D365 Sales's
    /// default mapping: its originating lead, the lead's topic as its name, the lead's estimated amount and close date, the
    /// customer given (else the new account, else the new contact, else the lead's customer), the campaign given (else the
    /// lead's), and the currency given.
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

            var closed = new Entity("lead", lead.Id);
            if (request.Parameters.TryGetValue("CreateOpportunity", out var opportunity) && opportunity is true)
            {
                var opportunityId = (Guid)context.RunNested(new CreateRequest { Target = Opportunity(request, lead, created) }).Results["id"];
                created.Add(new EntityReference("opportunity", opportunityId));
                closed["qualifyingopportunityid"] = new EntityReference("opportunity", opportunityId);
            }

            var status = request.Parameters.TryGetValue("Status", out var value) && value is OptionSetValue given ? given.Value : 3;
            closed["statecode"] = new OptionSetValue(1);
            closed["statuscode"] = new OptionSetValue(status);
            context.RunNested(new UpdateRequest { Target = closed });
            var response = new QualifyLeadResponse();
            response.Results["CreatedEntities"] = created;
            return response;
        }

        private static Entity Opportunity(OrganizationRequest request, Entity lead, EntityReferenceCollection created)
        {
            EntityReference? Given(string parameter) => request.Parameters.TryGetValue(parameter, out var value) ? value as EntityReference : null;
            EntityReference? Created(string table) => created.FirstOrDefault(row => row.LogicalName == table);

            var account = Created("account");
            var contact = Created("contact");
            var opportunity = new Entity("opportunity")
            {
                ["name"] = lead.GetAttributeValue<string>("subject") ?? lead.GetAttributeValue<string>("fullname"),
                ["originatingleadid"] = new EntityReference("lead", lead.Id),
                ["customerid"] = Given("OpportunityCustomerId") ?? account ?? contact ?? lead.GetAttributeValue<EntityReference>("customerid"),
                ["parentaccountid"] = account ?? lead.GetAttributeValue<EntityReference>("parentaccountid"),
                ["parentcontactid"] = contact ?? lead.GetAttributeValue<EntityReference>("parentcontactid"),
                ["campaignid"] = Given("SourceCampaignId") ?? lead.GetAttributeValue<EntityReference>("campaignid"),
                ["transactioncurrencyid"] = Given("OpportunityCurrencyId"),
                ["estimatedvalue"] = lead.GetAttributeValue<Money>("estimatedamount"),
                ["estimatedclosedate"] = lead.GetAttributeValue<DateTime?>("estimatedclosedate"),
            };
            return opportunity;
        }
    }
}
