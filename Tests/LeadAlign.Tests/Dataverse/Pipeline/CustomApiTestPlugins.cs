using System;
using LeadAlign.Plugins;
using LeadAlign.Plugins.Registration;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Tests.Dataverse.Pipeline
{
    // Custom APIs that exist to exercise the declaration, the generator and the in-memory pipeline. The first is declared with
    // every setting a declaration can have and answers through its request and response classes; the others are declarations
    // the generator must refuse, each for one reason.

    /// <summary>Echoes its inputs: the text with the row it was called on, the count (-1 when left out) and the owner.</summary>
    [CustomApi("la_Echo", DisplayName = "Echo", Description = "Echoes its inputs.",
        BindingType = CustomApiBindingType.Entity, BoundEntity = "lead", IsFunction = true, IsPrivate = true,
        AllowedProcessingStepType = CustomApiProcessingStepType.SyncAndAsync, ExecutePrivilegeName = "prvReadLead",
        Request = typeof(EchoRequest), Response = typeof(EchoResponse))]
    internal sealed class EchoCustomApiPlugin : PluginBase
    {
        public EchoCustomApiPlugin(string unsecure, string secure)
            : base(typeof(EchoCustomApiPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var request = context.GetCustomApiRequest<EchoRequest>();
            context.SetCustomApiResponse(new EchoResponse { Text = request.Text + " on " + request.Target?.Id, Count = request.Count ?? -1, Owner = request.Owner });
        }
    }

    internal sealed class EchoRequest
    {
        [CustomApiTarget]
        public EntityReference? Target { get; set; }

        [CustomApiParameter("Text", CustomApiParameterType.String, Description = "The text to echo.")]
        public string? Text { get; set; }

        [CustomApiParameter("Count", CustomApiParameterType.Integer, IsOptional = true, Description = "A number to echo.")]
        public int? Count { get; set; }

        [CustomApiParameter("Owner", CustomApiParameterType.EntityReference, IsOptional = true, LogicalEntityName = "systemuser", DisplayName = "Owner to echo", Description = "A user to echo.")]
        public EntityReference? Owner { get; set; }

        /// <summary>Not declared: never filled from the inputs.</summary>
        public string? Undeclared { get; set; }
    }

    internal sealed class EchoResponse
    {
        [CustomApiResponseProperty("Text", CustomApiParameterType.String, Description = "The text, with the row's id.")]
        public string? Text { get; set; }

        [CustomApiResponseProperty("Count", CustomApiParameterType.Integer, Description = "The number, or -1.")]
        public int Count { get; set; }

        [CustomApiResponseProperty("Owner", CustomApiParameterType.EntityReference, LogicalEntityName = "systemuser", Description = "The user, or null.")]
        public EntityReference? Owner { get; set; }
    }

    [CustomApi("la_BoundToNothing", DisplayName = "Bound to nothing", Description = "Bound, but names no table.", BindingType = CustomApiBindingType.Entity)]
    internal sealed class BoundWithoutTableCustomApiPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
        }
    }

    [CustomApi("Unprefixed", DisplayName = "Unprefixed", Description = "Has no publisher prefix.")]
    internal sealed class UnprefixedCustomApiPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
        }
    }

    [CustomApi("la_Undescribed", DisplayName = "Undescribed")]
    internal sealed class UndescribedCustomApiPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
        }
    }

    [CustomApi("la_OptionalCount", DisplayName = "Optional count", Description = "An optional integer on a property that cannot be null.", Request = typeof(NotNullableOptionalRequest))]
    internal sealed class NotNullableOptionalCustomApiPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
        }
    }

    internal sealed class NotNullableOptionalRequest
    {
        [CustomApiParameter("Count", CustomApiParameterType.Integer, IsOptional = true, Description = "A number.")]
        public int Count { get; set; }
    }

    [CustomApi("la_WrongType", DisplayName = "Wrong type", Description = "A string parameter on an integer property.", Request = typeof(WrongTypeRequest))]
    internal sealed class WrongTypeCustomApiPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
        }
    }

    internal sealed class WrongTypeRequest
    {
        [CustomApiParameter("Count", CustomApiParameterType.String, Description = "A number, declared as text.")]
        public int? Count { get; set; }
    }

    [CustomApi("la_GlobalTarget", DisplayName = "Global target", Description = "A global API whose request asks for a Target.", Request = typeof(GlobalTargetRequest))]
    internal sealed class GlobalTargetCustomApiPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
        }
    }

    internal sealed class GlobalTargetRequest
    {
        [CustomApiTarget]
        public EntityReference? Target { get; set; }
    }
}
