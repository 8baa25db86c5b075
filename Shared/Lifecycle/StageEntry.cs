namespace LeadAlign.Lifecycle
{
    /// <summary>What entering a stage does besides stamping it; each is carried out in one place, LeadLifecyclePlugin.</summary>
    internal enum StageEntry
    {
        /// <summary>Only the stamp.</summary>
        None,

        /// <summary>Route the lead round-robin to a rep of the sales team, with its SLA deadlines.</summary>
        HandOff,

        /// <summary>Count the minutes since the handoff (the time to accept).</summary>
        CountMinutesToAccept,

        /// <summary>Give the lead back to marketing: clear the handoff, reset engagement if the model says so.</summary>
        RecycleToMarketing,
    }
}
