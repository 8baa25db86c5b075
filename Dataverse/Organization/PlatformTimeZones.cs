using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;

namespace LeadAlign.Dataverse.Organization
{
    /// <summary>
    /// The platform's time zone definitions every organization starts with (table timezonedefinition): the rows of
    /// Metadata/TimeZoneDefinitions.xml (embedded; its header cites where each row comes from). Each row's id is fixed by its
    /// code, so the same zone has the same id in every organization, as the platform's own rows do.
    /// </summary>
    internal static class PlatformTimeZones
    {
        public const string Table = "timezonedefinition";

        private const string Resource = "LeadAlign.Dataverse.Metadata.TimeZoneDefinitions.xml";

        private static readonly Lazy<IReadOnlyList<PlatformTimeZone>> All = new(Load);

        /// <summary>The rows, in the file's order.</summary>
        public static IReadOnlyList<PlatformTimeZone> Rows => All.Value;

        /// <summary>The id of the row of <paramref name="code"/>: the same in every organization.</summary>
        public static Guid IdOf(int code) => new(string.Format(CultureInfo.InvariantCulture, "7e2d0000-0000-4000-8000-{0:D12}", code));

        private static IReadOnlyList<PlatformTimeZone> Load()
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource)
                ?? throw new InvalidOperationException($"The resource {Resource} is not in {Assembly.GetExecutingAssembly().GetName().Name}.");
            return XDocument.Load(stream).Root!.Elements("timezone")
                .Select(zone => new PlatformTimeZone(
                    (int)zone.Attribute("code")!,
                    (string)zone.Attribute("standardname")!,
                    (string)zone.Attribute("userinterfacename")!,
                    (int)zone.Attribute("bias")!))
                .ToList();
        }
    }
}
