// Stand-in for Microsoft.Crm.Sdk.Proxy 9.0.0.0: a strict subset of the official API (Tests/LeadAlign.Tests/Compatibility proves it).
// Typed messages are views over Parameters and Results, with the platform's parameter names.
using System;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
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
}
