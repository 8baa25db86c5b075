// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0: see ../DataCollection.cs. Typed messages are views over Parameters and Results.
using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>The Create message. Parameters use the platform's names, as the official SDK does.</summary>
    public sealed class CreateRequest : OrganizationRequest
    {
        public CreateRequest()
        {
            RequestName = "Create";
            Target = null;
        }

        public Entity Target
        {
            get => Parameters.Contains("Target") ? (Entity)Parameters["Target"] : default;
            set => Parameters["Target"] = value;
        }
    }

    public sealed class CreateResponse : OrganizationResponse
    {
        public CreateResponse()
        {
            ResponseName = "Create";
        }

        public Guid id => Results.Contains("id") ? (Guid)Results["id"] : default;
    }

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

    public sealed class RetrieveResponse : OrganizationResponse
    {
        public RetrieveResponse()
        {
            ResponseName = "Retrieve";
        }

        public Entity Entity => Results.Contains("Entity") ? (Entity)Results["Entity"] : default;
    }

    /// <summary>The Update message. Parameters use the platform's names, as the official SDK does.</summary>
    public sealed class UpdateRequest : OrganizationRequest
    {
        public UpdateRequest()
        {
            RequestName = "Update";
            Target = null;
        }

        public Entity Target
        {
            get => Parameters.Contains("Target") ? (Entity)Parameters["Target"] : default;
            set => Parameters["Target"] = value;
        }

        public ConcurrencyBehavior ConcurrencyBehavior
        {
            get => Parameters.Contains("ConcurrencyBehavior") ? (ConcurrencyBehavior)Parameters["ConcurrencyBehavior"] : default;
            set => Parameters["ConcurrencyBehavior"] = value;
        }
    }

    public sealed class UpdateResponse : OrganizationResponse
    {
        public UpdateResponse()
        {
            ResponseName = "Update";
        }
    }

    /// <summary>The Delete message. Parameters use the platform's names, as the official SDK does.</summary>
    public sealed class DeleteRequest : OrganizationRequest
    {
        public DeleteRequest()
        {
            RequestName = "Delete";
            Target = null;
        }

        public EntityReference Target
        {
            get => Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : default;
            set => Parameters["Target"] = value;
        }

        public ConcurrencyBehavior ConcurrencyBehavior
        {
            get => Parameters.Contains("ConcurrencyBehavior") ? (ConcurrencyBehavior)Parameters["ConcurrencyBehavior"] : default;
            set => Parameters["ConcurrencyBehavior"] = value;
        }
    }

    public sealed class DeleteResponse : OrganizationResponse
    {
        public DeleteResponse()
        {
            ResponseName = "Delete";
        }
    }

    /// <summary>The RetrieveMultiple message. Parameters use the platform's names, as the official SDK does.</summary>
    public sealed class RetrieveMultipleRequest : OrganizationRequest
    {
        public RetrieveMultipleRequest()
        {
            RequestName = "RetrieveMultiple";
            Query = null;
        }

        public QueryBase Query
        {
            get => Parameters.Contains("Query") ? (QueryBase)Parameters["Query"] : default;
            set => Parameters["Query"] = value;
        }
    }

    public sealed class RetrieveMultipleResponse : OrganizationResponse
    {
        public RetrieveMultipleResponse()
        {
            ResponseName = "RetrieveMultiple";
        }

        public EntityCollection EntityCollection => Results.Contains("EntityCollection") ? (EntityCollection)Results["EntityCollection"] : default;
    }

    /// <summary>The Upsert message. Parameters use the platform's names, as the official SDK does.</summary>
    public sealed class UpsertRequest : OrganizationRequest
    {
        public UpsertRequest()
        {
            RequestName = "Upsert";
            Target = null;
        }

        public Entity Target
        {
            get => Parameters.Contains("Target") ? (Entity)Parameters["Target"] : default;
            set => Parameters["Target"] = value;
        }
    }

    public sealed class UpsertResponse : OrganizationResponse
    {
        public UpsertResponse()
        {
            ResponseName = "Upsert";
        }

        public bool RecordCreated => Results.Contains("RecordCreated") ? (bool)Results["RecordCreated"] : default;

        public EntityReference Target => Results.Contains("Target") ? (EntityReference)Results["Target"] : default;
    }

    /// <summary>The ExecuteMultiple message. Parameters use the platform's names, as the official SDK does.</summary>
    public sealed class ExecuteMultipleRequest : OrganizationRequest
    {
        public ExecuteMultipleRequest()
        {
            RequestName = "ExecuteMultiple";
            Requests = null;
            Settings = null;
        }

        public OrganizationRequestCollection Requests
        {
            get => Parameters.Contains("Requests") ? (OrganizationRequestCollection)Parameters["Requests"] : default;
            set => Parameters["Requests"] = value;
        }

        public ExecuteMultipleSettings Settings
        {
            get => Parameters.Contains("Settings") ? (ExecuteMultipleSettings)Parameters["Settings"] : default;
            set => Parameters["Settings"] = value;
        }
    }

    public sealed class ExecuteMultipleResponse : OrganizationResponse
    {
        public ExecuteMultipleResponse()
        {
            ResponseName = "ExecuteMultiple";
        }

        public bool IsFaulted => Results.Contains("IsFaulted") ? (bool)Results["IsFaulted"] : default;

        public ExecuteMultipleResponseItemCollection Responses => Results.Contains("Responses") ? (ExecuteMultipleResponseItemCollection)Results["Responses"] : default;
    }

    /// <summary>The ExecuteTransaction message. Parameters use the platform's names, as the official SDK does.</summary>
    public sealed class ExecuteTransactionRequest : OrganizationRequest
    {
        public ExecuteTransactionRequest()
        {
            RequestName = "ExecuteTransaction";
            Requests = null;
        }

        public OrganizationRequestCollection Requests
        {
            get => Parameters.Contains("Requests") ? (OrganizationRequestCollection)Parameters["Requests"] : default;
            set => Parameters["Requests"] = value;
        }

        public bool? ReturnResponses
        {
            get => Parameters.Contains("ReturnResponses") ? (bool?)Parameters["ReturnResponses"] : default;
            set => Parameters["ReturnResponses"] = value;
        }
    }

    public sealed class ExecuteTransactionResponse : OrganizationResponse
    {
        public ExecuteTransactionResponse()
        {
            ResponseName = "ExecuteTransaction";
        }

        public OrganizationResponseCollection Responses => Results.Contains("Responses") ? (OrganizationResponseCollection)Results["Responses"] : default;
    }

    /// <summary>The Associate message. Parameters use the platform's names, as the official SDK does.</summary>
    public sealed class AssociateRequest : OrganizationRequest
    {
        public AssociateRequest()
        {
            RequestName = "Associate";
            Target = null;
            Relationship = null;
            RelatedEntities = null;
        }

        public EntityReference Target
        {
            get => Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : default;
            set => Parameters["Target"] = value;
        }

        public Relationship Relationship
        {
            get => Parameters.Contains("Relationship") ? (Relationship)Parameters["Relationship"] : default;
            set => Parameters["Relationship"] = value;
        }

        public EntityReferenceCollection RelatedEntities
        {
            get => Parameters.Contains("RelatedEntities") ? (EntityReferenceCollection)Parameters["RelatedEntities"] : default;
            set => Parameters["RelatedEntities"] = value;
        }
    }

    public sealed class AssociateResponse : OrganizationResponse
    {
        public AssociateResponse()
        {
            ResponseName = "Associate";
        }
    }

    /// <summary>The Disassociate message. Parameters use the platform's names, as the official SDK does.</summary>
    public sealed class DisassociateRequest : OrganizationRequest
    {
        public DisassociateRequest()
        {
            RequestName = "Disassociate";
            Target = null;
            Relationship = null;
            RelatedEntities = null;
        }

        public EntityReference Target
        {
            get => Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : default;
            set => Parameters["Target"] = value;
        }

        public Relationship Relationship
        {
            get => Parameters.Contains("Relationship") ? (Relationship)Parameters["Relationship"] : default;
            set => Parameters["Relationship"] = value;
        }

        public EntityReferenceCollection RelatedEntities
        {
            get => Parameters.Contains("RelatedEntities") ? (EntityReferenceCollection)Parameters["RelatedEntities"] : default;
            set => Parameters["RelatedEntities"] = value;
        }
    }

    public sealed class DisassociateResponse : OrganizationResponse
    {
        public DisassociateResponse()
        {
            ResponseName = "Disassociate";
        }
    }
}
