namespace LeadAlign.Cli.Simulation
{
    /// <summary>
    /// The B2B conversion ranges the default simulated month is tuned to land in, step by step of the demand waterfall. They are
    /// the SiriusDecisions (now Forrester) Demand Waterfall's typical enterprise B2B benchmarks as published secondhand (e.g.
    /// mv3marketing.com/glossary/demand-waterfall: "10–25% Inquiry-to-MQL, 40–60% MQL-to-SAL, 50–70% SAL-to-SQL, 20–30%
    /// SQL-to-Close"); Forrester's own report is behind its paywall and was not read. Independent surveys agree on the last
    /// step (b2blead.io: opportunity to closed-won 20–30 % for mid-market B2B).
    /// </summary>
    public static class FunnelPriors
    {
        public static readonly (double Low, double High) InquiryToMql = (0.10, 0.25);

        public static readonly (double Low, double High) MqlToSal = (0.40, 0.60);

        public static readonly (double Low, double High) SalToSql = (0.50, 0.70);

        public static readonly (double Low, double High) SqlToWon = (0.20, 0.30);
    }
}
