using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Schema;
using LeadAlign.Scoring;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Tests.Load
{
    /// <summary>
    /// What LeadAlign must leave behind however many clients worked at once, checked over the stored rows; each finding is one
    /// sentence naming the lead, none means the invariant holds.
    /// </summary>
    internal static class Invariants
    {
        /// <summary>
        /// Two clocks per handoff: for each lead, one live (not canceled) accept-by and one live first-contact clock, none twice
        /// (a replayed start would leave two); a rejected lead's first-contact clock ended; a running sales clock is its current
        /// owner's (marketing's "Feedback answered by" clock is the marketing team's, whoever owns the lead).
        /// </summary>
        public static IReadOnlyList<string> Clocks(InMemoryDataverse org, IReadOnlyList<Entity> leads, ISet<Guid> rejected)
        {
            var findings = new List<string>();
            var byLead = org.All(SlaKpiInstanceTable.EntityName).ToLookup(clock => clock.GetAttributeValue<EntityReference>(SlaKpiInstanceTable.Regarding).Id);
            foreach (var lead in leads)
            {
                var live = byLead[lead.Id].Where(clock => Status(clock) != SlaKpiStatus.Canceled).ToList();
                foreach (var name in new[] { SlaKpiInstanceTable.AcceptByName, SlaKpiInstanceTable.FirstContactByName })
                {
                    var count = live.Count(clock => clock.GetAttributeValue<string>(SlaKpiInstanceTable.Name) == name);
                    var expected = rejected.Contains(lead.Id) && name == SlaKpiInstanceTable.FirstContactByName ? 0 : 1;
                    if (count != expected)
                    {
                        findings.Add($"Lead {lead.Id} has {count} live '{name}' clock(s); {expected} expected.");
                    }
                }

                var owner = lead.GetAttributeValue<EntityReference>(LeadTable.OwnerId).Id;
                foreach (var running in live.Where(clock => Status(clock) == SlaKpiStatus.InProgress && clock.GetAttributeValue<string>(SlaKpiInstanceTable.Name) != SlaKpiInstanceTable.FeedbackAnsweredByName && clock.GetAttributeValue<EntityReference>(SlaKpiInstanceTable.OwnerId).Id != owner))
                {
                    findings.Add($"Lead {lead.Id}'s running '{running.GetAttributeValue<string>(SlaKpiInstanceTable.Name)}' clock is owned by {running.GetAttributeValue<EntityReference>(SlaKpiInstanceTable.OwnerId).Id}, not by the lead's owner {owner}.");
                }
            }

            return findings;
        }

        /// <summary>One feedback record per rejection, none for a lead never rejected.</summary>
        public static IReadOnlyList<string> Feedback(InMemoryDataverse org, IReadOnlyList<Entity> leads, ISet<Guid> rejected)
        {
            var byLead = org.All(LeadFeedbackTable.EntityName).ToLookup(feedback => feedback.GetAttributeValue<EntityReference>(LeadFeedbackTable.LeadId).Id);
            return leads
                .Select(lead => (Lead: lead.Id, Count: byLead[lead.Id].Count(), Expected: rejected.Contains(lead.Id) ? 1 : 0))
                .Where(each => each.Count != each.Expected)
                .Select(each => $"Lead {each.Lead} has {each.Count} feedback record(s); {each.Expected} expected.")
                .ToList();
        }

        /// <summary>
        /// Every interaction counted, and counted once: each marketing interaction regarding a lead records the rules it applied,
        /// and for each rule the lead's ledger has earned exactly the points its interactions recorded (with no cap and a clock that
        /// does not move, as the load test runs, nothing decays or is capped away).
        /// </summary>
        public static IReadOnlyList<string> Engagement(InMemoryDataverse org, IReadOnlyList<Entity> leads)
        {
            var findings = new List<string>();
            var byLead = org.All(MarketingInteractionTable.EntityName).ToLookup(interaction => interaction.GetAttributeValue<EntityReference>("regardingobjectid").Id);
            foreach (var lead in leads)
            {
                var interactions = byLead[lead.Id].ToList();
                var uncounted = interactions.Count(interaction => string.IsNullOrEmpty(interaction.GetAttributeValue<string>(MarketingInteractionTable.EngagementApplied)));
                if (uncounted > 0)
                {
                    findings.Add($"Lead {lead.Id}: {uncounted} of its {interactions.Count} interactions were not counted.");
                }

                var recorded = interactions
                    .SelectMany(interaction => (interaction.GetAttributeValue<string>(MarketingInteractionTable.EngagementApplied) ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
                    .Select(item => item.Split(':'))
                    .GroupBy(item => Guid.Parse(item[0]))
                    .ToDictionary(group => group.Key, group => group.Sum(item => decimal.Parse(item[1], CultureInfo.InvariantCulture)));
                var ledger = EngagementLedger.Parse(lead.GetAttributeValue<string>(LeadTable.EngagementLedger)).Entries.ToDictionary(entry => entry.RuleId, entry => entry.Earned);
                foreach (var rule in recorded.Keys.Union(ledger.Keys))
                {
                    var earned = ledger.GetValueOrDefault(rule);
                    var expected = recorded.GetValueOrDefault(rule);
                    if (earned != expected)
                    {
                        findings.Add($"Lead {lead.Id}, rule {rule}: the ledger has earned {earned}, its interactions recorded {expected}.");
                    }
                }
            }

            return findings;
        }

        /// <summary>Nothing half-written: every lead was handed off once with its history row, and every history row's lead exists.</summary>
        public static IReadOnlyList<string> History(InMemoryDataverse org, IReadOnlyList<Entity> leads)
        {
            var findings = new List<string>();
            var history = org.All(LeadStageChangeTable.EntityName);
            var byLead = history.ToLookup(row => row.GetAttributeValue<EntityReference>(LeadStageChangeTable.LeadId).Id);
            foreach (var lead in leads)
            {
                var handoffs = byLead[lead.Id].Count(row => row.Contains(LeadStageChangeTable.RotationPosition));
                if (handoffs != 1 || !lead.Contains(LeadTable.HandoffOn) || !lead.Contains(LeadTable.RoutedToId))
                {
                    findings.Add($"Lead {lead.Id} has {handoffs} handoff history row(s), handoff stamp {lead.Contains(LeadTable.HandoffOn)}, routed-to {lead.Contains(LeadTable.RoutedToId)}.");
                }
            }

            foreach (var orphan in history.Where(row => org.Get(LeadTable.EntityName, row.GetAttributeValue<EntityReference>(LeadStageChangeTable.LeadId).Id) == null))
            {
                findings.Add($"History row {orphan.Id} names lead {orphan.GetAttributeValue<EntityReference>(LeadStageChangeTable.LeadId).Id}, which does not exist.");
            }

            return findings;
        }

        private static SlaKpiStatus Status(Entity clock) => (SlaKpiStatus)clock.GetAttributeValue<OptionSetValue>(SlaKpiInstanceTable.Status).Value;
    }
}
