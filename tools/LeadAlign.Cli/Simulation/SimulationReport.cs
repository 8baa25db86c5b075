using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using LeadAlign.Cli.Simulation.Report;
using LeadAlign.Dataverse;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Cli.Simulation
{
    /// <summary>
    /// The figures of a simulated month, read back from the in-memory Dataverse, as text and as an HTML page with inline SVG
    /// charts: one <see cref="ReportSection"/> per part, in the order below.
    /// </summary>
    public sealed class SimulationReport
    {
        private readonly int _leads;
        private readonly IReadOnlyList<ReportSection> _sections;

        public SimulationReport(InMemoryDataverse org, IReadOnlyList<Simulator.Rep> reps)
        {
            var data = new ReportData(org, reps);
            _leads = data.Leads.Count;
            _sections = new ReportSection[]
            {
                new FunnelSection(data),
                new WeeklyMqlSection(data),
                new RepTimesSection(data),
                new SlaComplianceSection(data),
                new RejectionsSection(data, "Campaign", feedback => feedback.GetAttributeValue<EntityReference>(LeadFeedbackTable.CampaignId) is { } campaign ? data.CampaignNames.GetValueOrDefault(campaign.Id, "?") : "(no campaign)"),
                new RejectionsSection(data, "Source", ReportData.Source),
                new SqlRateByBandSection(data),
                new StageVelocitySection(data),
            };
        }

        public void WriteText(TextWriter output)
        {
            foreach (var section in _sections)
            {
                section.WriteText(output);
            }
        }

        public string Html()
        {
            var html = new StringBuilder();
            html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>LeadAlign: a simulated month</title>")
                .Append("<style>body{font-family:Segoe UI,Arial,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}h2{margin-top:1.5em}</style></head><body>")
                .Append("<h1>LeadAlign: a simulated month</h1>")
                .Append("<p>").Append(_leads.ToString(CultureInfo.InvariantCulture)).Append(" leads through the real plug-ins, workflows and activities, in the in-memory Dataverse.</p>");
            foreach (var section in _sections)
            {
                section.WriteHtml(html);
            }

            return html.Append("</body></html>").ToString();
        }
    }
}
