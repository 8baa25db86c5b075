using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;

namespace LeadAlign.Cli.Simulation.Report
{
    /// <summary>The report's HTML building blocks: horizontal bar charts as inline SVG, and a reason-by-other cross table.</summary>
    internal static class Charts
    {
        /// <summary>A horizontal bar chart as inline SVG; an optional target line.</summary>
        public static string Bars(List<(string Label, double Value)> items, string colour, double? target = null)
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

        /// <summary>Reasons down, the other column (campaign or source) across, counts in the cells.</summary>
        public static string CrossTable(string column, IReadOnlyList<(string Reason, string Other, int Count)> rows)
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
    }
}
