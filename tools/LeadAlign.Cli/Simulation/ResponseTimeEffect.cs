using System;

namespace LeadAlign.Cli.Simulation
{
    /// <summary>
    /// How the time from handoff to a rep's first dial changes the odds in the simulated world, from the two best-known studies
    /// of speed to lead. Both give odds ratios against a call within five minutes; between the published points the ratio is
    /// interpolated linearly in log-odds over log-minutes, and it stays at the last point after it.
    /// <list type="bullet">
    /// <item>Contact on the first dial: the MIT / InsideSales.com Lead Response Management Study (J. Oldroyd, 2007; 15,000+ web
    /// leads, 100,000+ call attempts at six companies): "the odds of contacting a lead if called in 5 minutes versus 30 minutes
    /// drop 100 times" (leadresponsemanagement.org/lrm_study).</item>
    /// <item>Qualification: the same study, "the odds of qualifying a lead if called in 5 minutes versus 30 minutes drop 21
    /// times"; then J. Oldroyd, K. McElheran and D. Elkington, "The Short Life of Online Sales Leads", Harvard Business Review,
    /// March 2011 (1.25 million leads at 42 firms): firms that tried to contact a lead within an hour were nearly 7 times as
    /// likely to qualify it as those that tried an hour later, and more than 60 times as likely as those that waited 24 hours
    /// or longer. The first hour's leads average about a tenth of the five-minute odds on this curve, so the second hour sits
    /// at 1/70 and a day at 1/600.</item>
    /// </list>
    /// </summary>
    public static class ResponseTimeEffect
    {
        /// <summary>Minutes after handoff, and the odds of contact on the first dial against a dial within 5 minutes (LRM 2007).</summary>
        private static readonly double[,] Contact = { { 5, 1.0 }, { 30, 1.0 / 100 } };

        /// <summary>Minutes after handoff, and the odds of qualifying against a first dial within 5 minutes (LRM 2007; HBR 2011).</summary>
        private static readonly double[,] Qualify = { { 5, 1.0 }, { 30, 1.0 / 21 }, { 60, 1.0 / 30 }, { 120, 1.0 / 70 }, { 1440, 1.0 / 600 } };

        /// <summary>The natural log of the odds ratio of contact on a first dial <paramref name="minutes"/> after handoff (0 within 5 minutes).</summary>
        public static double ContactLogOdds(double minutes) => Interpolate(Contact, minutes);

        /// <summary>The natural log of the odds ratio of qualification when the first dial is <paramref name="minutes"/> after handoff.</summary>
        public static double QualifyLogOdds(double minutes) => Interpolate(Qualify, minutes);

        private static double Interpolate(double[,] points, double minutes)
        {
            var last = points.GetLength(0) - 1;
            if (minutes <= points[0, 0])
            {
                return Math.Log(points[0, 1]);
            }

            for (var index = 1; index <= last; index++)
            {
                if (minutes <= points[index, 0])
                {
                    var share = (Math.Log(minutes) - Math.Log(points[index - 1, 0])) / (Math.Log(points[index, 0]) - Math.Log(points[index - 1, 0]));
                    return Math.Log(points[index - 1, 1]) + (share * (Math.Log(points[index, 1]) - Math.Log(points[index - 1, 1])));
                }
            }

            return Math.Log(points[last, 1]);
        }
    }
}
