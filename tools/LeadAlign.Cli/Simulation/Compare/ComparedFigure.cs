using System.Globalization;

namespace LeadAlign.Cli.Simulation.Compare
{
    /// <summary>
    /// One key figure of the alignment report in both months of a <c>--compare</c> run: as read from each month's
    /// la_GetAlignmentReport JSON (null when that report has no value for it), with a note such as met or missed.
    /// </summary>
    public sealed record ComparedFigure(string Section, string Figure, string Unit, decimal? Baseline, decimal? Changed, string? BaselineNote = null, string? ChangedNote = null)
    {
        /// <summary>The change's month minus the shipped month; null unless both have a value.</summary>
        public decimal? Difference => Baseline is decimal before && Changed is decimal after ? after - before : null;

        /// <summary>A value as the text report shows it: counts whole, percentages with one decimal, ratios with three, money with two.</summary>
        public string Show(decimal? value, string? note = null)
        {
            var shown = value is not decimal number ? "-" : Unit switch
            {
                "percent" => number.ToString("0.0", CultureInfo.InvariantCulture) + "%",
                "ratio" => number.ToString("0.000", CultureInfo.InvariantCulture),
                "money" => number.ToString("#,0.00", CultureInfo.InvariantCulture),
                "hours" => number.ToString("0.0", CultureInfo.InvariantCulture) + " h",
                "minutes" => number.ToString("0.#", CultureInfo.InvariantCulture) + " min",
                _ => number.ToString("0.##", CultureInfo.InvariantCulture),
            };
            return note == null ? shown : shown + " " + note;
        }

        /// <summary>The difference as the text report shows it, signed; percentages as percentage points.</summary>
        public string ShowDifference()
        {
            if (Difference is not decimal difference)
            {
                return "-";
            }

            var sign = difference > 0 ? "+" : string.Empty;
            return sign + Unit switch
            {
                "percent" => difference.ToString("0.0", CultureInfo.InvariantCulture) + " pt",
                "ratio" => difference.ToString("0.000", CultureInfo.InvariantCulture),
                "money" => difference.ToString("#,0.00", CultureInfo.InvariantCulture),
                "hours" => difference.ToString("0.0", CultureInfo.InvariantCulture) + " h",
                "minutes" => difference.ToString("0.#", CultureInfo.InvariantCulture) + " min",
                _ => difference.ToString("0.##", CultureInfo.InvariantCulture),
            };
        }
    }
}
