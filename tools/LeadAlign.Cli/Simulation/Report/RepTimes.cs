namespace LeadAlign.Cli.Simulation.Report
{
    /// <summary>One rep's line of <see cref="RepTimesSection"/>.</summary>
    internal sealed record RepTimes(string Rep, int Leads, int? AcceptMedian, int? AcceptP90, int? ContactMedian, int? ContactP90);
}
