using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Schema;
using LeadAlign.Tests.Lifecycle;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Reporting
{
    /// <summary>
    /// A seeded January on an organization whose agreement counts in US Eastern time (time zone code 35): leads from two campaigns and none, of
    /// several sources and bands, created before and during the period, moved through the stages by their reps, qualified into
    /// opportunities that are won and lost, rejected with reasons (the feedback workflow runs), clocks that breach and succeed,
    /// leads first called at once, at exactly an hour and a day later, and an opportunity no lead brought. Everything happens through LeadAlign's real plug-ins and workflows.
    /// </summary>
    internal sealed class ReportScenario
    {
        /// <summary>The agreement's time zone code: Eastern Standard Time (Microsoft Time Zone Index Values, 035).</summary>
        public const int TimeZoneCode = 35;

        /// <summary>The Windows id of <see cref="TimeZoneCode"/>, as its timezonedefinition row gives it.</summary>
        public const string TimeZone = "Eastern Standard Time";
        public static readonly DateTime PeriodStart = new(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);
        public static readonly DateTime PeriodEnd = new(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc);

        public ReportScenario(Func<LeadAlign.Dataverse.DataverseOptions, LeadAlign.Dataverse.DataverseOptions>? organization = null, bool seed = true)
        {
            Fixture = new LifecycleFixture(
                agreement: new Dictionary<string, object?> { [AgreementTable.TimeZoneCode] = TimeZoneCode },
                organization: options => (organization ?? (same => same))(options with { StartTime = new DateTime(2026, 1, 2, 9, 0, 0, DateTimeKind.Utc) }));
            if (seed)
            {
                Seed();
            }
        }

        public LifecycleFixture Fixture { get; }

        public LeadAlign.Dataverse.InMemoryDataverse Org => Fixture.Org;

        private void Seed()
        {
            var spring = Org.SystemService.Create(new Entity(CampaignTable.EntityName) { [CampaignTable.Name] = "Spring webinar" });
            var fair = Org.SystemService.Create(new Entity(CampaignTable.EntityName) { [CampaignTable.Name] = "Trade fair" });

            // Before the period: a lead handed off on Friday 2 January, qualified in the period.
            var early = Create("Early", spring, 8, qualified: true, estimate: 8_000m);
            Org.UtcNow = new DateTime(2026, 1, 5, 8, 30, 0, DateTimeKind.Utc);
            Accept(early);
            Org.Advance(TimeSpan.FromHours(1));
            ToSql(early);
            var earlyOpportunity = Qualify(early);

            // Monday 5 January.
            var ana = Create("Ana", spring, 8, qualified: true, estimate: 30_000m);
            var ben = Create("Ben", spring, 8, qualified: true, estimate: 12_000m);
            Call(ben);
            Org.Advance(TimeSpan.FromHours(1));
            Accept(ana);
            Call(ana);
            Org.Advance(TimeSpan.FromHours(2));
            Accept(ben);
            ToSql(ana);
            var cal = Create("Cal", fair, 7, qualified: false, estimate: 20_000m);
            var dee = Create("Dee", fair, null, qualified: true);
            Org.Advance(TimeSpan.FromHours(1));
            var hot = Create("Hal", null, 4, qualified: true);
            Call(hot);
            Call(dee);

            // Tuesday 6 January: Dee's accept clock has breached; Ana is qualified.
            Org.UtcNow = new DateTime(2026, 1, 6, 10, 0, 0, DateTimeKind.Utc);
            Evaluate();
            ToSql(ben);
            var anaOpportunity = Qualify(ana);
            var eve = Create("Eve", spring, 8, qualified: true);
            var fay = Create("Fay", null, null, qualified: false, minimal: true);

            // Wednesday 7 January: Cal's job title comes in (MQL), Dee and Eve are rejected with reasons.
            Org.UtcNow = new DateTime(2026, 1, 7, 9, 15, 0, DateTimeKind.Utc);
            Org.As(Fixture.Marketer).Update(new Entity(LeadTable.EntityName, cal) { ["jobtitle"] = "Chief Operating Officer" });
            Reject(dee, RejectionReason.NoBudget);
            Org.Advance(TimeSpan.FromHours(1));
            Accept(eve);
            Call(eve);
            Reject(eve, RejectionReason.NotAFit);
            Accept(cal);
            Org.Advance(TimeSpan.FromHours(3));
            ToSql(cal);
            var benOpportunity = Qualify(ben);

            // The week of 12 January: Cal qualified, deals close, and a walk-in opportunity no lead brought.
            Org.UtcNow = new DateTime(2026, 1, 13, 11, 0, 0, DateTimeKind.Utc);
            var calOpportunity = Qualify(cal);
            Win(anaOpportunity, 42_000m, new DateTime(2026, 1, 14, 0, 0, 0, DateTimeKind.Utc));
            Lose(benOpportunity, new DateTime(2026, 1, 15, 0, 0, 0, DateTimeKind.Utc));
            Org.UtcNow = new DateTime(2026, 1, 16, 14, 0, 0, DateTimeKind.Utc);
            Win(calOpportunity, 10_500.50m, new DateTime(2026, 1, 16, 0, 0, 0, DateTimeKind.Utc));
            Win(earlyOpportunity, 7_000m, new DateTime(2026, 1, 16, 0, 0, 0, DateTimeKind.Utc));
            Org.SystemService.Create(new Entity(OpportunityTable.EntityName) { ["name"] = "Walk-in deal", [OpportunityTable.EstimatedValue] = new Money(5_000m) });
            Evaluate();

            // Tuesday 20 January: the week of 12 January is over; a lead of the week stays an inquiry.
            Org.UtcNow = new DateTime(2026, 1, 20, 10, 0, 0, DateTimeKind.Utc);
            Create("Gus", fair, 7, qualified: false);
            Evaluate();
            Assert.Equal(LifecycleFixture.Inquiry, Fixture.StageOf(fay));
            Assert.Empty(Org.FailedAsyncJobs);
        }

        private Guid Create(string name, Guid? campaign, int? source, bool qualified, decimal? estimate = null, bool minimal = false)
        {
            var lead = LifecycleFixture.QualifiedLead(name);
            if (!qualified)
            {
                lead.Attributes.Remove("jobtitle");
            }

            if (minimal)
            {
                foreach (var column in new[] { "numberofemployees", "revenue", "telephone1" })
                {
                    lead.Attributes.Remove(column);
                }
            }

            lead[LeadTable.CampaignId] = campaign.HasValue ? new EntityReference(CampaignTable.EntityName, campaign.Value) : null;
            lead[LeadTable.LeadSource] = source.HasValue ? new OptionSetValue(source.Value) : null;
            lead["estimatedamount"] = estimate.HasValue ? new Money(estimate.Value) : null;
            var id = Org.As(Fixture.Marketer).Create(lead);
            Assert.Equal(qualified ? LifecycleFixture.Mql : LifecycleFixture.Inquiry, Fixture.StageOf(id));
            return id;
        }

        private void Accept(Guid lead) => Fixture.SetStage(Fixture.OwnerOf(lead), lead, LifecycleFixture.Sal);

        private void ToSql(Guid lead) => Fixture.SetStage(Fixture.OwnerOf(lead), lead, LifecycleFixture.Sql, LifecycleFixture.Bant);

        private void Reject(Guid lead, RejectionReason reason)
        {
            Fixture.SetStage(Fixture.OwnerOf(lead), lead, LifecycleFixture.Rejected, new Dictionary<string, object?> { [LeadTable.RejectionReason] = new OptionSetValue((int)reason) });
            Org.DrainAsync();
        }

        private void Call(Guid lead)
        {
            var rep = Fixture.OwnerOf(lead);
            var call = Org.As(rep).Create(new Entity("phonecall") { ["subject"] = "Intro call", ["directioncode"] = true, ["regardingobjectid"] = new EntityReference(LeadTable.EntityName, lead) });
            Org.As(rep).Execute(new SetStateRequest { EntityMoniker = new EntityReference("phonecall", call), State = new OptionSetValue(1), Status = new OptionSetValue(2) });
        }

        private Guid Qualify(Guid lead)
        {
            Org.As(Fixture.OwnerOf(lead)).Execute(new QualifyLeadRequest { LeadId = new EntityReference(LeadTable.EntityName, lead), CreateOpportunity = true, Status = new OptionSetValue(3) });
            return Fixture.Lead(lead).GetAttributeValue<EntityReference>("qualifyingopportunityid").Id;
        }

        private void Win(Guid opportunity, decimal revenue, DateTime on) =>
            Org.SystemService.Execute(new WinOpportunityRequest { OpportunityClose = Close(opportunity, revenue, on), Status = new OptionSetValue(3) });

        private void Lose(Guid opportunity, DateTime on) =>
            Org.SystemService.Execute(new LoseOpportunityRequest { OpportunityClose = Close(opportunity, null, on), Status = new OptionSetValue(4) });

        private void Evaluate()
        {
            while ((bool)Org.SystemService.Execute(new OrganizationRequest("la_EvaluateLeadSlas") { ["PageSize"] = 100 }).Results["MoreRecords"])
            {
            }
        }

        private static Entity Close(Guid opportunity, decimal? revenue, DateTime end)
        {
            var close = new Entity("opportunityclose") { ["opportunityid"] = new EntityReference(OpportunityTable.EntityName, opportunity), ["subject"] = "Closed", ["actualend"] = end };
            if (revenue != null)
            {
                close["actualrevenue"] = new Money(revenue.Value);
            }

            return close;
        }
    }
}
