using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Cli.Simulation.Report
{
    /// <summary>Per rep: the leads routed to them, and the median and 90th-percentile minutes to accept and to first contact.</summary>
    internal sealed class RepTimesSection : ReportSection
    {
        public RepTimesSection(ReportData data)
        {
            Times = data.Reps.Select(rep =>
            {
                var mine = data.Leads.Where(row => row.GetAttributeValue<EntityReference>(LeadTable.RoutedTo)?.Id == rep.Id).ToList();
                var accept = mine.Select(row => row.GetAttributeValue<int?>(LeadTable.MinutesToAccept)).ToList();
                var contact = mine.Select(row => row.GetAttributeValue<int?>(LeadTable.MinutesToFirstContact)).ToList();
                return new RepTimes(rep.Name, mine.Count, ReportData.Percentile(accept, 0.5), ReportData.Percentile(accept, 0.9), ReportData.Percentile(contact, 0.5), ReportData.Percentile(contact, 0.9));
            }).ToList();
        }

        public List<RepTimes> Times { get; }

        public override void WriteText(TextWriter output)
        {
            output.WriteLine("Time to accept / first contact, minutes (median, p90)");
            foreach (var rep in Times)
            {
                output.WriteLine($"  {rep.Rep,-12} {rep.Leads,5} leads  accept {ReportData.Minutes(rep.AcceptMedian),6} {ReportData.Minutes(rep.AcceptP90),6}  contact {ReportData.Minutes(rep.ContactMedian),6} {ReportData.Minutes(rep.ContactP90),6}");
            }
        }

        public override void WriteHtml(StringBuilder html)
        {
            html.Append("<h2>Time to accept and to first contact, per rep (minutes)</h2><table><tr><th>Rep</th><th>Leads</th><th>Accept median</th><th>Accept p90</th><th>Contact median</th><th>Contact p90</th></tr>");
            foreach (var rep in Times)
            {
                html.Append("<tr><td>").Append(WebUtility.HtmlEncode(rep.Rep)).Append("</td><td>").Append(rep.Leads).Append("</td><td>").Append(ReportData.Minutes(rep.AcceptMedian)).Append("</td><td>").Append(ReportData.Minutes(rep.AcceptP90))
                    .Append("</td><td>").Append(ReportData.Minutes(rep.ContactMedian)).Append("</td><td>").Append(ReportData.Minutes(rep.ContactP90)).Append("</td></tr>");
            }

            html.Append("</table>");
        }
    }
}
