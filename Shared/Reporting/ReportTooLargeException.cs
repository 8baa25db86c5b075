using System;

namespace LeadAlign.Reporting
{
    /// <summary>The report cannot be computed whole in one call: its message is the notice for the user.</summary>
    internal sealed class ReportTooLargeException : Exception
    {
        public ReportTooLargeException(string notice)
            : base(notice)
        {
        }
    }
}
