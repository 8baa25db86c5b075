using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using LeadAlign.Lifecycle;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Cli.Simulation.Report
{
    /// <summary>Per stage, how many moves left it and the median minutes a lead spent in it before moving on.</summary>
    internal sealed class StageVelocitySection : ReportSection
    {
        public StageVelocitySection(ReportData data)
        {
            var order = LeadStages.All.Select(stage => (int)stage.Stage).ToList();
            Velocity = data.History.Where(row => row.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.FromStage) != null && row.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.ToStage)?.Value != row.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.FromStage)?.Value)
                .GroupBy(row => row.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.FromStage).Value)
                .OrderBy(group => order.IndexOf(group.Key))
                .Select(group => (ReportData.StageName(group.Key), group.Count(), ReportData.Percentile(group.Select(row => row.GetAttributeValue<int?>(LeadStageChangeTable.MinutesInPreviousStage)), 0.5)))
                .ToList();
        }

        public List<(string Stage, int Moves, int? MedianMinutes)> Velocity { get; }

        public override void WriteText(TextWriter output)
        {
            output.WriteLine("Stage velocity (median minutes in the stage before moving on)");
            foreach (var (stage, moves, median) in Velocity)
            {
                output.WriteLine($"  {stage,-10} {moves,6} moves  {ReportData.Minutes(median),8}");
            }
        }

        public override void WriteHtml(StringBuilder html) =>
            html.Append("<h2>Stage velocity (median minutes before moving on)</h2>").Append(Charts.Bars(Velocity.Select(item => (item.Stage, (double)(item.MedianMinutes ?? 0))).ToList(), "#31abcc"));
    }
}
