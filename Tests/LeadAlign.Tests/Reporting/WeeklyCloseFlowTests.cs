using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using LeadAlign.Schema;
using LeadAlign.Tests.Lifecycle;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Reporting
{
    /// <summary>
    /// The in-memory Dataverse does not run cloud flows; this reads the shipped weekly flow's definition and runs the actions it
    /// names, in order, against the organization, as the LeadAlign Administrator whose connection the flow's connection
    /// reference uses: the calls exist, with those parameters, and together they evaluate the clocks, re-score the leads and
    /// close the last full week.
    /// </summary>
    public sealed class WeeklyCloseFlowTests
    {
        [Fact]
        public void On_Monday_morning_the_flow_evaluates_the_clocks_rescores_the_leads_and_closes_the_last_full_week()
        {
            var fixture = ShippedRoles.Organization();
            var org = fixture.Org;
            org.SystemService.Update(new Entity("team", fixture.MarketingTeam) { [TeamTable.AdministratorId] = new EntityReference("systemuser", fixture.Marketer) });
            var lead = fixture.HandedOffLead();
            var monday = org.UtcNow.Date.AddDays(-(((int)org.UtcNow.DayOfWeek + 6) % 7));
            org.UtcNow = monday.AddDays(7).AddHours(2);
            var clock = org.All(SlaKpiInstanceTable.EntityName).Single(row => row.GetAttributeValue<string>(SlaKpiInstanceTable.Name) == SlaKpiInstanceTable.AcceptByName);
            Assert.Equal((int)SlaKpiStatus.InProgress, clock.GetAttributeValue<OptionSetValue>(SlaKpiInstanceTable.Status).Value);

            var run = new CloudFlowRun(org.As(fixture.Admin));
            using (var flow = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(RepositoryLayout.PathInRepo("Solution", "Workflows"), "*.json").Single())))
            {
                run.Run(flow.RootElement.GetProperty("properties").GetProperty("definition").GetProperty("actions"));
            }

            Assert.Equal(new[] { "la_EvaluateLeadSlas", "la_RecalculateLeadScores", "la_CloseAlignmentWeek" }, run.Calls.Select(call => call.RequestName));
            Assert.Equal(250, run.Calls[0]["PageSize"]);
            Assert.Equal((1, 250, string.Empty), ((int)run.Calls[1]["PageNumber"], (int)run.Calls[1]["PageSize"], (string)run.Calls[1]["PagingCookie"]));
            Assert.Empty(run.Calls[2].Parameters);

            Assert.Equal((int)SlaKpiStatus.Noncompliant, org.Get(SlaKpiInstanceTable.EntityName, clock.Id)!.GetAttributeValue<OptionSetValue>(SlaKpiInstanceTable.Status).Value);
            Assert.Equal(1, (int)run.Outputs["Recalculate_lead_scores"].Results["Scored"]);
            Assert.NotNull(fixture.Lead(lead).GetAttributeValue<int?>(LeadTable.Score));
            var week = Assert.Single(org.All(AlignmentWeekTable.EntityName));
            Assert.Equal(monday, week.GetAttributeValue<DateTime>(AlignmentWeekTable.WeekStart));
            Assert.Equal(1, week.GetAttributeValue<int>(AlignmentWeekTable.Mqls));
            Assert.Equal(1, week.GetAttributeValue<int>(AlignmentWeekTable.AcceptBreached));
            Assert.Equal(CommitmentResult.Missed, (CommitmentResult)week.GetAttributeValue<OptionSetValue>(AlignmentWeekTable.AcceptResult).Value);
            Assert.Single(org.All(AppNotificationTable.EntityName), row => row.GetAttributeValue<EntityReference>(AppNotificationTable.OwnerId).Id == fixture.Marketer
                && row.GetAttributeValue<string>(AppNotificationTable.Title).StartsWith("Alignment scorecard", StringComparison.Ordinal));
        }
    }
}
