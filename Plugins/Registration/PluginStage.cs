namespace LeadAlign.Plugins.Registration
{
    /// <summary>The pipeline stage a step runs in, with the platform's values.</summary>
    public enum PluginStage
    {
        /// <summary>Before the security checks and outside the database transaction (at depth 1).</summary>
        PreValidation = 10,

        /// <summary>Inside the transaction, before the main operation: change the Target here instead of updating the record.</summary>
        PreOperation = 20,

        /// <summary>Inside the transaction (synchronous) or after it commits (asynchronous), after the main operation.</summary>
        PostOperation = 40,
    }
}
