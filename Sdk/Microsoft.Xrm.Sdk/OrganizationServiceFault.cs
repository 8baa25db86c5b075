// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
using System.Text;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>The detail of a FaultException&lt;OrganizationServiceFault&gt;: what the platform returns for a failed request.</summary>
    public class OrganizationServiceFault : BaseServiceFault
    {
        public OrganizationServiceFault InnerFault { get; set; }

        public string TraceText { get; set; }

        public override string ToString()
        {
            var text = new StringBuilder();
            text.Append("OrganizationServiceFault: ErrorCode=").Append(ErrorCode.ToString("X", System.Globalization.CultureInfo.InvariantCulture))
                .Append(", Message=").Append(Message);
            if (InnerFault != null)
            {
                text.Append(", InnerFault=(").Append(InnerFault).Append(')');
            }

            return text.ToString();
        }
    }
}
