using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadAlign.Reporting
{
    /// <summary>
    /// The report's arithmetic: percents of 0 to 100 with one decimal (rounded half away from zero), null where there is nothing
    /// to divide by; percentiles by linear interpolation between the closest ranks (as Excel's PERCENTILE.INC), with one decimal.
    /// </summary>
    internal static class ReportMath
    {
        public static decimal? Percent(int part, int whole) => whole == 0 ? (decimal?)null : Round((decimal)part * 100m / whole);

        public static decimal? Percent(decimal part, decimal whole) => whole == 0m ? (decimal?)null : Round(part * 100m / whole);

        public static decimal? Percentile(IEnumerable<decimal> values, decimal fraction)
        {
            var sorted = values.OrderBy(value => value).ToList();
            if (sorted.Count == 0)
            {
                return null;
            }

            var rank = fraction * (sorted.Count - 1);
            var low = (int)Math.Floor(rank);
            var high = (int)Math.Ceiling(rank);
            return Round(sorted[low] + ((sorted[high] - sorted[low]) * (rank - low)));
        }

        public static decimal Round(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
    }
}
