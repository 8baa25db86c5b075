using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using LeadAlign.Dataverse;
using LeadAlign.Schema;
using LeadAlign.Scoring.Calibration;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Tests.Scoring.Calibration
{
    /// <summary>
    /// The calibration JSON worked out in the test from every row of the organization (no queries): the population by its rules
    /// (README, Scoring calibration), the figures by the calibration math, which its own tests pin.
    /// </summary>
    internal sealed class ExpectedCalibration
    {
        private readonly InMemoryDataverse _org;
        private readonly Entity _agreement;
        private readonly DateTime _start;
        private readonly DateTime _end;

        public ExpectedCalibration(InMemoryDataverse org, Entity agreement, DateTime start, DateTime end)
        {
            _org = org;
            _agreement = agreement;
            _start = start;
            _end = end;
        }

        private static bool In(DateTime? on, DateTime start, DateTime end) => on.HasValue && on.Value >= start && on.Value < end;

        public JsonObject Build()
        {
            var previousStart = _start - (_end - _start);
            var model = _org.All(ScoringModelTable.EntityName).SingleOrDefault(row => row.GetAttributeValue<bool?>(ScoringModelTable.IsActive) == true);
            int mql = model?.GetAttributeValue<int>(ScoringModelTable.MqlThreshold) ?? 0, warm = model?.GetAttributeValue<int>(ScoringModelTable.WarmThreshold) ?? 0, hot = model?.GetAttributeValue<int>(ScoringModelTable.HotThreshold) ?? 0;
            var moves = _org.All(LeadStageChangeTable.EntityName)
                .Where(row => row.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.ToStage)?.Value == (int)LeadStage.Mql && In(row.GetAttributeValue<DateTime?>(LeadStageChangeTable.ChangedOn), _start, _end) && row.GetAttributeValue<int?>(LeadStageChangeTable.Score).HasValue)
                .ToList();
            var mqls = _org.All(LeadTable.EntityName).Where(lead => In(lead.GetAttributeValue<DateTime?>(LeadTable.MqlOn), _start, _end)).ToList();
            var population = new List<(int Score, bool? Sql, bool? Won)>();
            foreach (var lead in mqls)
            {
                var last = moves.Where(row => row.GetAttributeValue<EntityReference>(LeadStageChangeTable.LeadId).Id == lead.Id).OrderBy(row => row.GetAttributeValue<DateTime>(LeadStageChangeTable.ChangedOn)).LastOrDefault();
                var score = last?.GetAttributeValue<int?>(LeadStageChangeTable.Score) ?? lead.GetAttributeValue<int?>(LeadTable.Score);
                if (score == null)
                {
                    continue;
                }

                var stage = (LeadStage?)lead.GetAttributeValue<OptionSetValue>(LeadTable.Stage)?.Value;
                bool? sql = lead.GetAttributeValue<DateTime?>(LeadTable.SqlOn).HasValue || stage is LeadStage.Sql or LeadStage.Converted ? true
                    : stage is LeadStage.Rejected or LeadStage.Nurture || lead.GetAttributeValue<OptionSetValue>(LeadTable.StateCode)?.Value == 2 ? false : null;
                var outcome = (Outcome?)lead.GetAttributeValue<OptionSetValue>(LeadTable.Outcome)?.Value;
                population.Add((score.Value, sql, outcome == Outcome.Won ? true : outcome == Outcome.Lost ? false : null));
            }

            var sqlCases = population.Where(lead => lead.Sql.HasValue).Select(lead => new ScoredOutcome(lead.Score, lead.Sql!.Value)).ToList();
            var wonCases = population.Where(lead => lead.Won.HasValue).Select(lead => new ScoredOutcome(lead.Score, lead.Won!.Value)).ToList();
            var created = _org.All(LeadTable.EntityName).Where(lead => lead.GetAttributeValue<int?>(LeadTable.Score).HasValue).ToList();
            var scores = created.Where(lead => In(lead.GetAttributeValue<DateTime?>("createdon"), _start, _end)).Select(lead => lead.GetAttributeValue<int>(LeadTable.Score)).ToList();
            var previous = created.Where(lead => In(lead.GetAttributeValue<DateTime?>("createdon"), previousStart, _start)).Select(lead => lead.GetAttributeValue<int>(LeadTable.Score)).ToList();
            var team = _agreement.GetAttributeValue<EntityReference>(AgreementTable.SalesTeamId);
            var members = team == null ? new List<Guid>() : _org.All("teammembership").Where(row => (Guid)row["teamid"] == team.Id).Select(row => (Guid)row["systemuserid"]).ToList();
            var reps = _org.All("systemuser").Count(user => members.Contains(user.Id) && user.GetAttributeValue<bool?>("isdisabled") != true);
            var repsFrom = "salesTeam";
            if (reps == 0)
            {
                repsFrom = "handoffOwners";
                reps = _org.All(LeadTable.EntityName).Where(lead => In(lead.GetAttributeValue<DateTime?>(LeadTable.HandoffOn), _start, _end)).Select(lead => lead.GetAttributeValue<EntityReference>("ownerid").Id).Distinct().Count();
            }

            var perRep = _agreement.GetAttributeValue<int?>(AgreementTable.AcceptsPerRepPerWeek) ?? 25;
            var weeks = Math.Max(1, (int)Math.Round((_end - _start).TotalDays / 7, MidpointRounding.AwayFromZero));
            var threshold = CapacityThreshold.Compute(scores, weeks, reps, perRep);

            var reliability = new JsonArray();
            foreach (var bin in Reliability.Compute(sqlCases))
            {
                reliability.Add(new JsonObject
                {
                    ["decile"] = bin.Decile, ["leads"] = bin.Count, ["lowestScore"] = bin.LowestScore, ["highestScore"] = bin.HighestScore,
                    ["meanScore"] = Round(bin.MeanScore, 1), ["predictedPercent"] = Round(Math.Min(100, bin.MeanScore), 1), ["observedPercent"] = Round(bin.ObservedRate * 100, 1),
                });
            }

            var bands = new JsonArray();
            if (model != null)
            {
                foreach (var (band, min) in new[] { ("Hot", (int?)hot), ("Warm", warm), ("Cold", null) })
                {
                    var leads = population.Where(lead => band == "Hot" ? lead.Score >= hot : band == "Warm" ? lead.Score >= warm && lead.Score < hot : lead.Score < warm).ToList();
                    var decided = leads.Count(lead => lead.Sql.HasValue);
                    var outcomes = leads.Count(lead => lead.Won.HasValue);
                    bands.Add(new JsonObject
                    {
                        ["band"] = band, ["minScore"] = min, ["leads"] = leads.Count, ["open"] = leads.Count - decided,
                        ["sql"] = leads.Count(lead => lead.Sql == true), ["sqlPercent"] = Percent(leads.Count(lead => lead.Sql == true), decided),
                        ["withOutcome"] = outcomes, ["won"] = leads.Count(lead => lead.Won == true), ["winPercent"] = Percent(leads.Count(lead => lead.Won == true), outcomes),
                    });
                }
            }

            return new JsonObject
            {
                ["period"] = new JsonObject { ["start"] = Instant(_start), ["end"] = Instant(_end) },
                ["previousPeriod"] = new JsonObject { ["start"] = Instant(previousStart), ["end"] = Instant(_start) },
                ["model"] = model == null ? null : new JsonObject { ["id"] = model.Id.ToString(), ["name"] = model.GetAttributeValue<string>(ScoringModelTable.Name), ["mqlThreshold"] = mql, ["warmThreshold"] = warm, ["hotThreshold"] = hot },
                ["population"] = new JsonObject
                {
                    ["rule"] = CalibrationJson.PopulationRule, ["mqls"] = mqls.Count, ["unscored"] = mqls.Count - population.Count, ["scored"] = population.Count,
                    ["sqlDecided"] = sqlCases.Count, ["open"] = population.Count - sqlCases.Count, ["reachedSql"] = sqlCases.Count(item => item.Reached),
                    ["withOutcome"] = wonCases.Count, ["won"] = wonCases.Count(item => item.Reached),
                },
                ["sql"] = new JsonObject { ["auc"] = Round(Auc.Compute(sqlCases), 3), ["brier"] = Round(BrierScore.Compute(sqlCases), 4), ["reliability"] = reliability },
                ["won"] = new JsonObject { ["auc"] = Round(Auc.Compute(wonCases), 3) },
                ["bands"] = bands,
                ["psi"] = new JsonObject { ["rule"] = CalibrationJson.ScoresRule, ["value"] = Round(PopulationStability.Compute(previous, scores), 4), ["leads"] = scores.Count, ["previousLeads"] = previous.Count },
                ["capacity"] = new JsonObject
                {
                    ["reps"] = reps, ["repsFrom"] = repsFrom, ["acceptsPerRepPerWeek"] = perRep, ["weeks"] = weeks, ["leadsPerWeek"] = reps * perRep, ["scoredLeads"] = scores.Count,
                    ["threshold"] = threshold, ["mqlThreshold"] = model == null ? null : mql,
                    ["mqlsPerWeekAtMqlThreshold"] = model == null ? null : Round(scores.Count(score => score >= mql) / (double)weeks, 1),
                    ["mqlsPerWeekAtThreshold"] = threshold == null ? null : Round(scores.Count(score => score >= threshold) / (double)weeks, 1),
                },
            };
        }

        private static decimal? Round(double? value, int decimals) => value == null ? null : Math.Round((decimal)value.Value, decimals, MidpointRounding.AwayFromZero);

        private static decimal? Percent(int part, int whole) => whole == 0 ? null : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);

        private static string Instant(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
