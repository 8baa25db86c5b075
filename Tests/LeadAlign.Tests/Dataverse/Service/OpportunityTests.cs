using System;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Tests.Support;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Dataverse.Service
{
    /// <summary>
    /// Opportunities as Dynamics 365 Sales has them: QualifyLead creating one from the lead, then WinOpportunity and
    /// LoseOpportunity closing it with an opportunityclose activity
    /// (https://learn.microsoft.com/en-us/dynamics365/sales/developer/entities/opportunity: statecode Open 0, Won 1, Lost 2;
    /// statuscode In Progress 1, On Hold 2, Won 3, Canceled 4, Out-Sold 5).
    /// </summary>
    public sealed class OpportunityTests
    {
        private readonly InMemoryDataverse _org = new();

        private Guid OpenOpportunity(string name = "50 seats") =>
            _org.SystemService.Create(new Entity("opportunity") { ["name"] = name, ["estimatedvalue"] = new Money(4000m) });

        private static Entity Close(Guid opportunity, decimal? revenue = null, DateTime? end = null)
        {
            var close = new Entity("opportunityclose") { ["opportunityid"] = new EntityReference("opportunity", opportunity), ["subject"] = "Closed" };
            if (revenue is { } value)
            {
                close["actualrevenue"] = new Money(value);
            }

            if (end is { } date)
            {
                close["actualend"] = date;
            }

            return close;
        }

        [Fact]
        public void Qualifying_a_lead_with_an_opportunity_creates_it_from_the_lead_with_its_campaign_and_the_new_account()
        {
            var rep = _org.AddUser("Rita Rep");
            var campaign = _org.SystemService.Create(new Entity("campaign") { ["name"] = "Spring webinar" });
            var lead = _org.As(rep).Create(new Entity("lead")
            {
                ["lastname"] = "Novak", ["companyname"] = "Contoso", ["subject"] = "50 seats for Contoso",
                ["campaignid"] = new EntityReference("campaign", campaign), ["estimatedamount"] = new Money(12000m),
            });

            var response = (QualifyLeadResponse)_org.As(rep).Execute(new QualifyLeadRequest
            {
                LeadId = new EntityReference("lead", lead), CreateAccount = true, CreateOpportunity = true, Status = new OptionSetValue(3),
            });

            var account = Assert.Single(_org.All("account"));
            var opportunity = Assert.Single(_org.All("opportunity"));
            Assert.Equal(new[] { "account", "opportunity" }, response.CreatedEntities.Select(row => row.LogicalName));
            Assert.Equal(opportunity.Id, response.CreatedEntities.Single(row => row.LogicalName == "opportunity").Id);
            Assert.Equal(new EntityReference("lead", lead), opportunity.GetAttributeValue<EntityReference>("originatingleadid"));
            Assert.Equal(new EntityReference("campaign", campaign), opportunity.GetAttributeValue<EntityReference>("campaignid"));
            Assert.Equal(new EntityReference("account", account.Id), opportunity.GetAttributeValue<EntityReference>("customerid"));
            Assert.Equal(new EntityReference("account", account.Id), opportunity.GetAttributeValue<EntityReference>("parentaccountid"));
            Assert.Equal("50 seats for Contoso", opportunity.GetAttributeValue<string>("name"));
            Assert.Equal(12000m, opportunity.GetAttributeValue<Money>("estimatedvalue").Value);
            Assert.Equal(0, opportunity.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(1, opportunity.GetAttributeValue<OptionSetValue>("statuscode").Value);
            Assert.Equal(rep, opportunity.GetAttributeValue<EntityReference>("ownerid").Id);
            var qualified = _org.Get("lead", lead)!;
            Assert.Equal(1, qualified.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(new EntityReference("opportunity", opportunity.Id), qualified.GetAttributeValue<EntityReference>("qualifyingopportunityid"));
        }

        [Fact]
        public void The_customer_and_campaign_given_to_QualifyLead_win_over_the_leads()
        {
            var customer = _org.SystemService.Create(new Entity("contact") { ["lastname"] = "Existing" });
            var leadCampaign = _org.SystemService.Create(new Entity("campaign") { ["name"] = "Spring webinar" });
            var given = _org.SystemService.Create(new Entity("campaign") { ["name"] = "Trade show" });
            var lead = _org.SystemService.Create(new Entity("lead") { ["lastname"] = "Novak", ["campaignid"] = new EntityReference("campaign", leadCampaign) });

            _org.SystemService.Execute(new QualifyLeadRequest
            {
                LeadId = new EntityReference("lead", lead), CreateOpportunity = true, Status = new OptionSetValue(3),
                OpportunityCustomerId = new EntityReference("contact", customer), SourceCampaignId = new EntityReference("campaign", given),
            });

            var opportunity = Assert.Single(_org.All("opportunity"));
            Assert.Equal(new EntityReference("contact", customer), opportunity.GetAttributeValue<EntityReference>("customerid"));
            Assert.Equal(new EntityReference("campaign", given), opportunity.GetAttributeValue<EntityReference>("campaignid"));
            Assert.Empty(_org.All("account"));
        }

        [Fact]
        public void Qualifying_without_an_opportunity_creates_none()
        {
            var lead = _org.SystemService.Create(new Entity("lead") { ["lastname"] = "Novak", ["companyname"] = "Contoso" });

            var response = (QualifyLeadResponse)_org.SystemService.Execute(new QualifyLeadRequest { LeadId = new EntityReference("lead", lead), CreateAccount = true, Status = new OptionSetValue(3) });

            Assert.Empty(_org.All("opportunity"));
            Assert.Equal("account", Assert.Single(response.CreatedEntities).LogicalName);
            Assert.False(_org.Get("lead", lead)!.Contains("qualifyingopportunityid"));
        }

        [Fact]
        public void Winning_an_opportunity_records_a_completed_close_and_sets_it_won_with_the_actual_value()
        {
            var opportunity = OpenOpportunity();
            var end = new DateTime(2026, 3, 31, 0, 0, 0, DateTimeKind.Utc);

            var response = _org.SystemService.Execute(new WinOpportunityRequest { OpportunityClose = Close(opportunity, 5000m, end), Status = new OptionSetValue(3) });

            Assert.IsType<WinOpportunityResponse>(response);
            var close = Assert.Single(_org.All("opportunityclose"));
            Assert.Equal(new EntityReference("opportunity", opportunity), close.GetAttributeValue<EntityReference>("opportunityid"));
            Assert.Equal(1, close.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(2, close.GetAttributeValue<OptionSetValue>("statuscode").Value);
            Assert.Equal(5000m, close.GetAttributeValue<Money>("actualrevenue").Value);
            Assert.Equal("opportunityclose", close.GetAttributeValue<string>("activitytypecode"));
            var won = _org.Get("opportunity", opportunity)!;
            Assert.Equal(1, won.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(3, won.GetAttributeValue<OptionSetValue>("statuscode").Value);
            Assert.Equal(5000m, won.GetAttributeValue<Money>("actualvalue").Value);
            Assert.Equal(end, won.GetAttributeValue<DateTime>("actualclosedate"));
        }

        [Fact]
        public void Losing_an_opportunity_to_a_competitor_sets_it_lost_out_sold_and_closed_today()
        {
            var opportunity = OpenOpportunity();

            _org.SystemService.Execute(new LoseOpportunityRequest { OpportunityClose = Close(opportunity), Status = new OptionSetValue(5) });

            var lost = _org.Get("opportunity", opportunity)!;
            Assert.Equal(2, lost.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(5, lost.GetAttributeValue<OptionSetValue>("statuscode").Value);
            Assert.Equal(_org.UtcNow.Date, lost.GetAttributeValue<DateTime>("actualclosedate"));
            Assert.False(lost.Contains("actualvalue"));
            Assert.Equal(1, Assert.Single(_org.All("opportunityclose")).GetAttributeValue<OptionSetValue>("statecode").Value);
        }

        [Fact]
        public void Losing_without_a_status_cancels_the_opportunity()
        {
            var opportunity = OpenOpportunity();

            _org.SystemService.Execute(new LoseOpportunityRequest { OpportunityClose = Close(opportunity) });

            Assert.Equal(4, _org.Get("opportunity", opportunity)!.GetAttributeValue<OptionSetValue>("statuscode").Value);
        }

        [Fact]
        public void Winning_a_lost_opportunity_is_refused_and_records_no_second_close()
        {
            var opportunity = OpenOpportunity();
            _org.SystemService.Execute(new LoseOpportunityRequest { OpportunityClose = Close(opportunity), Status = new OptionSetValue(5) });

            var fault = TestOrganization.Fault(() => _org.SystemService.Execute(new WinOpportunityRequest { OpportunityClose = Close(opportunity, 5000m), Status = new OptionSetValue(3) }));

            Assert.Equal(DataverseFault.InvalidArgument, fault.ErrorCode);
            Assert.Contains(opportunity.ToString(), fault.Message, StringComparison.Ordinal);
            Assert.Single(_org.All("opportunityclose"));
            Assert.Equal(2, _org.Get("opportunity", opportunity)!.GetAttributeValue<OptionSetValue>("statecode").Value);
        }

        [Fact]
        public void Winning_with_a_status_of_another_state_is_refused_and_rolls_the_close_back()
        {
            var opportunity = OpenOpportunity();

            TestOrganization.Fault(() => _org.SystemService.Execute(new WinOpportunityRequest { OpportunityClose = Close(opportunity), Status = new OptionSetValue(5) }));

            Assert.Empty(_org.All("opportunityclose"));
            Assert.Equal(0, _org.Get("opportunity", opportunity)!.GetAttributeValue<OptionSetValue>("statecode").Value);
        }
    }
}
