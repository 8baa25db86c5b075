using System.Globalization;
using System.IO;
using System.Text.Json;

namespace LeadAlign.Cli.Simulation.Report
{
    /// <summary>
    /// The alignment report as one CSV in long form, from the same Report JSON as the text and the page: one line per figure,
    /// <c>section,row,measure,value</c> (every array of the report is a section; its row is named by the row's name, stage,
    /// week, month, campaign, rep, band or decile; nested rows join their names with " / "), so a spreadsheet can pivot it.
    /// </summary>
    internal static class AlignmentReportCsv
    {
        private static readonly string[] RowNames = { "stage", "name", "weekStart", "month", "rep", "campaign", "kpi", "reason", "band", "decile" };

        public static void Write(JsonElement report, TextWriter output)
        {
            output.WriteLine("section,row,measure,value");
            foreach (var property in report.EnumerateObject())
            {
                Write(property.Name, string.Empty, property.Value, output);
            }
        }

        private static void Write(string section, string row, JsonElement value, TextWriter output)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Array:
                    foreach (var item in value.EnumerateArray())
                    {
                        var name = RowName(item);
                        Write(section, row.Length == 0 ? name : row + " / " + name, item, output);
                    }

                    break;
                case JsonValueKind.Object:
                    foreach (var property in value.EnumerateObject())
                    {
                        if (property.Value.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
                        {
                            Write(section + "." + property.Name, row, property.Value, output);
                        }
                        else if (row.Length == 0 || System.Array.IndexOf(RowNames, property.Name) < 0)
                        {
                            Line(section, row, property.Name, property.Value, output);
                        }
                    }

                    break;
                default:
                    Line(section, row, section, value, output);
                    break;
            }
        }

        private static string RowName(JsonElement item)
        {
            var parts = new System.Collections.Generic.List<string>();
            foreach (var name in RowNames)
            {
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    parts.Add(value.GetString()!);
                }
                else if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var number) && number.ValueKind == JsonValueKind.Number)
                {
                    parts.Add(name + " " + number.GetDecimal().ToString(CultureInfo.InvariantCulture));
                }
            }

            return string.Join(" / ", parts);
        }

        private static void Line(string section, string row, string measure, JsonElement value, TextWriter output)
        {
            var text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!,
                JsonValueKind.Number => value.GetDecimal().ToString(CultureInfo.InvariantCulture),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => string.Empty,
            };
            output.WriteLine($"{Field(section)},{Field(row)},{Field(measure)},{Field(text)}");
        }

        /// <summary>RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.</summary>
        private static string Field(string value) =>
            value.IndexOfAny(new[] { ',', '"', '\n', '\r' }) < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
    }
}
