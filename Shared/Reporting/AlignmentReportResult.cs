namespace LeadAlign.Reporting
{
    /// <summary>The report as JSON, whether it is whole, and the notice for the user when it is not.</summary>
    internal sealed class AlignmentReportResult
    {
        public AlignmentReportResult(string report, bool complete, string notice)
        {
            Report = report;
            Complete = complete;
            Notice = notice;
        }

        public string Report { get; }

        public bool Complete { get; }

        public string Notice { get; }
    }
}
