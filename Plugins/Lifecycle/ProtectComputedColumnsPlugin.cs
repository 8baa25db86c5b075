using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Plugins.Registration;
using LeadAlign.Runtime;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Lifecycle
{
    /// <summary>
    /// Keeps what LeadAlign computes on a lead (the score and its parts, the engagement ledger, the stage stamps and minutes,
    /// the routing, the SLA clock lookups, who rejected it, the outcome of its opportunity) written by LeadAlign only, whoever calls: a value a caller sends is
    /// refused naming the columns (PreValidation, before anything is written). LeadAlign writes these columns from its own steps
    /// and activities, whose requests are nested (depth 2 and deeper); a caller's request is the top one (depth 1). A value equal
    /// to the stored one is dropped from the request instead, as clients that send a whole row back (unchanged columns included)
    /// forge nothing. No service call.
    /// </summary>
    [PluginStep("1ead5c0e-000e-4000-8000-000000000001", "Create", "lead", PluginStage.PreValidation, Rank = 0,
        Description = "Refuses a caller's value for a column LeadAlign computes.")]
    [PluginStep("1ead5c0e-000e-4000-8000-000000000002", "Update", "lead", PluginStage.PreValidation, Rank = 0,
        FilteringAttributes = ComputedColumnList,
        PreImageAttributes = ComputedColumnList,
        Description = "Refuses a caller's change of a column LeadAlign computes.")]
    public sealed class ProtectComputedColumnsPlugin : PluginBase
    {
        /// <summary>The lead columns only LeadAlign writes, as the step's filtering and image attributes name them.</summary>
        internal const string ComputedColumnList =
            $"{LeadTable.FitScore},{LeadTable.EngagementScore},{LeadTable.Score},{LeadTable.ScoreBand},{LeadTable.ScoreReasons},{LeadTable.ScoredOn}," +
            $"{LeadTable.ScoringModelId},{LeadTable.EngagementLedger},{LeadTable.StageEnteredOn},{LeadTable.MqlOn},{LeadTable.HandoffOn}," +
            $"{LeadTable.RoutedToId},{LeadTable.AcceptedOn},{LeadTable.SqlOn},{LeadTable.RejectedOn},{LeadTable.NurturedOn},{LeadTable.FirstContactOn}," +
            $"{LeadTable.MinutesToAccept},{LeadTable.MinutesToFirstContact},{LeadTable.AcceptByKpiId},{LeadTable.FirstContactByKpiId},{LeadTable.RejectedBy}," +
            $"{LeadTable.Outcome},{LeadTable.OutcomeOn},{LeadTable.OutcomeRevenue},{LeadTable.DaysInquiryToClose},{LeadTable.DaysHandoffToClose},{LeadTable.NurturePaused},{LeadTable.HotLane}," +
            $"{LeadTable.QueuedOn},{LeadTable.MinutesInQueue}," +
            $"{LeadTable.DecisionByKpiId},{LeadTable.RuleHits},{LeadTable.HasRequiredData},{LeadTable.HasValidEmailDomain},{LeadTable.IsDuplicate},{LeadTable.CleanHandoff}";

        private static readonly string[] ComputedColumns = ComputedColumnList.Split(',');

        public ProtectComputedColumnsPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(ProtectComputedColumnsPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var target = context.GetTargetEntity();
            if (target == null || context.Depth > 1)
            {
                return;
            }

            var preImage = context.GetPreImage("PreImage");
            var forged = new List<string>();
            foreach (var column in ComputedColumns.Where(target.Contains).ToList())
            {
                var stored = preImage?.GetAttributeValue<object>(column);
                if (SameValue(target[column], stored))
                {
                    target.Attributes.Remove(column);
                }
                else
                {
                    forged.Add(column);
                }
            }

            if (forged.Count > 0)
            {
                localPluginContext.Trace($"Refused: the caller sent {string.Join(", ", forged)}, which LeadAlign computes.");
                throw new BusinessRuleException($"LeadAlign computes {string.Join(", ", forged)}: they cannot be set or changed directly. Remove {(forged.Count == 1 ? "it" : "them")} from the request; LeadAlign updates {(forged.Count == 1 ? "it" : "them")} when the lead, its activities or its stage change.");
            }
        }

        private static bool SameValue(object? sent, object? stored)
        {
            if (sent == null || stored == null)
            {
                return sent == null && stored == null;
            }

            switch (sent)
            {
                case EntityReference reference:
                    return stored is EntityReference other && reference.Id == other.Id;
                case OptionSetValue option:
                    return stored is OptionSetValue otherOption && option.Value == otherOption.Value;
                case DateTime date:
                    return stored is DateTime otherDate && date.ToUniversalTime() == otherDate.ToUniversalTime();
                default:
                    return Equals(sent, stored);
            }
        }
    }
}
