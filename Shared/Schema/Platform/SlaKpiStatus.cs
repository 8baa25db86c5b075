namespace LeadAlign.Schema
{
    /// <summary>The status of an SLA KPI instance, with the platform's values.</summary>
    internal enum SlaKpiStatus
    {
        InProgress = 0,
        Noncompliant = 1,
        NearingNoncompliance = 2,
        Paused = 3,
        Succeeded = 4,
        Canceled = 5,
    }
}
