using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Cli.Simulation.Report
{
    /// <summary>Sales's rejections counted by reason and one other column of the feedback (the campaign, or the lead source).</summary>
    internal sealed class RejectionsSection : ReportSection
    {
        private readonly string _column;

        public RejectionsSection(ReportData data, string column, Func<Entity, string> other)
        {
            _column = column;
            Rejections = data.Feedback.GroupBy(row => (ReportData.Reason(row), other(row)))
                .OrderBy(group => group.Key.Item1).ThenBy(group => group.Key.Item2).Select(group => (group.Key.Item1, group.Key.Item2, group.Count())).ToList();
        }

        public List<(string Reason, string Other, int Count)> Rejections { get; }

        public override void WriteText(TextWriter output)
        {
            output.WriteLine($"Rejections by reason and {_column.ToLowerInvariant()}");
            foreach (var (reason, other, count) in Rejections)
            {
                output.WriteLine($"  {reason,-22} {other,-20} {count,5}");
            }
        }

        public override void WriteHtml(StringBuilder html) =>
            html.Append("<h2>Rejections by reason and ").Append(_column.ToLowerInvariant()).Append("</h2>").Append(Charts.CrossTable(_column, Rejections));
    }
}
