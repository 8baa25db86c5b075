using System;
using System.Linq;
using LeadAlign.Dataverse.Pipeline;

namespace LeadAlign.Cli.Simulation
{
    /// <summary>
    /// What the month cost in service calls, from the in-memory Dataverse's execution log: the calls LeadAlign's plug-ins,
    /// Custom APIs and workflow activities made (per lead), and the share of lead saves scored without a call (the scoring model
    /// and agreement caches warm), which issue 19 asks to be at least 90 %.
    /// </summary>
    public sealed class SimulationStats
    {
        private SimulationStats(int leads, long calls, int scored, int scoredWithoutCall, string mostCalls)
        {
            MostCalls = mostCalls;
            Leads = leads;
            Calls = calls;
            Scored = scored;
            ScoredWithoutCall = scoredWithoutCall;
        }

        public int Leads { get; }

        /// <summary>The three handlers that made the most calls, with their calls a lead: where to look first to make the month cheaper.</summary>
        public string MostCalls { get; }

        public long Calls { get; }

        public int Scored { get; }

        public int ScoredWithoutCall { get; }

        public double CallsPerLead => Leads == 0 ? 0 : Calls / (double)Leads;

        public double ShareScoredWithoutCall => Scored == 0 ? 0 : ScoredWithoutCall / (double)Scored;

        public static SimulationStats Of(ExecutionLog log, int leads)
        {
            var totals = log.Totals();
            var scoring = totals.Where(pair => pair.Key.EndsWith(".ScoreLeadPlugin", StringComparison.Ordinal)).Select(pair => pair.Value).FirstOrDefault() ?? HandlerTotals.None;
            var most = totals.Select(pair => new { Handler = pair.Key.Substring(pair.Key.LastIndexOf('.') + 1), pair.Value.Calls })
                .OrderByDescending(each => each.Calls).ThenBy(each => each.Handler, StringComparer.Ordinal).Take(3)
                .Select(each => $"{each.Handler} {(leads == 0 ? 0 : each.Calls / (double)leads):0.0}");
            return new SimulationStats(leads, totals.Values.Sum(each => each.Calls), (int)scoring.Executions, (int)scoring.WithoutCall, string.Join(", ", most));
        }

        public override string ToString() =>
            $"Service calls: {Calls:N0} from plug-ins, Custom APIs and workflow activities ({CallsPerLead:0.0} a lead); {ShareScoredWithoutCall:P1} of {Scored:N0} lead scorings made no call. Most calls a lead: {MostCalls}.";
    }
}
