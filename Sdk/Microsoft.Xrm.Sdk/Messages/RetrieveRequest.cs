// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Typed messages are views over Parameters and Results.
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>The Retrieve message. Parameters use the platform's names, as the official SDK does.</summary>
    public sealed class RetrieveRequest : OrganizationRequest
    {
        public RetrieveRequest()
        {
            RequestName = "Retrieve";
            Target = null;
            ColumnSet = null;
        }

        public EntityReference Target
        {
            get => Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : default;
            set => Parameters["Target"] = value;
        }

        public ColumnSet ColumnSet
        {
            get => Parameters.Contains("ColumnSet") ? (ColumnSet)Parameters["ColumnSet"] : default;
            set => Parameters["ColumnSet"] = value;
        }

        /// <summary>Related rows to return with the row, by relationship; they come back in the entity's RelatedEntities.</summary>
        public RelationshipQueryCollection RelatedEntitiesQuery
        {
            get => Parameters.Contains("RelatedEntitiesQuery") ? (RelationshipQueryCollection)Parameters["RelatedEntitiesQuery"] : default;
            set => Parameters["RelatedEntitiesQuery"] = value;
        }

        public bool ReturnNotifications
        {
            get => Parameters.Contains("ReturnNotifications") && (bool)Parameters["ReturnNotifications"];
            set => Parameters["ReturnNotifications"] = value;
        }
    }
}
