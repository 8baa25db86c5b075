// Stand-in for Microsoft.Crm.Sdk.Proxy 9.0.0.0: a strict subset of the official API (Tests/LeadAlign.Tests/Compatibility proves it).
// Typed messages are views over Parameters and Results, with the platform's parameter names.
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
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
}
