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

    /// <summary>
    /// The QualifyLead message: closes a lead as qualified (Status) and creates the account, contact and opportunity asked for.
    /// As in the official SDK the constructor sets LeadId to null and the three Create flags to false; Status is required and not preset.
    /// </summary>
    public sealed class QualifyLeadRequest : OrganizationRequest
    {
        public QualifyLeadRequest()
        {
            RequestName = "QualifyLead";
            LeadId = null;
            CreateAccount = false;
            CreateContact = false;
            CreateOpportunity = false;
        }

        public EntityReference LeadId
        {
            get => Parameters.Contains("LeadId") ? (EntityReference)Parameters["LeadId"] : default;
            set => Parameters["LeadId"] = value;
        }

        public bool CreateAccount
        {
            get => Parameters.Contains("CreateAccount") && (bool)Parameters["CreateAccount"];
            set => Parameters["CreateAccount"] = value;
        }

        public bool CreateContact
        {
            get => Parameters.Contains("CreateContact") && (bool)Parameters["CreateContact"];
            set => Parameters["CreateContact"] = value;
        }

        public bool CreateOpportunity
        {
            get => Parameters.Contains("CreateOpportunity") && (bool)Parameters["CreateOpportunity"];
            set => Parameters["CreateOpportunity"] = value;
        }

        public EntityReference OpportunityCurrencyId
        {
            get => Parameters.Contains("OpportunityCurrencyId") ? (EntityReference)Parameters["OpportunityCurrencyId"] : default;
            set => Parameters["OpportunityCurrencyId"] = value;
        }

        public EntityReference OpportunityCustomerId
        {
            get => Parameters.Contains("OpportunityCustomerId") ? (EntityReference)Parameters["OpportunityCustomerId"] : default;
            set => Parameters["OpportunityCustomerId"] = value;
        }

        public EntityReference SourceCampaignId
        {
            get => Parameters.Contains("SourceCampaignId") ? (EntityReference)Parameters["SourceCampaignId"] : default;
            set => Parameters["SourceCampaignId"] = value;
        }

        public EntityReference ProcessInstanceId
        {
            get => Parameters.Contains("ProcessInstanceId") ? (EntityReference)Parameters["ProcessInstanceId"] : default;
            set => Parameters["ProcessInstanceId"] = value;
        }

        public OptionSetValue Status
        {
            get => Parameters.Contains("Status") ? (OptionSetValue)Parameters["Status"] : default;
            set => Parameters["Status"] = value;
        }
    }

    public sealed class QualifyLeadResponse : OrganizationResponse
    {
        public QualifyLeadResponse()
        {
            ResponseName = "QualifyLead";
        }

        /// <summary>The account, contact and opportunity the message created.</summary>
        public EntityReferenceCollection CreatedEntities => Results.Contains("CreatedEntities") ? (EntityReferenceCollection)Results["CreatedEntities"] : default;
    }

    /// <summary>
    /// The SendEmail message: sends an email activity (IssueSend false only marks it sent). As in the official SDK the constructor
    /// sets EmailId to Guid.Empty and IssueSend to false.
    /// </summary>
    public sealed class SendEmailRequest : OrganizationRequest
    {
        public SendEmailRequest()
        {
            RequestName = "SendEmail";
            EmailId = Guid.Empty;
            IssueSend = false;
        }

        public Guid EmailId
        {
            get => Parameters.Contains("EmailId") ? (Guid)Parameters["EmailId"] : default;
            set => Parameters["EmailId"] = value;
        }

        public bool IssueSend
        {
            get => Parameters.Contains("IssueSend") && (bool)Parameters["IssueSend"];
            set => Parameters["IssueSend"] = value;
        }

        public string TrackingToken
        {
            get => Parameters.Contains("TrackingToken") ? (string)Parameters["TrackingToken"] : default;
            set => Parameters["TrackingToken"] = value;
        }
    }

    public sealed class SendEmailResponse : OrganizationResponse
    {
        public SendEmailResponse()
        {
            ResponseName = "SendEmail";
        }

        /// <summary>The subject as sent, with the tracking token.</summary>
        public string Subject => Results.Contains("Subject") ? (string)Results["Subject"] : default;
    }

    /// <summary>The AddMembersTeam message: adds users to a team. As in the official SDK the constructor sets TeamId to Guid.Empty and MemberIds to null.</summary>
    public sealed class AddMembersTeamRequest : OrganizationRequest
    {
        public AddMembersTeamRequest()
        {
            RequestName = "AddMembersTeam";
            TeamId = Guid.Empty;
            MemberIds = null;
        }

        public Guid TeamId
        {
            get => Parameters.Contains("TeamId") ? (Guid)Parameters["TeamId"] : default;
            set => Parameters["TeamId"] = value;
        }

        public Guid[] MemberIds
        {
            get => Parameters.Contains("MemberIds") ? (Guid[])Parameters["MemberIds"] : default;
            set => Parameters["MemberIds"] = value;
        }
    }

    public sealed class AddMembersTeamResponse : OrganizationResponse
    {
        public AddMembersTeamResponse()
        {
            ResponseName = "AddMembersTeam";
        }
    }
}
