using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Scoring.Fitting;

namespace LeadAlign.Tests.Scoring.Fitting
{
    /// <summary>Training and held-out leads for the fitting tests: only what a test states matters.</summary>
    internal static class FitData
    {
        public static readonly DateTime Monday = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

        /// <summary><paramref name="count"/> leads that reached SQL (or not), each with every rule of <paramref name="fired"/> at one unit.</summary>
        public static IEnumerable<FitCase> Leads(int count, bool reached, params Guid[] fired)
        {
            return Enumerable.Range(0, count).Select(_ => new FitCase(fired.ToDictionary(key => key, _ => 1.0), reached, reached, Monday));
        }

        public static FitCase Lead(bool reached, bool accepted, int day, params KeyValuePair<Guid, double>[] units)
        {
            return new FitCase(units.ToDictionary(pair => pair.Key, pair => pair.Value), reached, accepted, Monday.AddDays(day));
        }

        public static KeyValuePair<Guid, double> Units(Guid rule, double units) => new(rule, units);

        public static double Sigmoid(double eta) => 1 / (1 + Math.Exp(-eta));

        /// <summary>
        /// <paramref name="count"/> rows from <c>new Random(seed)</c>: x1 binary (30%), x2 binary (50%), x3 uniform on 0..3, and an
        /// outcome drawn with probability sigmoid(b0 + b1 x1 + b2 x2 + b3 x3).
        /// </summary>
        public static void Synthetic(int seed, int count, double[] truth, out List<double[]> x, out List<bool> y)
        {
            var random = new Random(seed);
            x = new List<double[]>(count);
            y = new List<bool>(count);
            for (var i = 0; i < count; i++)
            {
                var row = new[] { random.NextDouble() < 0.3 ? 1.0 : 0.0, random.NextDouble() < 0.5 ? 1.0 : 0.0, random.NextDouble() * 3 };
                var eta = truth[0] + truth[1] * row[0] + truth[2] * row[1] + truth[3] * row[2];
                x.Add(row);
                y.Add(random.NextDouble() < Sigmoid(eta));
            }
        }
    }
}
