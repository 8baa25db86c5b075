using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using LeadAlign.Dataverse;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Cli.Simulation
{
    /// <summary>The figures of a simulated month, read back from the in-memory Dataverse, as text and as an HTML page with inline SVG charts.</summary>
    public sealed class SimulationReport
    {
        private static readonly string[] StageNames = { "Inquiry", "MQL", "SAL", "SQL", "Rejected", "Nurture", "Converted" };
        private static readonly Dictionary<int, string> Reasons = new()
        {
            [(int)RejectionReason.NotAFit] = "Not a fit", [(int)RejectionReason.NoBudget] = "No budget", [(int)RejectionReason.BadContactData] = "Bad contact data", [(int)RejectionReason.Duplicate] = "Duplicate",
            [(int)RejectionReason.Competitor] = "Competitor", [(int)RejectionReason.StudentOrJobSeeker] = "Student or job seeker", [(int)RejectionReason.NotReadyYet] = "Not ready yet", [(int)RejectionReason.Other] = "Other",
        };

        private static readonly Dictionary<int, string> Sources = new()
        {
            [1] = "Advertisement", [2] = "Employee Referral", [3] = "External Referral", [4] = "Partner", [5] = "Public Relations",
            [6] = "Seminar", [7] = "Trade Show", [8] = "Web", [9] = "Word of Mouth", [10] = "Other",
        };

        public SimulationReport(InMemoryDataverse org, IReadOnlyList<Simulator.Rep> reps)
        {
            var leads = org.All("lead");
            var history = org.All(LeadStageChangeTable.EntityName);
            var feedback = org.All(LeadFeedbackTable.EntityName);
            var kpis = org.All("slakpiinstance");
            var campaigns = org.All("campaign").ToDictionary(row => row.Id, row => row.GetAttributeValue<string>("name"));
            var agreement = org.All(AgreementTable.EntityName).Single(row => row.GetAttributeValue<bool>(AgreementTable.IsActive));
            var model = org.All(ScoringModelTable.EntityName).Single(row => row.GetAttributeValue<bool>(ScoringModelTable.IsActive));

            Leads = leads.Count;
            var reached = history.GroupBy(row => row.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.ToStage)?.Value ?? 0)
                .ToDictionary(group => group.Key, group => group.Select(row => row.GetAttributeValue<EntityReference>(LeadStageChangeTable.LeadId).Id).Distinct().Count());
            Funnel = new List<(string, int)>
            {
                ("Inquiry", Leads),
                ("MQL", reached.GetValueOrDefault((int)LeadStage.Mql)),
                ("SAL", reached.GetValueOrDefault((int)LeadStage.Sal)),
                ("SQL", reached.GetValueOrDefault((int)LeadStage.Sql)),
                ("Converted", reached.GetValueOrDefault((int)LeadStage.Converted)),
            };
            Rejected = reached.GetValueOrDefault((int)LeadStage.Rejected);
            Nurtured = reached.GetValueOrDefault((int)LeadStage.Nurture);
            Commitment = agreement.GetAttributeValue<int?>(AgreementTable.MqlsPerWeek) ?? 0;
            var start = org.All("lead").Select(row => row.GetAttributeValue<DateTime>("createdon")).DefaultIfEmpty(org.UtcNow).Min().Date;
            WeeklyMqls = history.Where(row => row.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.ToStage)?.Value == (int)LeadStage.Mql && row.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.FromStage)?.Value == (int)LeadStage.Inquiry)
                .GroupBy(row => (int)((row.GetAttributeValue<DateTime>(LeadStageChangeTable.ChangedOn) - start).TotalDays / 7) + 1)
                .OrderBy(group => group.Key)
                .Select(group => ("Week " + group.Key.ToString(CultureInfo.InvariantCulture), group.Count()))
                .ToList();
            Times = reps.Select(rep =>
            {
                var mine = leads.Where(row => row.GetAttributeValue<EntityReference>(LeadTable.RoutedTo)?.Id == rep.Id).ToList();
                return new RepTimes(rep.Name, mine.Count,
                    Percentile(mine.Select(row => row.GetAttributeValue<int?>(LeadTable.MinutesToAccept)), 0.5), Percentile(mine.Select(row => row.GetAttributeValue<int?>(LeadTable.MinutesToAccept)), 0.9),
                    Percentile(mine.Select(row => row.GetAttributeValue<int?>(LeadTable.MinutesToFirstContact)), 0.5), Percentile(mine.Select(row => row.GetAttributeValue<int?>(LeadTable.MinutesToFirstContact)), 0.9));
            }).ToList();
            Sla = kpis.GroupBy(row => row.GetAttributeValue<string>("name")).OrderBy(group => group.Key).Select(group =>
            {
                int Count(int status) => group.Count(row => row.GetAttributeValue<OptionSetValue>("status")?.Value == status);
                return new SlaLine(group.Key, Count(4), Count(1), Count(5), Count(0) + Count(2));
            }).ToList();
            RejectionsByCampaign = feedback.GroupBy(row => (Reasons.GetValueOrDefault(row.GetAttributeValue<OptionSetValue>(LeadFeedbackTable.Reason)?.Value ?? 0, "?"), row.GetAttributeValue<EntityReference>(LeadFeedbackTable.CampaignId) is { } campaign ? campaigns.GetValueOrDefault(campaign.Id, "?") : "(no campaign)"))
                .OrderBy(group => group.Key.Item1).ThenBy(group => group.Key.Item2).Select(group => (group.Key.Item1, group.Key.Item2, group.Count())).ToList();
            RejectionsBySource = feedback.GroupBy(row => (Reasons.GetValueOrDefault(row.GetAttributeValue<OptionSetValue>(LeadFeedbackTable.Reason)?.Value ?? 0, "?"), Sources.GetValueOrDefault(int.TryParse(row.GetAttributeValue<string>(LeadFeedbackTable.LeadSource), out var source) ? source : 0, "(none)")))
                .OrderBy(group => group.Key.Item1).ThenBy(group => group.Key.Item2).Select(group => (group.Key.Item1, group.Key.Item2, group.Count())).ToList();
            var warm = model.GetAttributeValue<int?>(ScoringModelTable.WarmThreshold) ?? 0;
            var hot = model.GetAttributeValue<int?>(ScoringModelTable.HotThreshold) ?? 0;
            var sqlLeads = history.Where(row => row.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.ToStage)?.Value == (int)LeadStage.Sql).Select(row => row.GetAttributeValue<EntityReference>(LeadStageChangeTable.LeadId).Id).ToHashSet();
            SqlRateByBand = history.Where(row => row.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.ToStage)?.Value == (int)LeadStage.Mql)
                .GroupBy(row => row.GetAttributeValue<EntityReference>(LeadStageChangeTable.LeadId).Id)
                .Select(group => (Lead: group.Key, Score: group.Min(row => row.GetAttributeValue<int?>(LeadStageChangeTable.Score) ?? 0)))
                .GroupBy(item => item.Score >= hot ? "Hot" : item.Score >= warm ? "Warm" : "Cold")
                .OrderBy(group => group.Key == "Hot" ? 0 : group.Key == "Warm" ? 1 : 2)
                .Select(group => (group.Key, group.Count(), group.Count(item => sqlLeads.Contains(item.Lead))))
                .ToList();
            Velocity = history.Where(row => row.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.FromStage) != null && row.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.ToStage)?.Value != row.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.FromStage)?.Value)
                .GroupBy(row => StageNames[row.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.FromStage).Value - (int)LeadStage.Inquiry])
                .Select(group => (group.Key, group.Count(), Percentile(group.Select(row => row.GetAttributeValue<int?>(LeadStageChangeTable.MinutesInPreviousStage)), 0.5)))
                .OrderBy(item => Array.IndexOf(StageNames, item.Key))
                .ToList();
        }

        public int Leads { get; }

        public int Rejected { get; }

        public int Nurtured { get; }

        public int Commitment { get; }

        public List<(string Stage, int Leads)> Funnel { get; }

        public List<(string Week, int Mqls)> WeeklyMqls { get; }

        public List<RepTimes> Times { get; }

        public List<SlaLine> Sla { get; }

        public List<(string Reason, string Campaign, int Count)> RejectionsByCampaign { get; }

        public List<(string Reason, string Source, int Count)> RejectionsBySource { get; }

        public List<(string Band, int Mqls, int Sqls)> SqlRateByBand { get; }

        public List<(string Stage, int Moves, int? MedianMinutes)> Velocity { get; }

        public void WriteText(TextWriter output)
        {
            output.WriteLine("Funnel");
            for (var index = 0; index < Funnel.Count; index++)
            {
                var rate = index == 0 || Funnel[index - 1].Leads == 0 ? string.Empty : $"  ({100.0 * Funnel[index].Leads / Funnel[index - 1].Leads:0.0}% of {Funnel[index - 1].Stage})";
                output.WriteLine($"  {Funnel[index].Stage,-10} {Funnel[index].Leads,7}{rate}");
            }

            output.WriteLine($"  Rejected   {Rejected,7}   Nurture {Nurtured}");
            output.WriteLine($"Weekly MQLs (commitment {Commitment})");
            foreach (var (week, mqls) in WeeklyMqls)
            {
                output.WriteLine($"  {week,-8} {mqls,5} {(mqls >= Commitment ? "met" : "missed")}");
            }

            output.WriteLine("Time to accept / first contact, minutes (median, p90)");
            foreach (var rep in Times)
            {
                output.WriteLine($"  {rep.Rep,-12} {rep.Leads,5} leads  accept {Minutes(rep.AcceptMedian),6} {Minutes(rep.AcceptP90),6}  contact {Minutes(rep.ContactMedian),6} {Minutes(rep.ContactP90),6}");
            }

            output.WriteLine("SLA compliance");
            foreach (var line in Sla)
            {
                output.WriteLine($"  {line.Clock,-17} succeeded {line.Succeeded,5}  noncompliant {line.Noncompliant,5}  canceled {line.Canceled,5}  running {line.Running,5}  compliance {line.Compliance:0.0}%");
            }

            output.WriteLine("Rejections by reason and campaign");
            foreach (var (reason, campaign, count) in RejectionsByCampaign)
            {
                output.WriteLine($"  {reason,-22} {campaign,-20} {count,5}");
            }

            output.WriteLine("Rejections by reason and source");
            foreach (var (reason, source, count) in RejectionsBySource)
            {
                output.WriteLine($"  {reason,-22} {source,-20} {count,5}");
            }

            output.WriteLine("SQL rate by score band at MQL");
            foreach (var (band, mqls, sqls) in SqlRateByBand)
            {
                output.WriteLine($"  {band,-5} {mqls,6} MQLs {sqls,6} SQLs  {(mqls == 0 ? 0 : 100.0 * sqls / mqls):0.0}%");
            }

            output.WriteLine("Stage velocity (median minutes in the stage before moving on)");
            foreach (var (stage, moves, median) in Velocity)
            {
                output.WriteLine($"  {stage,-10} {moves,6} moves  {Minutes(median),8}");
            }
        }

        public string Html()
        {
            var html = new StringBuilder();
            html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>LeadAlign: a simulated month</title>")
                .Append("<style>body{font-family:Segoe UI,Arial,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}h2{margin-top:1.5em}</style></head><body>")
                .Append("<h1>LeadAlign: a simulated month</h1>")
                .Append("<p>").Append(Leads.ToString(CultureInfo.InvariantCulture)).Append(" leads through the real plug-ins, workflows and activities, in the in-memory Dataverse.</p>");
            html.Append("<h2>Funnel</h2>").Append(Bars(Funnel.Select(item => (item.Stage, (double)item.Leads)).ToList(), "#3776c1"));
            html.Append("<h2>Weekly MQLs against marketing's commitment (").Append(Commitment).Append(")</h2>").Append(Bars(WeeklyMqls.Select(item => (item.Week, (double)item.Mqls)).ToList(), "#95bd42", Commitment));
            html.Append("<h2>Time to accept and to first contact, per rep (minutes)</h2><table><tr><th>Rep</th><th>Leads</th><th>Accept median</th><th>Accept p90</th><th>Contact median</th><th>Contact p90</th></tr>");
            foreach (var rep in Times)
            {
                html.Append("<tr><td>").Append(WebUtility.HtmlEncode(rep.Rep)).Append("</td><td>").Append(rep.Leads).Append("</td><td>").Append(Minutes(rep.AcceptMedian)).Append("</td><td>").Append(Minutes(rep.AcceptP90))
                    .Append("</td><td>").Append(Minutes(rep.ContactMedian)).Append("</td><td>").Append(Minutes(rep.ContactP90)).Append("</td></tr>");
            }

            html.Append("</table><h2>SLA compliance</h2>").Append(Bars(Sla.Select(line => (line.Clock + " %", line.Compliance)).ToList(), "#c53834"));
            html.Append("<table><tr><th>Clock</th><th>Succeeded</th><th>Noncompliant</th><th>Canceled</th><th>Running</th></tr>");
            foreach (var line in Sla)
            {
                html.Append("<tr><td>").Append(WebUtility.HtmlEncode(line.Clock)).Append("</td><td>").Append(line.Succeeded).Append("</td><td>").Append(line.Noncompliant).Append("</td><td>").Append(line.Canceled).Append("</td><td>").Append(line.Running).Append("</td></tr>");
            }

            html.Append("</table><h2>Rejections by reason and campaign</h2>").Append(Table("Campaign", RejectionsByCampaign.Select(item => (item.Reason, item.Campaign, item.Count)).ToList()));
            html.Append("<h2>Rejections by reason and source</h2>").Append(Table("Source", RejectionsBySource.Select(item => (item.Reason, item.Source, item.Count)).ToList()));
            html.Append("<h2>SQL rate by score band at MQL</h2>").Append(Bars(SqlRateByBand.Select(item => (item.Band + " %", item.Mqls == 0 ? 0 : 100.0 * item.Sqls / item.Mqls)).ToList(), "#7552a0"));
            html.Append("<h2>Stage velocity (median minutes before moving on)</h2>").Append(Bars(Velocity.Select(item => (item.Stage, (double)(item.MedianMinutes ?? 0))).ToList(), "#31abcc"));
            return html.Append("</body></html>").ToString();
        }

        private static string Table(string column, List<(string Reason, string Other, int Count)> rows)
        {
            var others = rows.Select(row => row.Other).Distinct().OrderBy(other => other, StringComparer.Ordinal).ToList();
            // The corner cell names both axes: reasons down, the other column (campaign or source) across.
            var text = new StringBuilder("<table><tr><th>Reason \\ ").Append(WebUtility.HtmlEncode(column)).Append("</th>");
            foreach (var other in others)
            {
                text.Append("<th>").Append(WebUtility.HtmlEncode(other)).Append("</th>");
            }

            text.Append("</tr>");
            foreach (var reason in rows.Select(row => row.Reason).Distinct())
            {
                text.Append("<tr><td>").Append(WebUtility.HtmlEncode(reason)).Append("</td>");
                foreach (var other in others)
                {
                    text.Append("<td>").Append(rows.Where(row => row.Reason == reason && row.Other == other).Sum(row => row.Count)).Append("</td>");
                }

                text.Append("</tr>");
            }

            return text.Append("</table>").ToString();
        }

        /// <summary>A horizontal bar chart as inline SVG; an optional target line.</summary>
        private static string Bars(List<(string Label, double Value)> items, string colour, double? target = null)
        {
            var max = Math.Max(1, Math.Max(items.Select(item => item.Value).DefaultIfEmpty(0).Max(), target ?? 0));
            var height = (items.Count * 26) + 10;
            var svg = new StringBuilder($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"{height}\" role=\"img\">");
            for (var index = 0; index < items.Count; index++)
            {
                var width = 440 * items[index].Value / max;
                var y = 5 + (index * 26);
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 15}\" font-size=\"12\">{WebUtility.HtmlEncode(items[index].Label)}</text>")
                    .Append(CultureInfo.InvariantCulture, $"<rect x=\"130\" y=\"{y}\" width=\"{width:0.0}\" height=\"20\" fill=\"{colour}\"/>")
                    .Append(CultureInfo.InvariantCulture, $"<text x=\"{134 + width:0.0}\" y=\"{y + 15}\" font-size=\"12\">{items[index].Value:0.#}</text>");
            }

            if (target != null)
            {
                var x = 130 + (440 * target.Value / max);
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.0}\" y1=\"0\" x2=\"{x:0.0}\" y2=\"{height}\" stroke=\"#333\" stroke-dasharray=\"4 3\"/>");
            }

            return svg.Append("</svg>").ToString();
        }

        private static int? Percentile(IEnumerable<int?> values, double share)
        {
            var sorted = values.Where(value => value != null).Select(value => value!.Value).OrderBy(value => value).ToList();
            return sorted.Count == 0 ? null : sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(share * (sorted.Count - 1) + 0.5))];
        }

        private static string Minutes(int? minutes) => minutes?.ToString(CultureInfo.InvariantCulture) ?? "-";

        public sealed record RepTimes(string Rep, int Leads, int? AcceptMedian, int? AcceptP90, int? ContactMedian, int? ContactP90);

        public sealed record SlaLine(string Clock, int Succeeded, int Noncompliant, int Canceled, int Running)
        {
            public double Compliance => Succeeded + Noncompliant == 0 ? 0 : 100.0 * Succeeded / (Succeeded + Noncompliant);
        }
    }
}
