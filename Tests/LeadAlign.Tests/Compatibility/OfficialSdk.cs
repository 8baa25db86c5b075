using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace LeadAlign.Tests.Compatibility
{
    /// <summary>The official listings kept in the project (OfficialApi/), and where the stand-in builds are.</summary>
    internal static class OfficialSdk
    {
        public const string MicrosoftPublicKeyToken = "31bf3856ad364e35";
        public const string LeadAlignPublicKeyToken = "8d4dc8547008946c";

        public static readonly string[] StandIns = { "Microsoft.Xrm.Sdk", "Microsoft.Crm.Sdk.Proxy", "Microsoft.Xrm.Sdk.Workflow", "System.Activities" };

        public static readonly string[] Net462StandIns = { "Microsoft.Xrm.Sdk", "Microsoft.Crm.Sdk.Proxy", "Microsoft.Xrm.Sdk.Workflow" };

        private static readonly Lazy<IReadOnlyDictionary<string, ApiListing>> Listings = new Lazy<IReadOnlyDictionary<string, ApiListing>>(
            () => StandIns.ToDictionary(name => name, name => ApiListing.Read(Path.Combine(AppContext.BaseDirectory, "OfficialApi"), name)));

        public static ApiListing Listing(string assemblyName) => Listings.Value[assemblyName];

        public static IEnumerable<ApiListing> AllListings => Listings.Value.Values;

        public static string Net10StandIn(string assemblyName) => Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll");

        public static string[] Net10ReferenceFolders => new[] { RuntimeEnvironment.GetRuntimeDirectory(), AppContext.BaseDirectory };
    }
}
