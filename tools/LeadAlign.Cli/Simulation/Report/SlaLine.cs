namespace LeadAlign.Cli.Simulation.Report
{
    /// <summary>One clock's line of <see cref="SlaComplianceSection"/>: how its instances ended.</summary>
    internal sealed record SlaLine(string Clock, int Succeeded, int Noncompliant, int Canceled, int Running)
    {
        /// <summary>Succeeded as a share of the clocks that ended on time or late.</summary>
        public double Compliance => Succeeded + Noncompliant == 0 ? 0 : 100.0 * Succeeded / (Succeeded + Noncompliant);
    }
}
