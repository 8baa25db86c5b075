using System;

namespace LeadAlign.Cli.Simulation
{
    /// <summary>
    /// A synthetic lead's hidden nature: one latent propensity (a standard normal draw) that its fit data, its engagement over
    /// time and its outcome all lean on, plus the facts a rep only learns by looking or by talking to the person (a competitor,
    /// contact data that does not work, no budget, not ready to buy). The simulator draws each from the propensity with noise,
    /// so no single column gives the lead away, as in a real market.
    /// </summary>
    public sealed class LeadPropensity
    {
        private LeadPropensity(double value, Random random)
        {
            Value = value;
            Competitor = random.NextDouble() < 0.02;
            BadContactData = random.NextDouble() < Logistic(-3.0 - (0.6 * value));
            HasBudget = random.NextDouble() < Logistic(0.4 + (0.9 * value));
            ReadyToBuy = random.NextDouble() < Logistic(0.6 + (0.5 * value));
        }

        /// <summary>The latent propensity to buy: mean 0, standard deviation 1.</summary>
        public double Value { get; }

        /// <summary>Good, medium or poor (0, 1, 2): the coarse band of the propensity the simulator's e-mail and win odds use.</summary>
        public int Tier => Value > 0.6 ? 0 : Value > -0.5 ? 1 : 2;

        /// <summary>The person works for a competitor (sales rejects: Competitor).</summary>
        public bool Competitor { get; }

        /// <summary>The phone number given does not work (sales rejects: Bad contact data).</summary>
        public bool BadContactData { get; }

        /// <summary>The company has money for this (without it, a contacted lead that does not qualify is rejected: No budget).</summary>
        public bool HasBudget { get; }

        /// <summary>The person means to buy this year (without it: Not ready yet, and often back to nurture).</summary>
        public bool ReadyToBuy { get; }

        /// <summary>The e-mail address came in before (sales rejects: Duplicate).</summary>
        public bool Duplicate { get; set; }

        /// <summary>
        /// How many marketing interactions a day the lead makes on average: about one in six days at the median, rising with the
        /// propensity and with an interest of the person's own (<paramref name="interest"/>, a standard normal draw), so some
        /// leads that are no fit engage a lot and reach MQL anyway.
        /// </summary>
        public double InteractionsPerDay(double interest) => Math.Exp(-2.0 + (0.6 * Value) + (1.1 * interest));

        /// <summary>Draws a lead's propensity and hidden facts.</summary>
        public static LeadPropensity Draw(Random random) => new(Normal(random), random);

        /// <summary>A standard normal draw (Box–Muller).</summary>
        public static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

        /// <summary>
        /// A company's annual revenue from its employees: about 90,000 each, times a log-normal spread (<paramref name="spread"/>, a
        /// standard normal draw). Worked in double, so the largest companies a heavy-tailed size draw gives do not overflow.
        /// </summary>
        public static decimal Revenue(int employees, double spread) => Math.Round((decimal)(employees * 90_000.0 * Math.Exp(0.5 * spread)), 0);

        /// <summary>The probability of the given log-odds.</summary>
        public static double Logistic(double logit) => 1 / (1 + Math.Exp(-logit));
    }
}
