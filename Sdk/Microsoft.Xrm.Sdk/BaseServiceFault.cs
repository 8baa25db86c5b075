// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    public abstract class BaseServiceFault : IExtensibleDataObject
    {
        private ErrorDetailCollection _errorDetails;

        protected BaseServiceFault()
        {
        }

        public int ErrorCode { get; set; }

        public ErrorDetailCollection ErrorDetails
        {
            get => _errorDetails ??= new ErrorDetailCollection();
            set => _errorDetails = value;
        }

        public string Message { get; set; }

        public DateTime Timestamp { get; set; }

        public string HelpLink { get; set; }

        public Guid ActivityId { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
