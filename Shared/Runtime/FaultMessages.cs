using System;
using System.Globalization;

namespace LeadAlign.Runtime
{
    /// <summary>The words users see when something fails that they did not cause.</summary>
    internal static class FaultMessages
    {
        public static string Unexpected(string component, Guid correlationId)
        {
            return string.Format(
                CultureInfo.InvariantCulture,
                "LeadAlign could not complete this action because of an unexpected error in {0}. Nothing was saved. Try again; if it happens again, give your administrator this reference: {1}.",
                component,
                correlationId);
        }
    }
}
