using System;
using System.Linq;
using System.Text.Json.Nodes;
using LeadAlign.Dataverse;
using LeadAlign.Schema;
using LeadAlign.Tests.Lifecycle;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Reporting
{
    /// <summary>
    /// la_CloseAlignmentWeek on the seeded January of <see cref="ReportScenario"/> (US Eastern time): a closed week holds the
    /// figures counted from the rows, closing again updates the one row and notifies the team managers only when a figure
    /// changed, a week not over is refused, and a sales rep may not close a week.
    /// </summary>
    public sealed class AlignmentWeekTests
    {
        private static readonly DateTime WeekOf5January = new(2026, 1, 5, 0, 0, 0, DateTimeKind.Unspecified);
        private static readonly DateTime WeekOf12January = new(2026, 1, 12, 0, 0, 0, DateTimeKind.Unspecified);

        [Fact]
        public void A_closed_week_holds_both_teams_commitments_beside_the_actuals_counted_from_the_rows()
        {
            var scenario = new ReportScenario();
            var org = scenario.Org;
            var answered = org.All(LeadFeedbackTable.EntityName).First();
            org.SystemService.Update(new Entity(LeadFeedbackTable.EntityName, answered.Id) { [LeadFeedbackTable.RespondedOn] = answered.GetAttributeValue<DateTime>(LeadFeedbackTable.DueOn).AddHours(-1) });
            org.SystemService.Update(new Entity(AgreementTable.EntityName, LifecycleFixture.AgreementId) { [AgreementTable.MqlsPerWeek] = 4, [AgreementTable.PipelineSharePercent] = 50 });

            foreach (var monday in new[] { WeekOf5January, WeekOf12January })
            {
                var week = Close(org.As(scenario.Fixture.Marketer), monday);
                var row = org.Get(AlignmentWeekTable.EntityName, week.Id)!;
                var zone = TimeZoneInfo.FindSystemTimeZoneById(ReportScenario.TimeZone);
                var start = TimeZoneInfo.ConvertTimeToUtc(monday, zone);
                var expected = new ExpectedWeek(org, start, TimeZoneInfo.ConvertTimeToUtc(monday.AddDays(7), zone));

                Assert.Equal(start, row.GetAttributeValue<DateTime>(AlignmentWeekTable.WeekStart));
                Assert.Equal(LifecycleFixture.AgreementId, row.GetAttributeValue<EntityReference>(AlignmentWeekTable.AgreementId).Id);
                foreach (var column in expected.Columns)
                {
                    Assert.True(column.Value == row.GetAttributeValue<int>(column.Key), $"{monday:yyyy-MM-dd} {column.Key}: expected {column.Value}, the row holds {row.GetAttributeValue<int>(column.Key)}.");
                }

                Assert.Equal(ExpectedWeek.Percent(expected[AlignmentWeekTable.MqlsAccepted], expected[AlignmentWeekTable.Mqls]), row.GetAttributeValue<decimal?>(AlignmentWeekTable.AcceptedPercent));
                Assert.Equal(ExpectedWeek.Percent(expected[AlignmentWeekTable.MqlsRejectedWithReason], expected[AlignmentWeekTable.Mqls]), row.GetAttributeValue<decimal?>(AlignmentWeekTable.RejectedWithReasonPercent));
                var share = ExpectedWeek.Percent(expected[AlignmentWeekTable.OpportunitiesFromMarketing], expected[AlignmentWeekTable.Opportunities]);
                Assert.Equal(share, row.GetAttributeValue<decimal?>(AlignmentWeekTable.PipelineShare));
                Assert.Equal(ExpectedWeek.Percent(expected[AlignmentWeekTable.AcceptSucceeded], expected[AlignmentWeekTable.AcceptSucceeded] + expected[AlignmentWeekTable.AcceptBreached]), row.GetAttributeValue<decimal?>(AlignmentWeekTable.AcceptCompliance));
                Assert.Equal(ExpectedWeek.Percent(expected[AlignmentWeekTable.FeedbackInTime], expected[AlignmentWeekTable.FeedbackDue]), row.GetAttributeValue<decimal?>(AlignmentWeekTable.FeedbackInTimePercent));
                Assert.Equal(4, row.GetAttributeValue<int?>(AlignmentWeekTable.MqlCommitment));
                Assert.Equal(expected[AlignmentWeekTable.Mqls] >= 4 ? CommitmentResult.Met : CommitmentResult.Missed, Result(row, AlignmentWeekTable.MqlResult));
                Assert.Equal(share == null ? CommitmentResult.NotMeasured : share >= 50 ? CommitmentResult.Met : CommitmentResult.Missed, Result(row, AlignmentWeekTable.PipelineShareResult));
                var accepts = expected[AlignmentWeekTable.AcceptSucceeded] + expected[AlignmentWeekTable.AcceptBreached];
                Assert.Equal(accepts == 0 ? CommitmentResult.NotMeasured : expected[AlignmentWeekTable.AcceptBreached] == 0 ? CommitmentResult.Met : CommitmentResult.Missed, Result(row, AlignmentWeekTable.AcceptResult));
                Assert.Equal(expected[AlignmentWeekTable.FeedbackDue] == 0 ? CommitmentResult.NotMeasured : expected[AlignmentWeekTable.FeedbackInTime] == expected[AlignmentWeekTable.FeedbackDue] ? CommitmentResult.Met : CommitmentResult.Missed, Result(row, AlignmentWeekTable.FeedbackResult));
            }

            // The seeded month gives the figures something to count: handoffs, acceptances, rejections, SQLs, clocks and feedback.
            var weeks = org.All(AlignmentWeekTable.EntityName);
            Assert.Equal(2, weeks.Count);
            foreach (var column in new[] { AlignmentWeekTable.Mqls, AlignmentWeekTable.MqlsAccepted, AlignmentWeekTable.MqlsRejectedWithReason, AlignmentWeekTable.Sqls, AlignmentWeekTable.Opportunities, AlignmentWeekTable.AcceptSucceeded, AlignmentWeekTable.AcceptBreached, AlignmentWeekTable.FeedbackDue, AlignmentWeekTable.FeedbackInTime })
            {
                Assert.True(weeks.Sum(week => week.GetAttributeValue<int>(column)) > 0, $"The seeded weeks count no {column}.");
            }
        }

        [Fact]
        public void A_closed_week_counts_the_leads_the_decision_clock_returned_to_nurture_whatever_their_recycle_reason_says_later()
        {
            var scenario = new ReportScenario();
            var org = scenario.Org;
            var fixture = scenario.Fixture;

            // Tuesday 20 January: two leads are handed off and accepted; nobody decides on Ivy, and the administrator nurtures Jo
            // (with a reason of his own) the day Ivy's decision is due.
            var ivy = org.As(fixture.Marketer).Create(LifecycleFixture.QualifiedLead("Ivy"));
            var jo = org.As(fixture.Marketer).Create(LifecycleFixture.QualifiedLead("Jo"));
            fixture.SetStage(fixture.OwnerOf(ivy), ivy, LifecycleFixture.Sal);
            fixture.SetStage(fixture.OwnerOf(jo), jo, LifecycleFixture.Sal);
            var clock = org.Get(SlaKpiInstanceTable.EntityName, fixture.Lead(ivy).GetAttributeValue<EntityReference>(LeadTable.DecisionByKpiId).Id)!;
            org.Advance(clock.GetAttributeValue<DateTime>(SlaKpiInstanceTable.FailureTime).AddHours(-1) - org.UtcNow);
            fixture.SetStage(fixture.Admin, jo, LifecycleFixture.Nurture, new System.Collections.Generic.Dictionary<string, object?>
            {
                [LeadTable.RejectionReason] = new OptionSetValue((int)RejectionReason.NotReadyYet),
                [LeadTable.RecycleReason] = "Budget next year",
            });
            org.Advance(TimeSpan.FromHours(2));

            // The decision clock breaches (the sweep), then marketing rewrites Ivy's recycle reason.
            org.SystemService.Execute(new OrganizationRequest("la_EvaluateLeadSlas"));
            Assert.Equal(LifecycleFixture.Nurture, fixture.StageOf(ivy));
            org.SystemService.Update(new Entity(LeadTable.EntityName, ivy) { [LeadTable.RecycleReason] = "Re-nurtured by marketing" });
            var returnedOn = fixture.History(ivy).Last().GetAttributeValue<DateTime>(LeadStageChangeTable.ChangedOn);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(ReportScenario.TimeZone);
            var monday = TimeZoneInfo.ConvertTimeFromUtc(returnedOn, zone).Date.AddDays(-(((int)TimeZoneInfo.ConvertTimeFromUtc(returnedOn, zone).DayOfWeek + 6) % 7));
            var start = TimeZoneInfo.ConvertTimeToUtc(monday, zone);
            org.Advance(TimeZoneInfo.ConvertTimeToUtc(monday.AddDays(7), zone).AddHours(1) - org.UtcNow);

            var row = org.Get(AlignmentWeekTable.EntityName, Close(org.As(fixture.Marketer), monday).Id)!;

            var expected = new ExpectedWeek(org, start, TimeZoneInfo.ConvertTimeToUtc(monday.AddDays(7), zone));
            Assert.Equal(1, expected[AlignmentWeekTable.NoDecisionReturns]);
            Assert.Equal(expected[AlignmentWeekTable.NoDecisionReturns], row.GetAttributeValue<int>(AlignmentWeekTable.NoDecisionReturns));
            Assert.Equal(CommitmentResult.Missed, Result(row, AlignmentWeekTable.NoDecisionResult));

            // The week before had none: the commitment was met.
            var before = org.Get(AlignmentWeekTable.EntityName, Close(org.As(fixture.Marketer), monday.AddDays(-7)).Id)!;
            Assert.Equal(0, before.GetAttributeValue<int>(AlignmentWeekTable.NoDecisionReturns));
            Assert.Equal(CommitmentResult.Met, Result(before, AlignmentWeekTable.NoDecisionResult));
        }

        [Fact]
        public void The_alignment_report_shows_both_teams_commitments_of_each_closed_week_of_the_period_as_the_rows_hold_them()
        {
            var scenario = new ReportScenario();
            var org = scenario.Org;
            org.SystemService.Update(new Entity(AgreementTable.EntityName, LifecycleFixture.AgreementId) { [AgreementTable.MqlsPerWeek] = 4, [AgreementTable.PipelineSharePercent] = 50 });
            var marketer = org.As(scenario.Fixture.Marketer);
            var empty = JsonNode.Parse((string)AlignmentReportTests.Report(marketer, ReportScenario.PeriodStart, ReportScenario.PeriodEnd).Results["Report"])!;
            // The week of 5 January starts at 4 January 23:00 UTC, an hour before the period: it overlaps the period, so it is in.
            var before = Close(marketer, WeekOf5January);
            var first = Close(marketer, WeekOf12January);
            org.Advance(new DateTime(2026, 1, 26, 10, 0, 0, DateTimeKind.Utc) - org.UtcNow);
            var second = Close(marketer, WeekOf12January.AddDays(7));

            var report = JsonNode.Parse((string)AlignmentReportTests.Report(marketer, ReportScenario.PeriodStart, ReportScenario.PeriodEnd).Results["Report"])!;

            Assert.Empty(empty["weeks"]!.AsArray());
            JsonFigures.Equal(new ExpectedReport(org, LifecycleFixture.AgreementId, ReportScenario.PeriodStart, ReportScenario.PeriodEnd, org.UtcNow).Build(), report);
            var weeks = report["weeks"]!.AsArray();
            Assert.Equal(new[] { before.Id.ToString("D"), first.Id.ToString("D"), second.Id.ToString("D") }, weeks.Select(week => (string)week!["id"]!));
            Assert.Equal(new[] { "2026-01-05", "2026-01-12", "2026-01-19" }, weeks.Select(week => (string)week!["weekStart"]!));
            var row = org.Get(AlignmentWeekTable.EntityName, first.Id)!;
            var mqls = weeks[1]!["commitments"]!.AsArray()[0]!;
            Assert.Equal(("Marketing", "MQLs delivered", row.GetAttributeValue<int>(AlignmentWeekTable.Mqls), 4), ((string)mqls["team"]!, (string)mqls["commitment"]!, (int)mqls["actual"]!, (int)mqls["target"]!));
            Assert.Equal(row.GetAttributeValue<int>(AlignmentWeekTable.Mqls) >= 4 ? "Met" : "Missed", (string)mqls["result"]!);
            var teams = weeks[0]!["commitments"]!.AsArray().Select(commitment => (string)commitment!["team"]! + ": " + (string)commitment["commitment"]!);
            Assert.Equal(new[] { "Marketing: MQLs delivered", "Marketing: Handoff quality (accepted %)", "Marketing: Pipeline share", "Marketing: Feedback answered in time", "Sales: Accept compliance", "Sales: First-contact compliance", "Sales: No-decision returns" }, teams);
        }

        [Fact]
        public void Closing_a_week_again_updates_its_one_row_and_notifies_both_managers_only_when_a_figure_changed()
        {
            var scenario = new ReportScenario();
            var org = scenario.Org;
            var salesManager = org.AddUser("Sam Sales-Manager");
            var marketingManager = org.AddUser("Meg Marketing-Manager");
            org.SystemService.Update(new Entity("team", scenario.Fixture.SalesTeam) { [TeamTable.AdministratorId] = new EntityReference("systemuser", salesManager) });
            org.SystemService.Update(new Entity("team", scenario.Fixture.MarketingTeam) { [TeamTable.AdministratorId] = new EntityReference("systemuser", marketingManager) });
            var marketer = org.As(scenario.Fixture.Marketer);

            var first = marketer.Execute(Request(WeekOf5January));
            var second = marketer.Execute(Request(WeekOf5January));

            var week = (EntityReference)first.Results["AlignmentWeek"];
            Assert.Equal(week.Id, ((EntityReference)second.Results["AlignmentWeek"]).Id);
            Assert.Single(org.All(AlignmentWeekTable.EntityName));
            Assert.Equal((true, true), ((bool)first.Results["Created"], (bool)first.Results["Changed"]));
            Assert.Equal((false, false), ((bool)second.Results["Created"], (bool)second.Results["Changed"]));
            Assert.Equal(1, Notifications(org, salesManager, week));
            Assert.Equal(1, Notifications(org, marketingManager, week));
            var notification = org.All(AppNotificationTable.EntityName).First(row => row.GetAttributeValue<EntityReference>(AppNotificationTable.OwnerId).Id == salesManager);
            Assert.Equal("Alignment scorecard: week of 2026-01-05", notification.GetAttributeValue<string>(AppNotificationTable.Title));
            Assert.Equal(org.SystemUserId, notification.GetAttributeValue<EntityReference>("createdby").Id);

            // The agreement's commitment changes: the next close rewrites the same row and tells both managers again.
            org.SystemService.Update(new Entity(AgreementTable.EntityName, LifecycleFixture.AgreementId) { [AgreementTable.MqlsPerWeek] = 40 });
            var third = marketer.Execute(Request(WeekOf5January));

            Assert.Equal((false, true), ((bool)third.Results["Created"], (bool)third.Results["Changed"]));
            Assert.Single(org.All(AlignmentWeekTable.EntityName));
            Assert.Equal(40, org.Get(AlignmentWeekTable.EntityName, week.Id)!.GetAttributeValue<int?>(AlignmentWeekTable.MqlCommitment));
            Assert.Equal(CommitmentResult.Missed, Result(org.Get(AlignmentWeekTable.EntityName, week.Id)!, AlignmentWeekTable.MqlResult));
            Assert.Equal(2, Notifications(org, salesManager, week));
            Assert.Equal(2, Notifications(org, marketingManager, week));
        }

        [Fact]
        public void A_week_that_is_not_over_is_refused_with_when_it_ends()
        {
            var fixture = new LifecycleFixture();
            fixture.HandedOffLead();
            var thisWeek = fixture.Org.UtcNow.Date;

            var refused = TestOrganization.Fault(() => fixture.Org.As(fixture.Marketer).Execute(Request(thisWeek)));

            Assert.Contains($"The week of {thisWeek:yyyy-MM-dd} is not over yet: it ends on {thisWeek.AddDays(7 - ((int)thisWeek.DayOfWeek + 6) % 7):yyyy-MM-dd}", refused.Message, StringComparison.Ordinal);
            Assert.Empty(fixture.Org.All(AlignmentWeekTable.EntityName));
        }

        [Fact]
        public void A_sales_rep_may_not_close_a_week_and_only_a_manager_who_can_read_the_week_is_notified()
        {
            var fixture = ShippedRoles.Organization();
            var org = fixture.Org;
            var roleless = org.AddUser("Nora No-Role");
            org.SystemService.Update(new Entity("team", fixture.SalesTeam) { [TeamTable.AdministratorId] = new EntityReference("systemuser", fixture.Admin) });
            org.SystemService.Update(new Entity("team", fixture.MarketingTeam) { [TeamTable.AdministratorId] = new EntityReference("systemuser", roleless) });
            fixture.HandedOffLead();
            var monday = org.UtcNow.Date.AddDays(-(((int)org.UtcNow.DayOfWeek + 6) % 7));
            org.UtcNow = monday.AddDays(7).AddHours(2);

            var refused = TestOrganization.Fault(() => org.As(fixture.Reps[0]).Execute(Request(null)));
            var closed = org.As(fixture.Marketer).Execute(Request(null));

            Assert.Contains("prvWritela_leadfeedback", refused.Message, StringComparison.Ordinal);
            var week = (EntityReference)closed.Results["AlignmentWeek"];
            var row = org.Get(AlignmentWeekTable.EntityName, week.Id)!;
            Assert.Equal(monday, row.GetAttributeValue<DateTime>(AlignmentWeekTable.WeekStart));
            Assert.Equal(1, row.GetAttributeValue<int>(AlignmentWeekTable.Mqls));
            Assert.Equal(1, Notifications(org, fixture.Admin, week));
            Assert.Equal(0, Notifications(org, roleless, week));
            org.As(fixture.Reps[0]).Retrieve(AlignmentWeekTable.EntityName, week.Id, new Microsoft.Xrm.Sdk.Query.ColumnSet(AlignmentWeekTable.Mqls));
        }

        [Fact]
        public void A_second_row_for_the_same_agreement_and_week_is_refused()
        {
            var fixture = new LifecycleFixture();
            var org = fixture.Org;
            org.UtcNow = org.UtcNow.AddDays(8);
            var week = (EntityReference)org.As(fixture.Marketer).Execute(Request(null)).Results["AlignmentWeek"];
            var row = org.Get(AlignmentWeekTable.EntityName, week.Id)!;

            var refused = TestOrganization.Fault(() => org.SystemService.Create(new Entity(AlignmentWeekTable.EntityName)
            {
                [AlignmentWeekTable.Name] = "Copy",
                [AlignmentWeekTable.AgreementId] = row[AlignmentWeekTable.AgreementId],
                [AlignmentWeekTable.WeekStart] = row[AlignmentWeekTable.WeekStart],
            }));

            Assert.Contains("already has a row for this week", refused.Message, StringComparison.Ordinal);
            Assert.Single(org.All(AlignmentWeekTable.EntityName));
        }

        private static OrganizationRequest Request(DateTime? weekStart)
        {
            var request = new OrganizationRequest("la_CloseAlignmentWeek");
            if (weekStart.HasValue)
            {
                request["WeekStart"] = DateTime.SpecifyKind(weekStart.Value, DateTimeKind.Utc);
            }

            return request;
        }

        private static EntityReference Close(IOrganizationService service, DateTime monday) => (EntityReference)service.Execute(Request(monday)).Results["AlignmentWeek"];

        private static CommitmentResult Result(Entity row, string column) => (CommitmentResult)row.GetAttributeValue<OptionSetValue>(column).Value;

        private static int Notifications(InMemoryDataverse org, Guid user, EntityReference week) =>
            org.All(AppNotificationTable.EntityName).Count(row => row.GetAttributeValue<EntityReference>(AppNotificationTable.OwnerId).Id == user
                && row.GetAttributeValue<string>(AppNotificationTable.Data).Contains(week.Id.ToString("D"), StringComparison.Ordinal));
    }
}
