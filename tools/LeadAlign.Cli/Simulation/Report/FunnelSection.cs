using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using LeadAlign.Schema;

namespace LeadAlign.Cli.Simulation.Report
{
    /// <summary>How many leads reached each stage, Inquiry to Converted, with the rate from the stage before; and how many were rejected or recycled.</summary>
    internal sealed class FunnelSection : ReportSection
    {
        public FunnelSection(ReportData data)
        {
            Funnel = new List<(string, int)>
            {
                (ReportData.StageName((int)LeadStage.Inquiry), data.Leads.Count),
                (ReportData.StageName((int)LeadStage.Mql), data.Reached(LeadStage.Mql)),
                (ReportData.StageName((int)LeadStage.Sal), data.Reached(LeadStage.Sal)),
                (ReportData.StageName((int)LeadStage.Sql), data.Reached(LeadStage.Sql)),
                (ReportData.StageName((int)LeadStage.Converted), data.Reached(LeadStage.Converted)),
            };
            Rejected = data.Reached(LeadStage.Rejected);
            Nurtured = data.Reached(LeadStage.Nurture);
        }

        public List<(string Stage, int Leads)> Funnel { get; }

        public int Rejected { get; }

        public int Nurtured { get; }

        public override void WriteText(TextWriter output)
        {
            output.WriteLine("Funnel");
            for (var index = 0; index < Funnel.Count; index++)
            {
                var rate = index == 0 || Funnel[index - 1].Leads == 0 ? string.Empty : $"  ({100.0 * Funnel[index].Leads / Funnel[index - 1].Leads:0.0}% of {Funnel[index - 1].Stage})";
                output.WriteLine($"  {Funnel[index].Stage,-10} {Funnel[index].Leads,7}{rate}");
            }

            output.WriteLine($"  Rejected   {Rejected,7}   Nurture {Nurtured}");
        }

        public override void WriteHtml(StringBuilder html) =>
            html.Append("<h2>Funnel</h2>").Append(Charts.Bars(Funnel.Select(item => (item.Stage, (double)item.Leads)).ToList(), "#3776c1"));
    }
}
