// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
using System;

namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>Reads one column's metadata, by EntityLogicalName and LogicalName or by MetadataId.</summary>
    public sealed class RetrieveAttributeRequest : OrganizationRequest
    {
        public RetrieveAttributeRequest()
        {
            RequestName = "RetrieveAttribute";
            MetadataId = Guid.Empty;
            RetrieveAsIfPublished = false;
        }

        public int ColumnNumber
        {
            get => Parameters.Contains("ColumnNumber") ? (int)Parameters["ColumnNumber"] : default;
            set => Parameters["ColumnNumber"] = value;
        }

        public string EntityLogicalName
        {
            get => Parameters.Contains("EntityLogicalName") ? (string)Parameters["EntityLogicalName"] : default;
            set => Parameters["EntityLogicalName"] = value;
        }

        public string LogicalName
        {
            get => Parameters.Contains("LogicalName") ? (string)Parameters["LogicalName"] : default;
            set => Parameters["LogicalName"] = value;
        }

        public Guid MetadataId
        {
            get => Parameters.Contains("MetadataId") ? (Guid)Parameters["MetadataId"] : default;
            set => Parameters["MetadataId"] = value;
        }

        public bool RetrieveAsIfPublished
        {
            get => Parameters.Contains("RetrieveAsIfPublished") && (bool)Parameters["RetrieveAsIfPublished"];
            set => Parameters["RetrieveAsIfPublished"] = value;
        }
    }
}
