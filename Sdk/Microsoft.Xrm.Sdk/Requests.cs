// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0: see DataCollection.cs.
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

    /// <summary>A message's response: a name and named results. Typed responses are views over <see cref="Results"/>.</summary>
    public class OrganizationResponse : IExtensibleDataObject
    {
        private ParameterCollection _results;

        public string ResponseName { get; set; }

        public ParameterCollection Results
        {
            get => _results ??= new ParameterCollection();
            set => _results = value;
        }

        public object this[string parameterName]
        {
            get => Results[parameterName];
            set => Results[parameterName] = value;
        }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
