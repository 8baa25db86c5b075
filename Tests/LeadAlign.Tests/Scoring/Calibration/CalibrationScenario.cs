using System;
using System.Collections.Generic;
using LeadAlign.Schema;
using LeadAlign.Tests.Lifecycle;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Tests.Scoring.Calibration
{
    /// <summary>
    /// Given rows (seeded, as after a month of work) for a calibration of March 2026 (2 to 30 March, four weeks; the previous
    /// period 2 February to 2 March), with the shipped default model (MQL 60, Warm 35, Hot 70) and an agreement whose one
    /// enabled rep (a second, disabled, is also on the sales team) accepts one lead a week:
    /// <code>
    /// lead  score at MQL  now          SQL outcome          won outcome
    /// A     90            SQL          reached              Won
    /// B     80            Converted    reached              Lost
    /// C     75            Rejected     not reached          -
    /// D     65            SQL          reached              Won
    /// E     62            Nurture      not reached          -
    /// F     60            Rejected     not reached          -
    /// G     72            SAL          open (left out)      -
    /// H     55 (la_score 30 now)  SQL  reached              -      (the score at MQL comes from its stage-change row)
    /// I     68 (no move row: the lead's la_score)  Rejected  not reached  -
    /// K     no score at all, MQL now   unscored (left out)
    /// J     99, MQL on 20 February (before the period): not in the population
    /// </code>
    /// Leads created in the period with a score (their current la_score): A–I (90, 80, 75, 65, 62, 60, 72, 30, 68) and three
    /// inquiries 10, 15, 33: twelve. Created in the previous period: J 99 and inquiries 20, 25, 40, 45, 50, 55, 85: eight.
    /// </summary>
    internal sealed class CalibrationScenario
    {
        public static readonly DateTime PeriodStart = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);
        public static readonly DateTime PeriodEnd = new(2026, 3, 30, 0, 0, 0, DateTimeKind.Utc);

        public CalibrationScenario()
        {
            Fixture = new LifecycleFixture(
                reps: 1,
                agreement: new Dictionary<string, object?> { [AgreementTable.AcceptsPerRepPerWeek] = 1 },
                organization: options => options with { StartTime = new DateTime(2026, 2, 1, 9, 0, 0, DateTimeKind.Utc) });
            var disabled = Org.AddUser("Ex Rep", columns: new Dictionary<string, object?> { ["isdisabled"] = true });
            Org.SystemService.Execute(new AddMembersTeamRequest { TeamId = Fixture.SalesTeam, MemberIds = new[] { disabled } });

            Org.UtcNow = new DateTime(2026, 2, 10, 9, 0, 0, DateTimeKind.Utc);
            foreach (var score in new[] { 20, 25, 40, 45, 50, 55, 85 })
            {
                Lead("Before " + score, score, LeadStage.Inquiry);
            }

            var j = Lead("J", 99, LeadStage.Sql, mqlOn: new DateTime(2026, 2, 20, 9, 0, 0, DateTimeKind.Utc), sqlOn: true);
            Move(j, 99, new DateTime(2026, 2, 20, 9, 0, 0, DateTimeKind.Utc));

            Org.UtcNow = new DateTime(2026, 3, 3, 9, 0, 0, DateTimeKind.Utc);
            var mqlOn = new DateTime(2026, 3, 4, 10, 0, 0, DateTimeKind.Utc);
            Move(Lead("A", 90, LeadStage.Sql, mqlOn, sqlOn: true, Outcome.Won), 90, mqlOn);
            Move(Lead("B", 80, LeadStage.Converted, mqlOn, sqlOn: true, Outcome.Lost), 80, mqlOn);
            Move(Lead("C", 75, LeadStage.Rejected, mqlOn), 75, mqlOn);
            Move(Lead("D", 65, LeadStage.Sql, mqlOn, sqlOn: true, Outcome.Won), 65, mqlOn);
            Move(Lead("E", 62, LeadStage.Nurture, mqlOn), 62, mqlOn);
            Move(Lead("F", 60, LeadStage.Rejected, mqlOn), 60, mqlOn);
            Move(Lead("G", 72, LeadStage.Sal, mqlOn), 72, mqlOn);
            var h = Lead("H", 30, LeadStage.Sql, mqlOn, sqlOn: true);
            Move(h, 40, mqlOn.AddDays(-20)); // a move before the period (its earlier MQL) does not count
            Move(h, 55, mqlOn);
            Lead("I", 68, LeadStage.Rejected, mqlOn);
            Lead("K", null, LeadStage.Mql, mqlOn);
            foreach (var score in new[] { 10, 15, 33 })
            {
                Lead("Inquiry " + score, score, LeadStage.Inquiry);
            }

            Org.UtcNow = new DateTime(2026, 4, 1, 9, 0, 0, DateTimeKind.Utc);
        }

        public LifecycleFixture Fixture { get; }

        public LeadAlign.Dataverse.InMemoryDataverse Org => Fixture.Org;

        private Guid Lead(string name, int? score, LeadStage stage, DateTime? mqlOn = null, bool sqlOn = false, Outcome? outcome = null)
        {
            var lead = new Entity(LeadTable.EntityName, Guid.NewGuid())
            {
                [LeadTable.LastName] = name,
                [LeadTable.Stage] = new OptionSetValue((int)stage),
                [LeadTable.Score] = score,
                [LeadTable.MqlOn] = mqlOn,
                [LeadTable.SqlOn] = sqlOn ? mqlOn?.AddDays(3) : null,
                [LeadTable.Outcome] = outcome.HasValue ? new OptionSetValue((int)outcome.Value) : null,
            };
            Org.Seed(lead);
            return lead.Id;
        }

        private void Move(Guid lead, int score, DateTime on) =>
            Org.Seed(new Entity(LeadStageChangeTable.EntityName, Guid.NewGuid())
            {
                [LeadStageChangeTable.Name] = "To MQL",
                [LeadStageChangeTable.LeadId] = new EntityReference(LeadTable.EntityName, lead),
                [LeadStageChangeTable.FromStage] = new OptionSetValue((int)LeadStage.Inquiry),
                [LeadStageChangeTable.ToStage] = new OptionSetValue((int)LeadStage.Mql),
                [LeadStageChangeTable.ChangedOn] = on,
                [LeadStageChangeTable.Score] = score,
            });
    }
}
