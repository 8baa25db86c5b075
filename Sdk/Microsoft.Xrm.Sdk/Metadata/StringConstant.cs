// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// String constants that the official SDK models as classes (so that new values can arrive without breaking clients):
// they compare case-insensitively, with each other and with plain strings.
using System;

namespace Microsoft.Xrm.Sdk.Metadata
{
    /// <summary>Equality shared by the string constants: case-insensitive, against a constant of the same type or a string.</summary>
    internal static class StringConstant
    {
        public static bool Equals(ConstantsBase<string> constant, object obj)
        {
            switch (obj)
            {
                case string text:
                    return string.Equals(constant.Value, text, StringComparison.OrdinalIgnoreCase);
                case ConstantsBase<string> other when other.GetType() == constant.GetType():
                    return string.Equals(constant.Value, other.Value, StringComparison.OrdinalIgnoreCase);
                default:
                    return false;
            }
        }

        public static int GetHashCode(string value) => value == null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(value);
    }
}
