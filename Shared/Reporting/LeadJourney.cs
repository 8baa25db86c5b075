using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Reporting
{
    /// <summary>
    /// One lead of the cohort as the report sees it: where it came from, its band, when it first reached each stage (from its
    /// history), and what its opportunities became.
    /// </summary>
    internal sealed class LeadJourney
    {
        public LeadJourney(Entity lead)
        {
            Id = lead.Id;
            CreatedOn = lead.GetAttributeValue<DateTime>(LeadTable.CreatedOn);
            CampaignId = lead.GetAttributeValue<EntityReference>(LeadTable.CampaignId)?.Id;
            CampaignName = lead.GetAttributeValue<AliasedValue>(AlignmentReportQueries.CampaignAlias + "." + CampaignTable.Name)?.Value as string;
            Source = lead.GetAttributeValue<OptionSetValue>(LeadTable.LeadSource)?.Value;
            Band = lead.GetAttributeValue<OptionSetValue>(LeadTable.ScoreBand)?.Value;
            HandedOff = lead.GetAttributeValue<DateTime?>(LeadTable.HandoffOn).HasValue;
            HotLane = lead.GetAttributeValue<bool?>(LeadTable.HotLane) == true;
            MinutesInQueue = lead.GetAttributeValue<int?>(LeadTable.MinutesInQueue);
            Rep = lead.GetAttributeValue<AliasedValue>(AlignmentReportQueries.RoutedToAlias + "." + SystemUserTable.FullName)?.Value as string
                ?? lead.GetAttributeValue<AliasedValue>(AlignmentReportQueries.OwnerAlias + "." + SystemUserTable.FullName)?.Value as string;
            MinutesToAccept = lead.GetAttributeValue<int?>(LeadTable.MinutesToAccept);
            MinutesToFirstContact = lead.GetAttributeValue<int?>(LeadTable.MinutesToFirstContact);
        }

        public Guid Id { get; }

        public DateTime CreatedOn { get; }

        public Guid? CampaignId { get; }

        public string? CampaignName { get; }

        public int? Source { get; }

        public int? Band { get; }

        /// <summary>Whether the lead is handed off to sales (its handoff date is set; a nurtured lead's is cleared).</summary>
        public bool HandedOff { get; }

        /// <summary>Whether the lead was handed off through the hot lane (a high-intent interaction, the agreement's minutes).</summary>
        public bool HotLane { get; }

        /// <summary>The minutes the lead waited in the sales queue before a rep picked it; null when it was not routed to a queue.</summary>
        public int? MinutesInQueue { get; }

        /// <summary>The full name of the rep the lead was routed to, else of its owning user; null when neither is a user.</summary>
        public string? Rep { get; }

        public int? MinutesToAccept { get; }

        public int? MinutesToFirstContact { get; }

        /// <summary>When the lead first reached each stage of its history (MQL, SAL, SQL).</summary>
        public Dictionary<int, DateTime> FirstReached { get; } = new Dictionary<int, DateTime>();

        /// <summary>When its first opportunity was created; null when it has none.</summary>
        public DateTime? FirstOpportunityOn { get; private set; }

        public bool Won { get; private set; }

        public bool Lost { get; private set; }

        /// <summary>When its first won opportunity closed (actualclosedate).</summary>
        public DateTime? WonOn { get; private set; }

        /// <summary>The actual value of its won opportunities.</summary>
        public decimal Revenue { get; private set; }

        public bool Reached(LeadStage stage) => FirstReached.ContainsKey((int)stage);

        public bool HasOpportunity => FirstOpportunityOn.HasValue;

        public void AddMove(int stage, DateTime on)
        {
            if (!FirstReached.TryGetValue(stage, out var first) || on < first)
            {
                FirstReached[stage] = on;
            }
        }

        public void AddOpportunity(Entity opportunity)
        {
            var createdOn = opportunity.GetAttributeValue<DateTime>(OpportunityTable.CreatedOn);
            if (FirstOpportunityOn == null || createdOn < FirstOpportunityOn)
            {
                FirstOpportunityOn = createdOn;
            }

            var state = opportunity.GetAttributeValue<OptionSetValue>(OpportunityTable.StateCode)?.Value;
            if (state == OpportunityTable.StateWon)
            {
                Won = true;
                Revenue += opportunity.GetAttributeValue<Money>(OpportunityTable.ActualValue)?.Value ?? 0m;
                var closedOn = opportunity.GetAttributeValue<DateTime?>(OpportunityTable.ActualCloseDate);
                if (closedOn.HasValue && (WonOn == null || closedOn < WonOn))
                {
                    WonOn = closedOn;
                }
            }
            else if (state == OpportunityTable.StateLost)
            {
                Lost = true;
            }
        }

        /// <summary>Lost: an opportunity of the lead was lost and none was won.</summary>
        public bool LostOnly => Lost && !Won;

        /// <summary>The cohort's journeys, with their history and opportunities attached.</summary>
        public static Dictionary<Guid, LeadJourney> Build(IEnumerable<Entity> leads, IEnumerable<Entity> history, IEnumerable<Entity> opportunities)
        {
            var journeys = new Dictionary<Guid, LeadJourney>();
            foreach (var lead in leads)
            {
                journeys[lead.Id] = new LeadJourney(lead);
            }

            foreach (var move in history.Where(StageMove.IsMove))
            {
                var lead = move.GetAttributeValue<EntityReference>(LeadStageChangeTable.LeadId)?.Id;
                var stage = move.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.ToStage)?.Value;
                if (lead.HasValue && stage.HasValue && journeys.TryGetValue(lead.Value, out var journey))
                {
                    journey.AddMove(stage.Value, move.GetAttributeValue<DateTime>(LeadStageChangeTable.ChangedOn));
                }
            }

            foreach (var opportunity in opportunities)
            {
                var lead = opportunity.GetAttributeValue<EntityReference>(OpportunityTable.OriginatingLeadId)?.Id;
                if (lead.HasValue && journeys.TryGetValue(lead.Value, out var journey))
                {
                    journey.AddOpportunity(opportunity);
                }
            }

            return journeys;
        }

        /// <summary>Hours from <paramref name="from"/> to <paramref name="to"/> when both are known; never below 0 (a close date is a date).</summary>
        public static decimal? Hours(DateTime? from, DateTime? to) =>
            from.HasValue && to.HasValue ? Math.Max(0m, (decimal)(to.Value - from.Value).Ticks / TimeSpan.TicksPerHour) : (decimal?)null;

        public DateTime? FirstOn(LeadStage stage) => FirstReached.TryGetValue((int)stage, out var on) ? on : (DateTime?)null;
    }
}
