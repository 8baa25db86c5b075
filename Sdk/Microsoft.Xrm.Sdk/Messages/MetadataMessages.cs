// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0: see ../DataCollection.cs.
using System;
using Microsoft.Xrm.Sdk.Metadata;

namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>
    /// Reads a table's metadata, by LogicalName or MetadataId; EntityFilters says which parts (Entity, Attributes ...).
    /// As in the official SDK the constructor sets EntityFilters to 0 (not Default), MetadataId to Guid.Empty and RetrieveAsIfPublished to false.
    /// </summary>
    public sealed class RetrieveEntityRequest : OrganizationRequest
    {
        public RetrieveEntityRequest()
        {
            RequestName = "RetrieveEntity";
            EntityFilters = 0;
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

    public sealed class RetrieveAttributeResponse : OrganizationResponse
    {
        public RetrieveAttributeResponse()
        {
            ResponseName = "RetrieveAttribute";
        }

        public AttributeMetadata AttributeMetadata => Results.Contains("AttributeMetadata") ? (AttributeMetadata)Results["AttributeMetadata"] : default;
    }

    /// <summary>Reads the metadata of every table. As in the official SDK the constructor sets EntityFilters to 0 and RetrieveAsIfPublished to false.</summary>
    public sealed class RetrieveAllEntitiesRequest : OrganizationRequest
    {
        public RetrieveAllEntitiesRequest()
        {
            RequestName = "RetrieveAllEntities";
            EntityFilters = 0;
            RetrieveAsIfPublished = false;
        }

        public EntityFilters EntityFilters
        {
            get => Parameters.Contains("EntityFilters") ? (EntityFilters)Parameters["EntityFilters"] : default;
            set => Parameters["EntityFilters"] = value;
        }

        public bool RetrieveAsIfPublished
        {
            get => Parameters.Contains("RetrieveAsIfPublished") && (bool)Parameters["RetrieveAsIfPublished"];
            set => Parameters["RetrieveAsIfPublished"] = value;
        }
    }

    public sealed class RetrieveAllEntitiesResponse : OrganizationResponse
    {
        public RetrieveAllEntitiesResponse()
        {
            ResponseName = "RetrieveAllEntities";
        }

        public EntityMetadata[] EntityMetadata => Results.Contains("EntityMetadata") ? (EntityMetadata[])Results["EntityMetadata"] : default;

        public string Timestamp => Results.Contains("Timestamp") ? (string)Results["Timestamp"] : default;
    }
}
