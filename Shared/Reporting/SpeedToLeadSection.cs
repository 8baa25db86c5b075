using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Schema;

namespace LeadAlign.Reporting
{
    /// <summary>
    /// Speed to lead: for the cohort's leads handed off to sales (la_handoffon set), overall and per rep (the rep the lead was
    /// routed to, else its owning user), the median and 90th-percentile minutes to accept (la_minutestoaccept) and to first
    /// contact (la_minutestofirstcontact); the share of the handed-off leads first contacted within 5 and within 60 minutes
    /// (the recorded whole minutes 5 or fewer, 60 or fewer); and the share reaching SQL of the leads contacted within the hour
    /// against those contacted later (leads not yet contacted count in neither). The same figures for the leads handed off
    /// through the hot lane (la_hotlane) and for the others, so the hot lane's promise can be checked; and the wait of the leads
    /// routed to the sales queue before a rep picked them (la_minutesinqueue: median and 90th percentile), which the accept clock
    /// does not count because it starts at the pick.
    /// </summary>
    internal static class SpeedToLeadSection
    {
        public const int FastMinutes = 5;
        public const int HourMinutes = 60;

        public static void Write(JsonWriter json, IReadOnlyCollection<LeadJourney> cohort)
        {
            var handedOff = cohort.Where(journey => journey.HandedOff).ToList();
            json.Name("speedToLead").BeginObject().Name("overall");
            Figures(json, null, handedOff);
            json.Name("hotLane");
            Figures(json, null, handedOff.Where(journey => journey.HotLane).ToList());
            json.Name("otherLeads");
            Figures(json, null, handedOff.Where(journey => !journey.HotLane).ToList());
            var queued = handedOff.Where(journey => journey.MinutesInQueue.HasValue).Select(journey => (decimal)journey.MinutesInQueue!.Value).ToList();
            json.Name("salesQueue").BeginObject()
                .Property("leads", queued.Count)
                .Name("waitMedianMinutes").OneDecimal(ReportMath.Percentile(queued, 0.5m))
                .Name("waitP90Minutes").OneDecimal(ReportMath.Percentile(queued, 0.9m))
                .EndObject();
            json.Name("byRep").BeginArray();
            foreach (var group in handedOff.GroupBy(journey => journey.Rep ?? SlaSection.NoRep).OrderBy(group => group.Key, StringComparer.Ordinal))
            {
                Figures(json, group.Key, group.ToList());
            }

            json.EndArray().EndObject();
        }

        private static void Figures(JsonWriter json, string? rep, IReadOnlyCollection<LeadJourney> leads)
        {
            var accept = leads.Where(journey => journey.MinutesToAccept.HasValue).Select(journey => (decimal)journey.MinutesToAccept!.Value).ToList();
            var contacted = leads.Where(journey => journey.MinutesToFirstContact.HasValue).ToList();
            var contact = contacted.Select(journey => (decimal)journey.MinutesToFirstContact!.Value).ToList();
            var withinHour = contacted.Where(journey => journey.MinutesToFirstContact <= HourMinutes).ToList();
            var later = contacted.Where(journey => journey.MinutesToFirstContact > HourMinutes).ToList();
            json.BeginObject();
            if (rep != null)
            {
                json.Property("rep", rep);
            }

            json.Property("leads", leads.Count)
                .Name("acceptMedianMinutes").OneDecimal(ReportMath.Percentile(accept, 0.5m))
                .Name("acceptP90Minutes").OneDecimal(ReportMath.Percentile(accept, 0.9m))
                .Name("contactMedianMinutes").OneDecimal(ReportMath.Percentile(contact, 0.5m))
                .Name("contactP90Minutes").OneDecimal(ReportMath.Percentile(contact, 0.9m))
                .Name("within5MinutesPercent").OneDecimal(ReportMath.Percent(contacted.Count(journey => journey.MinutesToFirstContact <= FastMinutes), leads.Count))
                .Name("within60MinutesPercent").OneDecimal(ReportMath.Percent(withinHour.Count, leads.Count))
                .Name("sqlPercentContactedWithinHour").OneDecimal(ReportMath.Percent(withinHour.Count(journey => journey.Reached(LeadStage.Sql)), withinHour.Count))
                .Name("sqlPercentContactedLater").OneDecimal(ReportMath.Percent(later.Count(journey => journey.Reached(LeadStage.Sql)), later.Count))
                .EndObject();
        }
    }
}
