using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadAlign.Tests.Compatibility
{
    /// <summary>
    /// Compares a stand-in's listing with the official one. The stand-in's API must be a strict subset:
    /// every type line (kind, base, interfaces, sealedness) and every declared member line (signature, modifiers,
    /// accessors) must appear in the official listing exactly, and every member a stand-in type exposes through
    /// inheritance must come from the same declaring type as officially.
    /// </summary>
    internal static class ApiCompatibility
    {
        /// <summary>COM interfaces .NET Framework's Exception and Attribute implement and .NET 10's do not.</summary>
        private static readonly string[] FrameworkOnlyInterfaces =
        {
            "System.Runtime.InteropServices._Exception",
            "System.Runtime.InteropServices._Attribute",
        };

        /// <param name="standIn">the stand-in's listing</param>
        /// <param name="official">the official listing of the same assembly</param>
        /// <param name="sdkTypes">every type the official SDK listings declare (to know which declaring types belong to the SDK)</param>
        /// <param name="onNetFramework">
        /// true for a net462 build: everything is compared, members inherited from framework types included.
        /// false for a net10.0 build: the framework-only COM interfaces are removed from official type lines, and only
        /// members inherited from SDK types are compared (the framework's own types differ between the two runtimes).
        /// </param>
        public static IReadOnlyList<string> Findings(ApiListing standIn, ApiListing official, ISet<string> sdkTypes, bool onNetFramework)
        {
            var officialApi = new HashSet<string>(official.Api.Select(line => onNetFramework ? line : WithoutFrameworkOnlyInterfaces(line)), StringComparer.Ordinal);
            var officialInherited = new HashSet<string>(official.Inherited, StringComparer.Ordinal);
            var findings = new List<string>();

            findings.AddRange(standIn.Api.Where(line => !officialApi.Contains(line)).Select(line => line + "   <- not in the official API"));
            findings.AddRange(standIn.Inherited
                .Where(line => onNetFramework || sdkTypes.Contains(DeclaringType(line)))
                .Where(line => !officialInherited.Contains(line))
                .Select(line => line + "   <- not inherited this way in the official API"));
            return findings;
        }

        public static ISet<string> TypesOf(IEnumerable<ApiListing> listings)
        {
            return new HashSet<string>(
                listings.SelectMany(listing => listing.Api).Where(line => line.Contains(" [type] ", StringComparison.Ordinal)).Select(line => line.Substring(0, line.IndexOf(" [type] ", StringComparison.Ordinal))),
                StringComparer.Ordinal);
        }

        private static string DeclaringType(string inheritedLine)
        {
            var start = inheritedLine.IndexOf(" <- ", StringComparison.Ordinal) + 4;
            return inheritedLine.Substring(start, inheritedLine.IndexOf("::", start, StringComparison.Ordinal) - start);
        }

        private static string WithoutFrameworkOnlyInterfaces(string line)
        {
            var open = line.IndexOf(" interfaces=[", StringComparison.Ordinal);
            if (open < 0 || !line.Contains(" [type] ", StringComparison.Ordinal))
            {
                return line;
            }

            var listStart = open + " interfaces=[".Length;
            var close = line.IndexOf(']', listStart);
            var interfaces = line.Substring(listStart, close - listStart)
                .Split(new[] { ", " }, StringSplitOptions.RemoveEmptyEntries)
                .Where(name => !FrameworkOnlyInterfaces.Contains(name));
            return line.Substring(0, listStart) + string.Join(", ", interfaces) + line.Substring(close);
        }
    }
}
