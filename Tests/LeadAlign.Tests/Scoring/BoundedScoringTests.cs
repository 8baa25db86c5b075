using System;
using System.Globalization;
using System.Linq;
using System.Text;
using LeadAlign.Dataverse;
using LeadAlign.Plugins.Scoring;
using LeadAlign.Schema;
using LeadAlign.Scoring;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Scoring
{
    /// <summary>
    /// No number of activities and no model that passes validation can make a lead save fail: the ledger stays the same size
    /// however many activities a lead has, scores stay within their columns' ranges and reasons within their length.
    /// </summary>
    public sealed class BoundedScoringTests
    {
        private static readonly Guid WebVisit = new("1ead5c0e-a001-4000-8000-000000000017");
        private readonly InMemoryDataverse _org = LeadAlignOrganization.Start();
        private readonly Guid _marketer;
        private readonly Guid _rep;

        public BoundedScoringTests()
        {
            _marketer = _org.AddUser("Mia Marketing");
            _rep = _org.AddUser("Rita Rep");
        }

        private Entity Lead(Guid id) => _org.Get("lead", id)!;

        private Guid Visit(Guid lead, int index) =>
            _org.As(_marketer).Create(new Entity(MarketingInteractionTable.EntityName)
            {
                ["subject"] = "Visited /pricing " + index.ToString(CultureInfo.InvariantCulture),
                [MarketingInteractionTable.InteractionType] = new OptionSetValue((int)InteractionType.WebVisit),
                ["regardingobjectid"] = new EntityReference("lead", lead),
            });

        private Guid FitRule(string name, int points, string column = "lastname", FitOperator op = FitOperator.HasValue, string? value = null)
        {
            var rule = new Entity(ScoringRuleTable.EntityName)
            {
                [ScoringRuleTable.Name] = name,
                [ScoringRuleTable.ScoringModelId] = new EntityReference(ScoringModelTable.EntityName, new Guid("1ead5c0e-a000-4000-8000-000000000001")),
                [ScoringRuleTable.Category] = new OptionSetValue((int)ScoreCategory.Fit),
                [ScoringRuleTable.Points] = points,
                [ScoringRuleTable.IsActive] = true,
                [ScoringRuleTable.Column] = column,
                [ScoringRuleTable.Operator] = new OptionSetValue((int)op),
            };
            if (value != null)
            {
                rule[ScoringRuleTable.Value] = value;
            }

            return _org.As(_marketer).Create(rule);
        }

        [Fact]
        public void The_1281st_web_visit_on_a_lead_is_counted_and_the_ledger_keeps_one_line_per_rule()
        {
            var id = _org.As(_rep).Create(new Entity("lead") { ["lastname"] = "Novak" });

            for (var visit = 1; visit <= 1300; visit++)
            {
                Visit(id, visit);
            }

            var lead = Lead(id);
            var ledger = lead.GetAttributeValue<string>(LeadTable.EngagementLedger);
            Assert.Equal(2, ledger.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            Assert.StartsWith("v2\n" + WebVisit.ToString("N") + ";10;10;", ledger, StringComparison.Ordinal);
            Assert.Equal(10m, lead.GetAttributeValue<decimal>(LeadTable.EngagementScore));
            Assert.Equal("+10 Web visit today", lead.GetAttributeValue<string>(LeadTable.ScoreReasons));
            Assert.Equal(1300, _org.All(MarketingInteractionTable.EntityName).Count(row => row.GetAttributeValue<string>(MarketingInteractionTable.EngagementApplied) == WebVisit.ToString("D") + ":2"));
        }

        [Fact]
        public void A_lead_saved_before_the_upgrade_with_a_full_ledger_takes_its_next_visit_and_is_migrated()
        {
            // The first ledger kept one 78-character line per counted activity: 1,280 visits and the rule's line fill 99,946 of its 100,000 characters.
            var old = new StringBuilder();
            old.Append("rule;").Append(WebVisit.ToString("D")).Append(";10;10;2026-01-05T09:00:00.0000000Z;2026-01-05T09:00:00.0000000Z\n");
            for (var visit = 1; visit <= 1280; visit++)
            {
                old.Append("act;").Append(new Guid(0x5000, 0, 0, 0, 0, 0, 0, 0, 0, (byte)(visit >> 8), (byte)visit).ToString("D")).Append(';').Append(WebVisit.ToString("D")).Append('\n');
            }

            Assert.InRange(old.Length, 99_900, ScoreColumns.LedgerMaxLength);
            var id = _org.NewId();
            _org.Seed(new Entity("lead", id) { ["lastname"] = "Novak", [LeadTable.EngagementLedger] = old.ToString(), [LeadTable.EngagementScore] = 10m, [LeadTable.Score] = 10 });

            Visit(id, 1281);

            var lead = Lead(id);
            Assert.Equal(10m, lead.GetAttributeValue<decimal>(LeadTable.EngagementScore));
            Assert.Equal("+10 Web visit today", lead.GetAttributeValue<string>(LeadTable.ScoreReasons));
            var ledger = lead.GetAttributeValue<string>(LeadTable.EngagementLedger);
            Assert.StartsWith("v2\n", ledger, StringComparison.Ordinal);
            Assert.DoesNotContain("act;", ledger, StringComparison.Ordinal);
            Assert.True(ledger.Length < 120, ledger);
        }

        [Fact]
        public void An_activity_earning_more_rules_than_it_can_record_saves_and_counts_those_it_records()
        {
            for (var rule = 1; rule <= 60; rule++)
            {
                _org.As(_marketer).Create(new Entity(ScoringRuleTable.EntityName)
                {
                    [ScoringRuleTable.Name] = "Any interaction, take " + rule.ToString(CultureInfo.InvariantCulture),
                    [ScoringRuleTable.ScoringModelId] = new EntityReference(ScoringModelTable.EntityName, new Guid("1ead5c0e-a000-4000-8000-000000000001")),
                    [ScoringRuleTable.Category] = new OptionSetValue((int)ScoreCategory.Engagement),
                    [ScoringRuleTable.Points] = rule,
                    [ScoringRuleTable.IsActive] = true,
                    [ScoringRuleTable.ActivityKind] = new OptionSetValue((int)ActivityKind.MarketingInteraction),
                });
            }

            var id = _org.As(_rep).Create(new Entity("lead") { ["lastname"] = "Novak" });
            var visit = Visit(id, 1);

            var applied = _org.Get(MarketingInteractionTable.EntityName, visit)!.GetAttributeValue<string>(MarketingInteractionTable.EngagementApplied);
            var recorded = EngagementMatcher.AppliedRuleIds(applied);
            Assert.InRange(applied.Length, ScoreColumns.AppliedMaxLength - 45, ScoreColumns.AppliedMaxLength);
            Assert.Contains(_org.All(ScoringRuleTable.EntityName).Single(rule => rule.GetAttributeValue<string>(ScoringRuleTable.Name) == "Any interaction, take 60").Id, recorded);
            Assert.DoesNotContain(WebVisit, recorded);
            var counted = _org.All(ScoringRuleTable.EntityName).Where(rule => recorded.Contains(rule.Id)).Sum(rule => rule.GetAttributeValue<int>(ScoringRuleTable.Points));
            Assert.Equal(counted, Lead(id).GetAttributeValue<decimal>(LeadTable.EngagementScore));
            Assert.Contains("Not counted, as the activity cannot record more rules", _org.Log.Of(typeof(EngagementPointsPlugin)).Last().Trace, StringComparison.Ordinal);
        }

        [Fact]
        public void A_hundred_and_one_rules_of_a_thousand_points_score_the_columns_maximum_and_the_lead_saves()
        {
            for (var rule = 1; rule <= 101; rule++)
            {
                FitRule("Has a last name, take " + rule.ToString(CultureInfo.InvariantCulture), 1000);
            }

            var id = _org.As(_rep).Create(new Entity("lead") { ["lastname"] = "Novak" });

            var lead = Lead(id);
            Assert.Equal(ScoreColumns.FitMax, lead.GetAttributeValue<int>(LeadTable.FitScore));
            Assert.Equal(ScoreColumns.ScoreMax, lead.GetAttributeValue<int>(LeadTable.Score));
            Assert.Equal((int)ScoreBand.Hot, lead.GetAttributeValue<OptionSetValue>(LeadTable.ScoreBand).Value);
            Assert.Contains("fit 101000", Assert.Single(_org.Log.Of(typeof(ScoreLeadPlugin))).Trace, StringComparison.Ordinal);
        }

        [Fact]
        public void Reasons_too_long_for_their_column_keep_the_largest_contributions_and_say_how_many_more()
        {
            for (var rule = 1; rule <= 30; rule++)
            {
                FitRule("Rule " + rule.ToString("00", CultureInfo.InvariantCulture) + " " + new string('x', 180), rule);
            }

            FitRule("Works for a competitor " + new string('y', 170), -25, "companyname", FitOperator.Equals, "Fabrikam");

            var id = _org.As(_rep).Create(new Entity("lead") { ["lastname"] = "Novak", ["companyname"] = "Fabrikam" });

            var reasons = Lead(id).GetAttributeValue<string>(LeadTable.ScoreReasons);
            var lines = reasons.Split('\n');
            Assert.InRange(reasons.Length, 3_500, ScoreColumns.ReasonsMaxLength);
            Assert.StartsWith("+30 Rule 30 ", lines[0], StringComparison.Ordinal);
            Assert.StartsWith("\u221225 Works for a competitor", lines[^2], StringComparison.Ordinal);
            var kept = lines.Take(lines.Length - 2).Select(line => int.Parse(line.Split(' ')[0].TrimStart('+'), CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(kept.OrderByDescending(points => points), kept);
            var omitted = Enumerable.Range(1, 30).Except(kept).ToList();
            Assert.Equal(Enumerable.Range(1, omitted.Count), omitted);
            Assert.Equal($"and {omitted.Count} more (+{omitted.Sum()})", lines[^1]);
        }

        [Fact]
        public void A_fit_rule_on_a_column_lead_no_longer_has_is_skipped_and_traced_not_scored_as_empty()
        {
            // Saved when the column existed (validation writes the column's type); the column was deleted since.
            var ruleId = _org.NewId();
            _org.Seed(new Entity(ScoringRuleTable.EntityName, ruleId)
            {
                [ScoringRuleTable.Name] = "No legacy rating yet",
                [ScoringRuleTable.ScoringModelId] = new EntityReference(ScoringModelTable.EntityName, new Guid("1ead5c0e-a000-4000-8000-000000000001")),
                [ScoringRuleTable.Category] = new OptionSetValue((int)ScoreCategory.Fit),
                [ScoringRuleTable.Points] = 30,
                [ScoringRuleTable.IsActive] = true,
                [ScoringRuleTable.Column] = "new_legacyrating",
                [ScoringRuleTable.Operator] = new OptionSetValue((int)FitOperator.IsEmpty),
                [ScoringRuleTable.ColumnType] = "String",
            });

            var first = _org.As(_rep).Create(new Entity("lead") { ["lastname"] = "Novak", ["jobtitle"] = "VP Sales" });
            var second = _org.As(_rep).Create(new Entity("lead") { ["lastname"] = "Horvat", ["jobtitle"] = "VP Sales" });

            Assert.Equal(20, Lead(first).GetAttributeValue<int>(LeadTable.Score));
            Assert.Equal(20, Lead(second).GetAttributeValue<int>(LeadTable.Score));
            var runs = _org.Log.Of(typeof(ScoreLeadPlugin));
            Assert.All(runs, run => Assert.Contains($"Scoring rule 'No legacy rating yet' ({ruleId}) skipped: lead has no column 'new_legacyrating' any more", run.Trace, StringComparison.Ordinal));
            // The cached columns lack the rule's column, so the load reads them again before it skips the rule (a column added since
            // the columns were cached is not missed).
            Assert.Equal(2, runs[0].Calls("RetrieveEntity"));
            Assert.Equal(0, runs[1].TotalCalls);
        }

        [Fact]
        public void A_required_column_lead_no_longer_has_is_left_out_of_the_mql_check()
        {
            var model = _org.Get(ScoringModelTable.EntityName, new Guid("1ead5c0e-a000-4000-8000-000000000001"))!;
            model[ScoringModelTable.RequiredColumns] = "emailaddress1|telephone1,new_budgetnote|companyname,new_legacyrating";
            _org.Store.Put(model);
            var traced = new StringBuilder();

            var loaded = ScoringModelCache.Get(() => _org.SystemService, Guid.NewGuid(), _org.UtcNow, line => traced.AppendLine(line))!;

            Assert.Equal(new[] { "emailaddress1|telephone1", "companyname" }, loaded.RequiredColumns.Select(entry => string.Join("|", entry)));
            Assert.Contains("requires new_budgetnote, new_legacyrating of an MQL, which lead no longer has", traced.ToString(), StringComparison.Ordinal);
        }
    }
}
