using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Cli.Simulation;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Simulation
{
    /// <summary>
    /// Issue 19's world: a seeded month of 2,000 leads, 6 reps and 30 days, read from the rows LeadAlign wrote. Its funnel lands
    /// in the published B2B ranges (<see cref="FunnelPriors"/>), leads spend hours to days in Inquiry before engagement makes
    /// them MQLs, every rejection reason occurs, and leads first contacted within five minutes of their handoff reach SQL far
    /// more often than leads first contacted after an hour.
    /// </summary>
    public sealed class SimulatedWorldTests : IClassFixture<SimulatedWorldTests.Month>
    {
        private readonly Month _month;

        public SimulatedWorldTests(Month month) => _month = month;

        [Fact]
        public void The_default_funnel_lands_inside_the_published_waterfall_ranges()
        {
            var leads = _month.Leads;
            var mqls = leads.Where(lead => lead.Contains(LeadTable.MqlOn)).ToList();
            var sals = mqls.Where(lead => lead.Contains(LeadTable.AcceptedOn)).ToList();
            var sqls = sals.Where(lead => lead.Contains(LeadTable.SqlOn)).ToList();

            // Won within the run only for SQLs early enough to have been converted and closed (1 to 3 days, then 5 to 14 days).
            var settled = leads.Where(lead => lead.Contains(LeadTable.SqlOn) && lead.GetAttributeValue<DateTime>(LeadTable.SqlOn) < _month.Simulator.Start.AddDays(20)).Select(lead => lead.Id).ToHashSet();
            var won = _month.Simulator.Org.All("opportunity").Count(opportunity => opportunity.GetAttributeValue<OptionSetValue>("statecode")?.Value == 1
                && settled.Contains(opportunity.GetAttributeValue<EntityReference>("originatingleadid")?.Id ?? Guid.Empty));

            InRange("Inquiry → MQL", mqls.Count, leads.Count, FunnelPriors.InquiryToMql);
            InRange("MQL → SAL", sals.Count, mqls.Count, FunnelPriors.MqlToSal);
            InRange("SAL → SQL", sqls.Count, sals.Count, FunnelPriors.SalToSql);
            InRange("SQL → won", won, settled.Count, FunnelPriors.SqlToWon);
        }

        [Fact]
        public void Most_mqls_spend_hours_to_days_in_inquiry_and_every_rejection_reason_occurs()
        {
            var hours = _month.Leads.Where(lead => lead.Contains(LeadTable.MqlOn))
                .Select(lead => (lead.GetAttributeValue<DateTime>(LeadTable.MqlOn) - lead.GetAttributeValue<DateTime>("createdon")).TotalHours)
                .OrderBy(value => value).ToList();
            var median = hours[hours.Count / 2];
            var atCreation = hours.Count(value => value == 0) / (double)hours.Count;
            var reasons = _month.Leads.Where(lead => lead.Contains(LeadTable.RejectionReason))
                .GroupBy(lead => (RejectionReason)lead.GetAttributeValue<OptionSetValue>(LeadTable.RejectionReason).Value)
                .ToDictionary(group => group.Key, group => group.Count());

            Assert.InRange(median, 4, 14 * 24);
            Assert.True(atCreation < 0.25, $"{atCreation:P0} of the MQLs were MQL at creation");
            Assert.All(Enum.GetValues<RejectionReason>(), reason => Assert.True(reasons.ContainsKey(reason), $"no lead was rejected as {reason}"));
        }

        [Fact]
        public void Leads_first_contacted_within_five_minutes_reach_sql_far_more_often_than_after_an_hour()
        {
            var contacted = _month.Leads.Where(lead => lead.Contains(LeadTable.MinutesToFirstContact)).ToList();
            var fast = contacted.Where(lead => lead.GetAttributeValue<int>(LeadTable.MinutesToFirstContact) <= 5).ToList();
            var slow = contacted.Where(lead => lead.GetAttributeValue<int>(LeadTable.MinutesToFirstContact) > 60).ToList();
            double SqlRate(List<Entity> group) => group.Count(lead => lead.Contains(LeadTable.SqlOn)) / (double)group.Count;

            Assert.True(fast.Count >= 30 && slow.Count >= 30, $"{fast.Count} leads contacted within 5 minutes, {slow.Count} after an hour");
            Assert.True(SqlRate(fast) > SqlRate(slow) + 0.2, $"SQL rate within 5 minutes {SqlRate(fast):P1}, after an hour {SqlRate(slow):P1}");
        }

        private static void InRange(string step, int reached, int of, (double Low, double High) prior)
        {
            var rate = reached / (double)of;
            Assert.True(rate >= prior.Low && rate <= prior.High, $"{step}: {reached} of {of} ({rate:P1}), outside the published {prior.Low:P0}–{prior.High:P0}");
        }

        /// <summary>The seeded month, run once for the class.</summary>
        public sealed class Month
        {
            public Month()
            {
                Simulator = new Simulator(new SimulationOptions { Leads = 3000, Reps = 8, Days = 30, Seed = 11, SolutionFolder = RepositoryLayout.PathInRepo("Solution") });
                Simulator.Run((_, _, _) => { });
                Leads = Simulator.Org.All("lead");
            }

            public Simulator Simulator { get; }

            public IReadOnlyList<Entity> Leads { get; }
        }
    }
}
