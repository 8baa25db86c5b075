using System;
using System.Globalization;
using System.Linq;
using LeadAlign.Reporting;
using LeadAlign.Scoring.Fitting;

namespace LeadAlign.Scoring.Proposal
{
    /// <summary>A proposal in words (the version's la_proposalsummary) and as JSON (la_ProposeScoringModel's Proposal).</summary>
    internal static class ProposalReport
    {
        private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

        public static string Summary(ProposedScoring proposal, BackTestResult backTest, FitScale oldScale, ProposalPeriods periods)
        {
            var text = $"Fitted to {proposal.TrainingCases} leads from {periods.TrainingStart:yyyy-MM-dd} to {periods.HeldOutStart:yyyy-MM-dd} ({proposal.Reached} reached {periods.Outcome}, {proposal.NotReached} did not); "
                + $"MQL threshold {oldScale.MqlThreshold} → {proposal.Scale.MqlThreshold}, warm {oldScale.WarmThreshold} → {proposal.Scale.WarmThreshold}, hot {oldScale.HotThreshold} → {proposal.Scale.HotThreshold}. ";
            if (backTest.Cases == 0)
            {
                return text + $"No lead of the held-out period ({periods.HeldOutStart:yyyy-MM-dd} to {periods.HeldOutEnd:yyyy-MM-dd}) has an outcome yet: nothing to back-test on.";
            }

            return text + $"Back-test on {backTest.Cases} later leads ({periods.HeldOutStart:yyyy-MM-dd} to {periods.HeldOutEnd:yyyy-MM-dd}), current → proposed: "
                + $"AUC {Number(backTest.AucOld, "0.000")} → {Number(backTest.AucNew, "0.000")}; "
                + $"MQLs a week {backTest.MqlsPerWeekOld.ToString("0.0", Invariant)} → {backTest.MqlsPerWeekNew.ToString("0.0", Invariant)}; "
                + $"SAL rate {Percent(backTest.SalRateOld)} → {Percent(backTest.SalRateNew)}; "
                + $"{periods.Outcome} rate in the top band {Percent(backTest.TopBandRateOld)} ({backTest.TopBandOld} leads) → {Percent(backTest.TopBandRateNew)} ({backTest.TopBandNew} leads).";
        }

        public static string Json(ProposedScoring proposal, BackTestResult backTest, FitScale oldScale, ProposalPeriods periods, string? proposedName, int open)
        {
            var json = new JsonWriter().BeginObject()
                .Property("version", 1)
                .Property("proposedModel", proposedName)
                .Property("outcome", periods.Outcome)
                .Name("training").BeginObject().Name("from").Instant(periods.TrainingStart).Name("to").Instant(periods.HeldOutStart)
                .Property("leads", proposal.TrainingCases).Property("reached", proposal.Reached).Property("notReached", proposal.NotReached).Property("open", open).EndObject()
                .Name("heldOut").BeginObject().Name("from").Instant(periods.HeldOutStart).Name("to").Instant(periods.HeldOutEnd).Property("leads", backTest.Cases).EndObject()
                .Name("thresholds").BeginObject()
                .Name("current").BeginObject().Property("mql", oldScale.MqlThreshold).Property("warm", oldScale.WarmThreshold).Property("hot", oldScale.HotThreshold).EndObject()
                .Name("proposed").BeginObject().Property("mql", proposal.Scale.MqlThreshold).Property("warm", proposal.Scale.WarmThreshold).Property("hot", proposal.Scale.HotThreshold).EndObject()
                .EndObject()
                .Property("pointsPerLogit", Decimal(proposal.PointsPerLogit, 2))
                .Name("backTest").BeginObject()
                .Name("auc").BeginObject().Property("current", Decimal(backTest.AucOld, 4)).Property("proposed", Decimal(backTest.AucNew, 4)).EndObject()
                .Name("mqlsPerWeek").BeginObject().Property("current", Decimal(backTest.MqlsPerWeekOld, 1)).Property("proposed", Decimal(backTest.MqlsPerWeekNew, 1)).EndObject()
                .Name("salRate").BeginObject().Property("current", Decimal(backTest.SalRateOld, 4)).Property("proposed", Decimal(backTest.SalRateNew, 4)).EndObject()
                .Name("topBandRate").BeginObject().Property("current", Decimal(backTest.TopBandRateOld, 4)).Property("proposed", Decimal(backTest.TopBandRateNew, 4))
                .Property("currentLeads", backTest.TopBandOld).Property("proposedLeads", backTest.TopBandNew).EndObject()
                .EndObject()
                .Name("rules").BeginArray();
            foreach (var rule in proposal.Rules.OrderByDescending(rule => Math.Abs(rule.NewPoints - rule.OldPoints)).ThenBy(rule => rule.Name, StringComparer.Ordinal))
            {
                json.BeginObject().Property("name", rule.Name).Property("currentPoints", rule.OldPoints).Property("proposedPoints", rule.NewPoints)
                    .Property("low", rule.PointsLow).Property("high", rule.PointsHigh).Property("hits", rule.Hits).Property("reachedWithHit", rule.ReachedWithHit)
                    .Property("lift", Decimal(rule.Lift, 2)).Property("neverFired", rule.NeverFired).Property("note", rule.Note).EndObject();
            }

            return json.EndArray().EndObject().ToString();
        }

        private static decimal? Decimal(double? value, int places) =>
            value.HasValue && !double.IsNaN(value.Value) && !double.IsInfinity(value.Value) ? Math.Round((decimal)value.Value, places, MidpointRounding.AwayFromZero) : (decimal?)null;

        private static string Number(double? value, string format) => value.HasValue ? value.Value.ToString(format, Invariant) : "n/a";

        private static string Percent(double? value) => value.HasValue ? (value.Value * 100).ToString("0.0", Invariant) + "%" : "n/a";
    }
}
