using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Lifecycle
{
    /// <summary>The stage a save asks for: an explicit la_stage, or the standard statecode change it stands for.</summary>
    internal static class LeadStageRequest
    {
        /// <summary>The lead's statecode once qualified.</summary>
        public const int Qualified = 1;
        private const int Disqualified = 2;

        public static LeadStage Current(Entity? preImage) =>
            (LeadStage?)preImage?.GetAttributeValue<OptionSetValue>(LeadTable.Stage)?.Value ?? LeadStage.Inquiry;

        /// <summary>The stage asked for, or null when the save asks for none. Disqualifying maps to Rejected, qualifying to Converted.</summary>
        public static LeadStage? Requested(Entity target)
        {
            if (target.GetAttributeValue<OptionSetValue>(LeadTable.Stage) is { } stage)
            {
                return (LeadStage)stage.Value;
            }

            switch (target.GetAttributeValue<OptionSetValue>(LeadTable.StateCode)?.Value)
            {
                case Disqualified:
                    return LeadStage.Rejected;
                case Qualified:
                    return LeadStage.Converted;
                default:
                    return null;
            }
        }
    }
}
