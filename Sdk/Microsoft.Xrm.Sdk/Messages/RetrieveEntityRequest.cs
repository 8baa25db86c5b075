// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
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
}
