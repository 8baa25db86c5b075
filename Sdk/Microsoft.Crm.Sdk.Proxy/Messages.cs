// Stand-in for Microsoft.Crm.Sdk.Proxy 9.0.0.0: a strict subset of the official API (Tests/LeadAlign.Tests/Compatibility proves it).
// Typed messages are views over Parameters and Results, with the platform's parameter names.
using System;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    /// <summary>The Assign message. Parameters use the platform's names, as the official SDK does.</summary>
    public sealed class AssignRequest : OrganizationRequest
    {
        public AssignRequest()
        {
            RequestName = "Assign";
            Target = null;
            Assignee = null;
        }

        public EntityReference Target
        {
            get => Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : default;
            set => Parameters["Target"] = value;
        }

        public EntityReference Assignee
        {
            get => Parameters.Contains("Assignee") ? (EntityReference)Parameters["Assignee"] : default;
            set => Parameters["Assignee"] = value;
        }
    }

    public sealed class AssignResponse : OrganizationResponse
    {
        public AssignResponse()
        {
            ResponseName = "Assign";
        }
    }

    /// <summary>The SetState message. Parameters use the platform's names, as the official SDK does.</summary>
    public sealed class SetStateRequest : OrganizationRequest
    {
        public SetStateRequest()
        {
            RequestName = "SetState";
            EntityMoniker = null;
            State = null;
            Status = null;
        }

        public EntityReference EntityMoniker
        {
            get => Parameters.Contains("EntityMoniker") ? (EntityReference)Parameters["EntityMoniker"] : default;
            set => Parameters["EntityMoniker"] = value;
        }

        public OptionSetValue State
        {
            get => Parameters.Contains("State") ? (OptionSetValue)Parameters["State"] : default;
            set => Parameters["State"] = value;
        }

        public OptionSetValue Status
        {
            get => Parameters.Contains("Status") ? (OptionSetValue)Parameters["Status"] : default;
            set => Parameters["Status"] = value;
        }
    }

    public sealed class SetStateResponse : OrganizationResponse
    {
        public SetStateResponse()
        {
            ResponseName = "SetState";
        }
    }

    /// <summary>The WhoAmI message. Parameters use the platform's names, as the official SDK does.</summary>
    public sealed class WhoAmIRequest : OrganizationRequest
    {
        public WhoAmIRequest()
        {
            RequestName = "WhoAmI";
        }
    }

    public sealed class WhoAmIResponse : OrganizationResponse
    {
        public WhoAmIResponse()
        {
            ResponseName = "WhoAmI";
        }

        public Guid UserId => Results.Contains("UserId") ? (Guid)Results["UserId"] : default;

        public Guid BusinessUnitId => Results.Contains("BusinessUnitId") ? (Guid)Results["BusinessUnitId"] : default;

        public Guid OrganizationId => Results.Contains("OrganizationId") ? (Guid)Results["OrganizationId"] : default;
    }
}
