namespace LeadAlign.Plugins.Registration
{
    /// <summary>How a step runs, with the platform's values.</summary>
    public enum PluginMode
    {
        Synchronous = 0,

        /// <summary>Queued by the platform and run after the operation commits, by the asynchronous service.</summary>
        Asynchronous = 1,
    }
}
