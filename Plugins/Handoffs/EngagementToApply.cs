using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Schema;
using LeadAlign.Scoring;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Handoffs
{
    /// <summary>
    /// The engagement rules an activity newly earned for a lead and when the activity happened, found by
    /// <see cref="Scoring.EngagementPointsPlugin"/> in the activity's PreOperation and counted on the lead's ledger by
    /// <see cref="Scoring.ScoreLeadPlugin"/> in the PreOperation of the lead update <see cref="Scoring.ApplyEngagementPlugin"/>
    /// makes: the lead and the rules as references (an EntityReference and an EntityReferenceCollection), the time as a DateTime,
    /// types the platform serializes. That nested update reads it from its ParentContext's SharedVariables (the activity's
    /// operation) and carries <see cref="Pending"/> as its ledger value, so only that update counts it.
    /// </summary>
    internal sealed class EngagementToApply
    {
        /// <summary>
        /// The ledger value of the lead update that asks its scoring step to count the activity's engagement on the ledger it
        /// holds under the row lock ApplyEngagementPlugin took first. It parses as an empty ledger and never reaches the row: the scoring step replaces it.
        /// </summary>
        public const string Pending = "LeadAlign.EngagementToApply.Pending";

        private const string Key = "LeadAlign.EngagementToApply.";

        public EngagementToApply(Guid leadId, IReadOnlyList<Guid> ruleIds, DateTime happenedOn)
        {
            LeadId = leadId;
            RuleIds = ruleIds;
            HappenedOn = happenedOn;
        }

        public Guid LeadId { get; }

        public IReadOnlyList<Guid> RuleIds { get; }

        /// <summary>When the activity happened: its actual end, never later than the save.</summary>
        public DateTime HappenedOn { get; }

        public void WriteTo(ParameterCollection shared)
        {
            shared[Key + "Lead"] = new EntityReference(LeadTable.EntityName, LeadId);
            shared[Key + "Rules"] = new EntityReferenceCollection(RuleIds.Select(id => new EntityReference(ScoringRuleTable.EntityName, id)).ToList());
            shared[Key + nameof(HappenedOn)] = HappenedOn;
        }

        /// <summary>What this save's activity earned, or null when it earned nothing.</summary>
        public static EngagementToApply? ReadFrom(ParameterCollection shared) =>
            shared.TryGetValue(Key + "Lead", out var lead) && lead is EntityReference leadReference && shared[Key + "Rules"] is EntityReferenceCollection rules
                ? new EngagementToApply(leadReference.Id, rules.Select(rule => rule.Id).ToList(), (DateTime)shared[Key + nameof(HappenedOn)])
                : null;

        /// <summary>
        /// The rules of <paramref name="model"/> among those earned, in their order; rules the model no longer has are left out.
        /// </summary>
        public IReadOnlyList<ScoringRule> RulesIn(ScoringModel model) =>
            RuleIds.Select(model.Rule).Where(rule => rule != null).Select(rule => rule!).ToList();

        /// <summary>
        /// The ledger <paramref name="stored"/> with these rules counted at <paramref name="now"/>, kept within the column; null when
        /// the model has none of them any more.
        /// </summary>
        public string? CountOn(string? stored, ScoringModel model, DateTime now, Action<string> trace)
        {
            var rules = RulesIn(model);
            if (rules.Count == 0)
            {
                trace("The rules this activity earned are no longer in the scoring model: nothing to apply.");
                return null;
            }

            var ledger = EngagementLedger.Parse(stored);
            foreach (var rule in rules)
            {
                ledger.Count(rule, HappenedOn, now, model.HalfLifeDays);
            }

            var dropped = ledger.KeepWithin(ScoreColumns.LedgerMaxLength);
            if (dropped > 0)
            {
                trace($"The engagement ledger dropped the {dropped} rules with the fewest points to fit its {ScoreColumns.LedgerMaxLength} characters.");
            }

            trace($"Counted {rules.Count} engagement rule(s) for lead {LeadId}.");
            return ledger.ToString();
        }
    }
}
