// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A message: a name and named parameters. Typed requests are views over <see cref="Parameters"/>.</summary>
    public class OrganizationRequest : IExtensibleDataObject
    {
        private ParameterCollection _parameters;

        public OrganizationRequest()
        {
        }

        public OrganizationRequest(string requestName)
        {
            RequestName = requestName;
        }

        public string RequestName { get; set; }

        public Guid? RequestId { get; set; }

        public ParameterCollection Parameters
        {
            get => _parameters ??= new ParameterCollection();
            set => _parameters = value;
        }

        public object this[string parameterName]
        {
            get => Parameters[parameterName];
            set => Parameters[parameterName] = value;
        }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
