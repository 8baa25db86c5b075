using System;

namespace LeadAlign.Plugins.Registration
{
    /// <summary>
    /// Registers the plug-in class it decorates for one step of the event pipeline. It is the only declaration of a step:
    /// <c>leadalign steps</c> writes Solution/SdkMessageProcessingSteps/{Id}.xml from it, the in-memory Dataverse runs what
    /// those files say, and a test fails when the two drift apart. Update steps must name their filtering attributes.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class PluginStepAttribute : Attribute
    {
        /// <param name="id">The step's id in the solution (a GUID): it must never change once shipped, or an upgrade duplicates the step.</param>
        /// <param name="message">The SDK message, as Create, Update, Delete, Assign, SetState or a Custom API's unique name.</param>
        /// <param name="primaryEntity">The table's logical name, or "none" for a message without a table.</param>
        public PluginStepAttribute(string id, string message, string primaryEntity, PluginStage stage)
        {
            Id = id;
            Message = message;
            PrimaryEntity = primaryEntity;
            Stage = stage;
        }

        public string Id { get; }

        public string Message { get; }

        public string PrimaryEntity { get; }

        public PluginStage Stage { get; }

        public PluginMode Mode { get; set; } = PluginMode.Synchronous;

        /// <summary>The order among the steps of the same stage: lower runs first.</summary>
        public int Rank { get; set; } = 1;

        /// <summary>Comma-separated columns: an Update step runs only when the Target holds one of them.</summary>
        public string? FilteringAttributes { get; set; }

        /// <summary>Comma-separated columns of the image named "PreImage" (the row before the operation); null for no image.</summary>
        public string? PreImageAttributes { get; set; }

        /// <summary>Comma-separated columns of the image named "PostImage" (the row after the operation); null for no image.</summary>
        public string? PostImageAttributes { get; set; }

        /// <summary>The unsecure configuration handed to the plug-in's constructor.</summary>
        public string? Configuration { get; set; }

        public string? Description { get; set; }

        /// <summary>Delete the system job of an asynchronous step when it succeeds.</summary>
        public bool AsyncAutoDelete { get; set; }
    }
}
