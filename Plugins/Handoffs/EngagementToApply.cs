using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Handoffs
{
    /// <summary>
    /// The engagement rules an activity newly earned for a lead, found by <see cref="Scoring.EngagementPointsPlugin"/> in
    /// PreOperation and counted on the lead's ledger by <see cref="Scoring.ApplyEngagementPlugin"/> in PostOperation: the lead
    /// and the rules as references (an EntityReference and an EntityReferenceCollection, types the platform serializes).
    /// </summary>
    internal sealed class EngagementToApply
    {
        private const string Key = "LeadAlign.EngagementToApply.";

        public EngagementToApply(Guid leadId, IReadOnlyList<Guid> ruleIds)
        {
            LeadId = leadId;
            RuleIds = ruleIds;
        }

        public Guid LeadId { get; }

        public IReadOnlyList<Guid> RuleIds { get; }

        public void WriteTo(ParameterCollection shared)
        {
            shared[Key + "Lead"] = new EntityReference(LeadTable.EntityName, LeadId);
            shared[Key + "Rules"] = new EntityReferenceCollection(RuleIds.Select(id => new EntityReference(ScoringRuleTable.EntityName, id)).ToList());
        }

        /// <summary>What this save's activity earned, or null when it earned nothing.</summary>
        public static EngagementToApply? ReadFrom(ParameterCollection shared) =>
            shared.TryGetValue(Key + "Lead", out var lead) && lead is EntityReference leadReference && shared[Key + "Rules"] is EntityReferenceCollection rules
                ? new EngagementToApply(leadReference.Id, rules.Select(rule => rule.Id).ToList())
                : null;
    }
}
