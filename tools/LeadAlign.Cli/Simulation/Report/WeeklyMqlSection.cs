using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Cli.Simulation.Report
{
    /// <summary>New MQLs per week (Inquiry to MQL) against the agreement's weekly commitment.</summary>
    internal sealed class WeeklyMqlSection : ReportSection
    {
        public WeeklyMqlSection(ReportData data)
        {
            Commitment = data.Agreement.GetAttributeValue<int?>(AgreementTable.MqlsPerWeek) ?? 0;
            WeeklyMqls = data.History.Where(row => row.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.ToStage)?.Value == (int)LeadStage.Mql && row.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.FromStage)?.Value == (int)LeadStage.Inquiry)
                .GroupBy(row => (int)((row.GetAttributeValue<DateTime>(LeadStageChangeTable.ChangedOn) - data.Start).TotalDays / 7) + 1)
                .OrderBy(group => group.Key)
                .Select(group => ("Week " + group.Key.ToString(CultureInfo.InvariantCulture), group.Count()))
                .ToList();
        }

        public int Commitment { get; }

        public List<(string Week, int Mqls)> WeeklyMqls { get; }

        public override void WriteText(TextWriter output)
        {
            output.WriteLine($"Weekly MQLs (commitment {Commitment})");
            foreach (var (week, mqls) in WeeklyMqls)
            {
                output.WriteLine($"  {week,-8} {mqls,5} {(mqls >= Commitment ? "met" : "missed")}");
            }
        }

        public override void WriteHtml(StringBuilder html) =>
            html.Append("<h2>Weekly MQLs against marketing's commitment (").Append(Commitment).Append(")</h2>")
                .Append(Charts.Bars(WeeklyMqls.Select(item => (item.Week, (double)item.Mqls)).ToList(), "#95bd42", Commitment));
    }
}
