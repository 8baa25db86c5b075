using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Cli.Simulation.Report
{
    /// <summary>Per SLA clock (Accept by, First contact by): succeeded, noncompliant, canceled and still running, and the compliance.</summary>
    internal sealed class SlaComplianceSection : ReportSection
    {
        public SlaComplianceSection(ReportData data)
        {
            Sla = data.Clocks.GroupBy(row => row.GetAttributeValue<string>(SlaKpiInstanceTable.Name)).OrderBy(group => group.Key).Select(group =>
            {
                int Count(SlaKpiStatus status) => group.Count(row => row.GetAttributeValue<OptionSetValue>(SlaKpiInstanceTable.Status)?.Value == (int)status);
                return new SlaLine(group.Key, Count(SlaKpiStatus.Succeeded), Count(SlaKpiStatus.Noncompliant), Count(SlaKpiStatus.Canceled), Count(SlaKpiStatus.InProgress) + Count(SlaKpiStatus.NearingNoncompliance));
            }).ToList();
        }

        public List<SlaLine> Sla { get; }

        public override void WriteText(TextWriter output)
        {
            output.WriteLine("SLA compliance");
            foreach (var line in Sla)
            {
                output.WriteLine($"  {line.Clock,-17} succeeded {line.Succeeded,5}  noncompliant {line.Noncompliant,5}  canceled {line.Canceled,5}  running {line.Running,5}  compliance {line.Compliance:0.0}%");
            }
        }

        public override void WriteHtml(StringBuilder html)
        {
            html.Append("<h2>SLA compliance</h2>").Append(Charts.Bars(Sla.Select(line => (line.Clock + " %", line.Compliance)).ToList(), "#c53834"));
            html.Append("<table><tr><th>Clock</th><th>Succeeded</th><th>Noncompliant</th><th>Canceled</th><th>Running</th></tr>");
            foreach (var line in Sla)
            {
                html.Append("<tr><td>").Append(WebUtility.HtmlEncode(line.Clock)).Append("</td><td>").Append(line.Succeeded).Append("</td><td>").Append(line.Noncompliant).Append("</td><td>").Append(line.Canceled).Append("</td><td>").Append(line.Running).Append("</td></tr>");
            }

            html.Append("</table>");
        }
    }
}
