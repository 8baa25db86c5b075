using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Runtime;
using LeadAlign.Schema;
using LeadAlign.Scoring.Fitting;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Scoring.Proposal
{
    /// <summary>
    /// The leads a proposal is fitted to and back-tested on, read from the rows: every lead that became an MQL in the period
    /// (la_mqlon) and every lead created in it that never did, each with the rule hits it was handed off with, or as last scored
    /// (la_rulehits). All of them are the <see cref="Population"/> the thresholds are matched on and MQLs per week counted in;
    /// those whose outcome is known are the <see cref="Cases"/> fitted and back-tested:
    /// <list type="bullet">
    /// <item>SQL: reached when it became an SQL (la_sqlon); not reached when it was rejected, went back to nurture or was
    /// disqualified without ever being one; otherwise its outcome is still open and it is left out (counted in <see cref="Open"/>);</item>
    /// <item>won: reached when its opportunity was won, not reached when lost (la_outcome), otherwise open.</item>
    /// </list>
    /// A lead whose hits name a rule of an earlier version counts for the rule that version's rule became (la_basedonruleid),
    /// so a version fitted from leads scored by its predecessors sees one rule, not two. Reads as SYSTEM, 5,000 rows a page.
    /// </summary>
    internal sealed class ProposalCases
    {
        private const int Disqualified = 2;
        private const int PageSize = 5000;

        private static readonly string[] Columns =
        {
            LeadTable.RuleHits, LeadTable.MqlOn, "createdon", LeadTable.SqlOn, LeadTable.AcceptedOn, LeadTable.Stage, LeadTable.Outcome, "statecode",
        };

        private ProposalCases(IReadOnlyList<FitCase> cases, IReadOnlyList<FitCase> population, int open, int pages)
        {
            Cases = cases;
            Population = population;
            Open = open;
            Pages = pages;
        }

        /// <summary>The leads whose outcome is known.</summary>
        public IReadOnlyList<FitCase> Cases { get; }

        /// <summary>Every lead of the period, its outcome known or not (an open one counts as not reached).</summary>
        public IReadOnlyList<FitCase> Population { get; }

        /// <summary>Leads of the period whose outcome is not known yet: left out of the fit and the back-test.</summary>
        public int Open { get; }

        public int Pages { get; }

        /// <summary>Reads the period [<paramref name="from"/>, <paramref name="to"/>); <paramref name="keyOf"/> maps a rule id to its rule key.</summary>
        public static ProposalCases Read(IOrganizationService service, DateTime from, DateTime to, bool toWins, Func<Guid, Guid> keyOf)
        {
            var query = new QueryExpression(LeadTable.EntityName) { ColumnSet = new ColumnSet(Columns) };
            query.AddOrder(LeadTable.Id, OrderType.Ascending);
            var period = new FilterExpression(LogicalOperator.Or);
            var handedOff = period.AddFilter(LogicalOperator.And);
            handedOff.AddCondition(LeadTable.MqlOn, ConditionOperator.GreaterEqual, from);
            handedOff.AddCondition(LeadTable.MqlOn, ConditionOperator.LessThan, to);
            var neverHandedOff = period.AddFilter(LogicalOperator.And);
            neverHandedOff.AddCondition(LeadTable.MqlOn, ConditionOperator.Null);
            neverHandedOff.AddCondition("createdon", ConditionOperator.GreaterEqual, from);
            neverHandedOff.AddCondition("createdon", ConditionOperator.LessThan, to);
            query.Criteria.AddFilter(period);

            var cases = new List<FitCase>();
            var population = new List<FitCase>();
            int open = 0, pages = 0;
            foreach (var page in QueryPages.Of(service, query, PageSize))
            {
                pages++;
                foreach (var lead in page.Entities)
                {
                    var hits = new Dictionary<Guid, double>();
                    foreach (var hit in RuleHits.Parse(lead.GetAttributeValue<string>(LeadTable.RuleHits)).Units)
                    {
                        var key = keyOf(hit.Key);
                        hits[key] = (hits.TryGetValue(key, out var units) ? units : 0) + (double)hit.Value;
                    }

                    var mql = lead.GetAttributeValue<DateTime?>(LeadTable.MqlOn);
                    var on = mql ?? lead.GetAttributeValue<DateTime?>("createdon") ?? from;
                    var accepted = lead.GetAttributeValue<DateTime?>(LeadTable.AcceptedOn) != null;
                    var reached = Reached(lead, toWins);
                    population.Add(new FitCase(hits, reached == true, accepted, on, handedOff: mql != null));
                    if (reached == null)
                    {
                        open += mql != null ? 1 : 0;
                        continue;
                    }

                    cases.Add(new FitCase(hits, reached.Value, accepted, on, handedOff: mql != null));
                }
            }

            return new ProposalCases(cases, population, open, pages);
        }

        /// <summary>Whether the lead reached the outcome; null while it is still open.</summary>
        private static bool? Reached(Entity lead, bool toWins)
        {
            if (toWins)
            {
                var outcome = lead.GetAttributeValue<OptionSetValue>(LeadTable.Outcome)?.Value;
                return outcome == (int)Outcome.Won ? true : outcome == (int)Outcome.Lost ? false : (bool?)null;
            }

            if (lead.GetAttributeValue<DateTime?>(LeadTable.SqlOn) != null)
            {
                return true;
            }

            var stage = lead.GetAttributeValue<OptionSetValue>(LeadTable.Stage)?.Value;
            var closed = stage == (int)LeadStage.Rejected || stage == (int)LeadStage.Nurture || lead.GetAttributeValue<OptionSetValue>("statecode")?.Value == Disqualified;
            if (!closed)
            {
                return null;
            }

            // A lead never handed off counts only once marketing decided it (rejected or disqualified); one still in Inquiry is open.
            return lead.GetAttributeValue<DateTime?>(LeadTable.MqlOn) != null || stage != (int)LeadStage.Nurture ? false : (bool?)null;
        }
    }
}
