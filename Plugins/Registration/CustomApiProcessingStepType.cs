namespace LeadAlign.Plugins.Registration
{
    /// <summary>Which steps other solutions may register on a Custom API, with the platform's values (customapi.allowedcustomprocessingsteptype).</summary>
    public enum CustomApiProcessingStepType
    {
        /// <summary>No steps: only the API's own plug-in runs.</summary>
        None = 0,

        /// <summary>Asynchronous steps only.</summary>
        AsyncOnly = 1,

        /// <summary>Synchronous and asynchronous steps.</summary>
        SyncAndAsync = 2,
    }
}
