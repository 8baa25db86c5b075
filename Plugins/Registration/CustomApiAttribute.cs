using System;

namespace LeadAlign.Plugins.Registration
{
    /// <summary>
    /// Declares the plug-in class it decorates as the main operation of a Custom API. It is the only declaration of the API:
    /// <c>leadalign customapis</c> writes Solution/customapis/{UniqueName}/ from it and from the <see cref="Request"/> and
    /// <see cref="Response"/> classes (their <see cref="CustomApiParameterAttribute"/> and
    /// <see cref="CustomApiResponsePropertyAttribute"/> properties), the in-memory Dataverse runs what those files say, and a test
    /// fails when the two drift apart. The plug-in reads its inputs and writes its outputs through the same two classes, so each
    /// parameter's name is written once. The plug-in type's id in the files is derived from the class's full name.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class CustomApiAttribute : Attribute
    {
        /// <param name="uniqueName">The message name callers execute, with the publisher prefix (la_): never change it once shipped.</param>
        public CustomApiAttribute(string uniqueName)
        {
            UniqueName = uniqueName;
        }

        public string UniqueName { get; }

        /// <summary>The name makers see (required).</summary>
        public string? DisplayName { get; set; }

        /// <summary>What the API does, for makers and flows (required).</summary>
        public string? Description { get; set; }

        public CustomApiBindingType BindingType { get; set; } = CustomApiBindingType.Global;

        /// <summary>The table a bound API is bound to; none for a global API.</summary>
        public string? BoundEntity { get; set; }

        /// <summary>A function (GET in the Web API) rather than an action.</summary>
        public bool IsFunction { get; set; }

        /// <summary>Hidden from the Web API's $metadata and from flows.</summary>
        public bool IsPrivate { get; set; }

        /// <summary>Which steps other solutions may register on the API.</summary>
        public CustomApiProcessingStepType AllowedProcessingStepType { get; set; } = CustomApiProcessingStepType.None;

        /// <summary>The privilege a caller needs to execute the API; none when every user may.</summary>
        public string? ExecutePrivilegeName { get; set; }

        /// <summary>Offered as a step of classic workflows.</summary>
        public bool WorkflowSdkStepEnabled { get; set; }

        /// <summary>The class whose <see cref="CustomApiParameterAttribute"/> properties are the request parameters (and whose <see cref="CustomApiTargetAttribute"/> property receives the bound row).</summary>
        public Type? Request { get; set; }

        /// <summary>The class whose <see cref="CustomApiResponsePropertyAttribute"/> properties are the response properties.</summary>
        public Type? Response { get; set; }
    }
}
