// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
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
