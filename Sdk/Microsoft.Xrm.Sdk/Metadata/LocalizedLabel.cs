// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Labels and managed properties live in Microsoft.Xrm.Sdk (not .Metadata), as in the official SDK.
using Microsoft.Xrm.Sdk.Metadata;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A label in one language (an LCID such as 1033).</summary>
    public sealed class LocalizedLabel : MetadataBase
    {
        public LocalizedLabel()
        {
        }

        public LocalizedLabel(string label, int languageCode)
        {
            Label = label;
            LanguageCode = languageCode;
        }

        public string Label { get; set; }

        public int LanguageCode { get; set; }

        public bool? IsManaged { get; internal set; }
    }
}
