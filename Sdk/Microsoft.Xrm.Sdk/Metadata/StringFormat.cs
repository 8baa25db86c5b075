// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// A metadata enumeration, with the official values.
namespace Microsoft.Xrm.Sdk.Metadata
{
    public enum StringFormat
    {
        Email = 0,
        Text = 1,
        TextArea = 2,
        Url = 3,
        TickerSymbol = 4,
        PhoneticGuide = 5,
        VersionNumber = 6,
        Phone = 7,
        Json = 8,
    }
}
