using Microsoft.Xrm.Sdk;

namespace LeadAlign.Reporting
{
    /// <summary>What closing a week did: its row, whether the row was new, whether a figure changed, how many managers were notified, and the summary they read.</summary>
    internal sealed class AlignmentWeekClosed
    {
        public AlignmentWeekClosed(EntityReference week, bool created, bool changed, int notified, string summary)
        {
            Week = week;
            Created = created;
            Changed = changed;
            Notified = notified;
            Summary = summary;
        }

        public EntityReference Week { get; }

        public bool Created { get; }

        public bool Changed { get; }

        public int Notified { get; }

        public string Summary { get; }
    }
}
