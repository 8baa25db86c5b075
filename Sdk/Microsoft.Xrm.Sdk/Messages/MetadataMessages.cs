// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0: see ../DataCollection.cs.
using System;
using Microsoft.Xrm.Sdk.Metadata;

namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>Reads a table's metadata; EntityFilters says which parts (Entity, Attributes ...).</summary>
    public sealed class RetrieveEntityRequest : OrganizationRequest
    {
        public RetrieveEntityRequest()
        {
            RequestName = "RetrieveEntity";
            EntityFilters = EntityFilters.Default;
            MetadataId = Guid.Empty;
            RetrieveAsIfPublished = false;
        }

        public EntityFilters EntityFilters
        {
            get => Parameters.Contains("EntityFilters") ? (EntityFilters)Parameters["EntityFilters"] : default;
            set => Parameters["EntityFilters"] = value;
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

    public sealed class RetrieveEntityResponse : OrganizationResponse
    {
        public RetrieveEntityResponse()
        {
            ResponseName = "RetrieveEntity";
        }

        public EntityMetadata EntityMetadata => Results.Contains("EntityMetadata") ? (EntityMetadata)Results["EntityMetadata"] : default;
    }

    /// <summary>Reads one column's metadata.</summary>
    public sealed class RetrieveAttributeRequest : OrganizationRequest
    {
        public RetrieveAttributeRequest()
        {
            RequestName = "RetrieveAttribute";
            MetadataId = Guid.Empty;
            RetrieveAsIfPublished = false;
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

    public sealed class RetrieveAttributeResponse : OrganizationResponse
    {
        public RetrieveAttributeResponse()
        {
            ResponseName = "RetrieveAttribute";
        }

        public AttributeMetadata AttributeMetadata => Results.Contains("AttributeMetadata") ? (AttributeMetadata)Results["AttributeMetadata"] : default;
    }
}
