using System.IO;
using System.Text;

namespace LeadAlign.Cli.Simulation.Report
{
    /// <summary>
    /// One section of the simulated month's report: it computes its figures from <see cref="ReportData"/> when built, and writes
    /// them as text and as HTML. Adding a section is adding one class and one line to <see cref="SimulationReport"/>'s list.
    /// </summary>
    internal abstract class ReportSection
    {
        public abstract void WriteText(TextWriter output);

        public abstract void WriteHtml(StringBuilder html);
    }
}
