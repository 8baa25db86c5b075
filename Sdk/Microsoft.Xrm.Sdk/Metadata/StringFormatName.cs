// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// String constants that the official SDK models as classes (so that new values can arrive without breaking clients):
// they compare case-insensitively, with each other and with plain strings.
using System;

namespace Microsoft.Xrm.Sdk.Metadata
{
    /// <summary>The display format of a text column, by name (Email, Text, Url ...).</summary>
    public sealed class StringFormatName : ConstantsBase<string>
    {
        public static readonly StringFormatName Email = Add<StringFormatName>(nameof(Email));
        public static readonly StringFormatName Text = Add<StringFormatName>(nameof(Text));
        public static readonly StringFormatName TextArea = Add<StringFormatName>(nameof(TextArea));
        public static readonly StringFormatName Url = Add<StringFormatName>(nameof(Url));
        public static readonly StringFormatName TickerSymbol = Add<StringFormatName>(nameof(TickerSymbol));
        public static readonly StringFormatName PhoneticGuide = Add<StringFormatName>(nameof(PhoneticGuide));
        public static readonly StringFormatName VersionNumber = Add<StringFormatName>(nameof(VersionNumber));
        public static readonly StringFormatName Phone = Add<StringFormatName>(nameof(Phone));
        public static readonly StringFormatName Json = Add<StringFormatName>(nameof(Json));

        public StringFormatName()
        {
        }

        public static implicit operator StringFormatName(string formatName)
        {
            return new StringFormatName { Value = formatName };
        }

        public static bool operator ==(StringFormatName stringFormatA, StringFormatName stringFormatB)
        {
            if (ReferenceEquals(stringFormatA, stringFormatB))
            {
                return true;
            }

            return stringFormatA is object && stringFormatB is object && stringFormatA.Equals(stringFormatB);
        }

        public static bool operator !=(StringFormatName stringFormatA, StringFormatName stringFormatB)
        {
            return !(stringFormatA == stringFormatB);
        }

        public override bool Equals(object obj) => StringConstant.Equals(this, obj);

        public override int GetHashCode() => StringConstant.GetHashCode(Value);

        protected override bool ValueExistsInList(string value) => IsRegistered(value, StringComparer.OrdinalIgnoreCase);
    }
}
