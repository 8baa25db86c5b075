using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Plugins.Outcomes;
using LeadAlign.Schema;
using LeadAlign.Tests.Lifecycle;
using LeadAlign.Tests.Support;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Outcomes
{
    /// <summary>
    /// The outcome comes back: a lead handed off to sales, qualified into an opportunity, and that opportunity won, lost or
    /// reopened; the lead then holds (or no longer holds) the outcome, its date, its revenue and the days it took.
    /// </summary>
    public sealed class OpportunityOutcomeTests
    {
        private readonly LifecycleFixture _fixture = new();

        private Guid Rep => _fixture.Reps[0];

        [Fact]
        public void A_won_opportunity_brings_won_its_date_revenue_and_days_back_to_the_lead_from_the_close_activity_in_four_calls()
        {
            var (lead, opportunity, createdOn) = QualifiedIntoOpportunity();
            var closeOn = createdOn.Date.AddDays(30);
            _fixture.Org.Log.Clear();

            _fixture.Org.As(Rep).Execute(new WinOpportunityRequest { OpportunityClose = Close(opportunity, 42_000m, closeOn), Status = new OptionSetValue(3) });

            var row = _fixture.Lead(lead);
            Assert.Equal((int)Outcome.Won, row.GetAttributeValue<OptionSetValue>(LeadTable.Outcome).Value);
            Assert.Equal(closeOn, row.GetAttributeValue<DateTime>(LeadTable.OutcomeOn));
            Assert.Equal(42_000m, row.GetAttributeValue<decimal>(LeadTable.OutcomeRevenue));
            Assert.Equal(30, row.GetAttributeValue<int>(LeadTable.DaysInquiryToClose));
            Assert.Equal(28, row.GetAttributeValue<int>(LeadTable.DaysHandoffToClose));
            var history = _fixture.History(lead).Last();
            Assert.Equal("Won", history[LeadStageChangeTable.Name]);
            Assert.Equal(LifecycleFixture.Converted, history.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.FromStage).Value);
            Assert.Equal(LifecycleFixture.Converted, history.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.ToStage).Value);
            Assert.Contains("42000.00", history.GetAttributeValue<string>(LeadStageChangeTable.Note), StringComparison.Ordinal);
            Assert.Equal(Rep, history.GetAttributeValue<EntityReference>(LeadStageChangeTable.ChangedBy).Id);

            // The close activity's step writes it: one Retrieve of the opportunity (its originating lead), one of the lead
            // (createdon, handoff, stage, outcome), one Update of it, one Create of the history row. The state change that
            // follows inside Win is left alone by the Update step, without a call.
            var run = Assert.Single(_fixture.Org.Log.Of(typeof(OpportunityClosedPlugin)));
            Assert.Equal(2, run.Calls("Retrieve"));
            Assert.Equal(1, run.Calls("Update"));
            Assert.Equal(1, run.Calls("Create"));
            Assert.Equal(4, run.TotalCalls);
            Assert.Equal(0, Assert.Single(_fixture.Org.Log.Of(typeof(OpportunityOutcomePlugin))).TotalCalls);
            Assert.Single(_fixture.History(lead), history => history.GetAttributeValue<string>(LeadStageChangeTable.Name) == "Won");
        }

        [Fact]
        public void A_lost_opportunity_brings_lost_its_date_and_no_revenue_back_to_the_lead()
        {
            var (lead, opportunity, createdOn) = QualifiedIntoOpportunity();
            var closeOn = createdOn.Date.AddDays(12);

            _fixture.Org.As(Rep).Execute(new LoseOpportunityRequest { OpportunityClose = Close(opportunity, null, closeOn), Status = new OptionSetValue(4) });

            var row = _fixture.Lead(lead);
            Assert.Equal((int)Outcome.Lost, row.GetAttributeValue<OptionSetValue>(LeadTable.Outcome).Value);
            Assert.Equal(closeOn, row.GetAttributeValue<DateTime>(LeadTable.OutcomeOn));
            Assert.Equal(0m, row.GetAttributeValue<decimal>(LeadTable.OutcomeRevenue));
            Assert.Equal(12, row.GetAttributeValue<int>(LeadTable.DaysInquiryToClose));
            Assert.Equal(10, row.GetAttributeValue<int>(LeadTable.DaysHandoffToClose));
            Assert.Equal("Lost", _fixture.History(lead).Last()[LeadStageChangeTable.Name]);
        }

        [Fact]
        public void Reopening_a_won_opportunity_clears_the_leads_outcome()
        {
            var (lead, opportunity, createdOn) = QualifiedIntoOpportunity();
            _fixture.Org.As(Rep).Execute(new WinOpportunityRequest { OpportunityClose = Close(opportunity, 42_000m, createdOn.Date.AddDays(30)), Status = new OptionSetValue(3) });
            Assert.NotNull(_fixture.Lead(lead).GetAttributeValue<OptionSetValue>(LeadTable.Outcome));

            _fixture.Org.As(Rep).Execute(new SetStateRequest { EntityMoniker = new EntityReference("opportunity", opportunity), State = new OptionSetValue(0), Status = new OptionSetValue(1) });

            var row = _fixture.Lead(lead);
            Assert.Equal(0, _fixture.Org.Get("opportunity", opportunity)!.GetAttributeValue<OptionSetValue>("statecode").Value);
            foreach (var column in new[] { LeadTable.Outcome, LeadTable.OutcomeOn, LeadTable.OutcomeRevenue, LeadTable.DaysInquiryToClose, LeadTable.DaysHandoffToClose })
            {
                Assert.Null(row.GetAttributeValue<object>(column));
            }

            Assert.Equal(new[] { "Won", "Reopened" }, _fixture.History(lead).Select(history => history.GetAttributeValue<string>(LeadStageChangeTable.Name)).TakeLast(2));
        }

        [Fact]
        public void An_opportunity_without_an_originating_lead_changes_no_lead()
        {
            var lead = _fixture.HandedOffLead();
            var before = _fixture.History(lead).Count;
            var opportunity = _fixture.Org.SystemService.Create(new Entity("opportunity") { ["name"] = "Walk-in deal" });
            _fixture.Org.Log.Clear();

            _fixture.Org.SystemService.Execute(new WinOpportunityRequest { OpportunityClose = Close(opportunity, 9_000m, _fixture.Org.UtcNow.Date), Status = new OptionSetValue(3) });

            Assert.Equal(1, Assert.Single(_fixture.Org.Log.Of(typeof(OpportunityClosedPlugin))).TotalCalls);
            Assert.Equal(0, Assert.Single(_fixture.Org.Log.Of(typeof(OpportunityOutcomePlugin))).TotalCalls);
            Assert.All(_fixture.Org.All("lead"), row => Assert.Null(row.GetAttributeValue<OptionSetValue>(LeadTable.Outcome)));
            Assert.Equal(before, _fixture.History(lead).Count);
        }

        [Fact]
        public void Steps_on_Win_and_Lose_see_the_platforms_message_names_and_the_close_activitys_parent_context()
        {
            var (_, opportunity, createdOn) = QualifiedIntoOpportunity();
            _fixture.Org.Log.Clear();

            _fixture.Org.As(Rep).Execute(new WinOpportunityRequest { OpportunityClose = Close(opportunity, 1_000m, createdOn.Date.AddDays(3)), Status = new OptionSetValue(3) });

            var close = Assert.Single(_fixture.Org.Log.Of(typeof(OpportunityClosedPlugin)));
            Assert.Equal("Create", close.Message);
            Assert.Equal(2, close.Depth);
            Assert.DoesNotContain("not recorded by Win or Lose", close.Trace, StringComparison.Ordinal);
            var stateChange = Assert.Single(_fixture.Org.Log.Of(typeof(OpportunityOutcomePlugin)));
            Assert.Contains("Closed inside Win or Lose", stateChange.Trace, StringComparison.Ordinal);
        }

        [Fact]
        public void A_close_activity_created_outside_Win_and_Lose_writes_no_outcome()
        {
            var (lead, opportunity, createdOn) = QualifiedIntoOpportunity();
            var before = _fixture.History(lead).Count;

            _fixture.Org.SystemService.Create(new Entity("opportunityclose") { ["opportunityid"] = new EntityReference("opportunity", opportunity), ["subject"] = "Imported close", ["actualrevenue"] = new Money(5m), ["actualend"] = createdOn.Date });

            Assert.Null(_fixture.Lead(lead).GetAttributeValue<OptionSetValue>(LeadTable.Outcome));
            Assert.Equal(before, _fixture.History(lead).Count);
        }

        [Fact]
        public void An_opportunity_closed_by_an_update_instead_of_Win_gets_its_outcome_written_once()
        {
            var (lead, opportunity, createdOn) = QualifiedIntoOpportunity();
            var closeOn = createdOn.Date.AddDays(20);

            _fixture.Org.SystemService.Update(new Entity("opportunity", opportunity) { ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(4), ["actualclosedate"] = closeOn });

            var row = _fixture.Lead(lead);
            Assert.Equal((int)Outcome.Lost, row.GetAttributeValue<OptionSetValue>(LeadTable.Outcome).Value);
            Assert.Equal(closeOn, row.GetAttributeValue<DateTime>(LeadTable.OutcomeOn));
            Assert.Single(_fixture.History(lead), history => history.GetAttributeValue<string>(LeadStageChangeTable.Name) == "Lost");
        }

        [Fact]
        public void A_caller_setting_the_outcome_on_a_lead_is_refused()
        {
            var lead = _fixture.HandedOffLead();

            var fault = TestOrganization.Fault(() => _fixture.Org.As(Rep).Update(new Entity("lead", lead) { [LeadTable.Outcome] = new OptionSetValue((int)Outcome.Won), [LeadTable.OutcomeRevenue] = 1_000_000m }));

            Assert.StartsWith($"LeadAlign computes {LeadTable.Outcome}, {LeadTable.OutcomeRevenue}: they cannot be set or changed directly.", fault.Message, StringComparison.Ordinal);
            Assert.Null(_fixture.Lead(lead).GetAttributeValue<OptionSetValue>(LeadTable.Outcome));
        }

        /// <summary>
        /// A lead created as an inquiry (no job title: it scores under the MQL threshold), handed off two days later when its job
        /// title comes in, taken to SQL and qualified by its rep into an opportunity.
        /// </summary>
        private (Guid Lead, Guid Opportunity, DateTime CreatedOn) QualifiedIntoOpportunity()
        {
            var org = _fixture.Org;
            var inquiry = LifecycleFixture.QualifiedLead();
            inquiry.Attributes.Remove("jobtitle");
            var lead = org.As(_fixture.Marketer).Create(inquiry);
            var createdOn = _fixture.Lead(lead).GetAttributeValue<DateTime>(LeadTable.CreatedOn);
            Assert.Equal(LifecycleFixture.Inquiry, _fixture.StageOf(lead));
            org.Advance(TimeSpan.FromDays(2));
            org.As(_fixture.Marketer).Update(new Entity("lead", lead) { ["jobtitle"] = "Chief Operating Officer" });
            Assert.Equal(createdOn.Date.AddDays(2), _fixture.Lead(lead).GetAttributeValue<DateTime>(LeadTable.HandoffOn).Date);
            Assert.Equal(Rep, _fixture.OwnerOf(lead));
            _fixture.SetStage(Rep, lead, LifecycleFixture.Sal);
            _fixture.SetStage(Rep, lead, LifecycleFixture.Sql, LifecycleFixture.Bant);
            org.As(Rep).Execute(new QualifyLeadRequest { LeadId = new EntityReference("lead", lead), CreateOpportunity = true, Status = new OptionSetValue(3) });
            var opportunity = _fixture.Lead(lead).GetAttributeValue<EntityReference>("qualifyingopportunityid").Id;
            return (lead, opportunity, createdOn);
        }

        private static Entity Close(Guid opportunity, decimal? revenue, DateTime end)
        {
            var close = new Entity("opportunityclose")
            {
                ["opportunityid"] = new EntityReference("opportunity", opportunity),
                ["subject"] = "Closed",
                ["actualend"] = end,
            };
            if (revenue != null)
            {
                close["actualrevenue"] = new Money(revenue.Value);
            }

            return close;
        }
    }
}
