using System;
using System.Collections.Generic;
using System.Globalization;
using LeadAlign.Runtime;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Sla
{
    /// <summary>
    /// The platform's time zones, as the agreement's Time zone column (a whole number in the Time zone format) stores them: a
    /// timezonecode of the timezonedefinition table, whose standardname is the zone's Windows id (Microsoft Learn, TimeZoneDefinition
    /// table reference: timezonecode, "Time zone identification code"; standardname, "Time zone name for the standard time").
    /// All rows are read at once (one RetrieveMultiple of timezonecode and standardname: the platform has about a hundred and
    /// forty) and kept per organization for <see cref="MaxAge"/> of platform time, so a warm plug-in makes no call for them; the
    /// platform owns the rows and no LeadAlign change touches them, so nothing invalidates the entry before then.
    /// </summary>
    internal static class TimeZoneDefinitions
    {
        /// <summary>The platform table (logical name).</summary>
        public const string EntityName = "timezonedefinition";

        /// <summary>The zone's code, as a Time zone column stores it.</summary>
        public const string Code = "timezonecode";

        /// <summary>The zone's standard name: its Windows id.</summary>
        public const string StandardName = "standardname";

        /// <summary>"Order an entry for a time zone definition is retired. 0 for the latest entry" (the table reference).</summary>
        public const string RetiredOrder = "retiredorder";

        private static readonly OrganizationCache<IReadOnlyDictionary<int, string>> Cache =
            new OrganizationCache<IReadOnlyDictionary<int, string>>(TimeSpan.FromMinutes(60));

        /// <summary>How long the organization's time zones are kept.</summary>
        public static TimeSpan MaxAge => Cache.MaxAge;

        /// <summary>Each code's Windows id, read through <paramref name="service"/> only when the organization's entry is cold.</summary>
        public static IReadOnlyDictionary<int, string> Get(Func<IOrganizationService> service, Guid organizationId, DateTime now) =>
            Cache.Get(organizationId, now, () => Load(service()))!;

        /// <summary>Each code's Windows id (its latest entry's), read now (one RetrieveMultiple), for code that has no organization id to cache under.</summary>
        public static IReadOnlyDictionary<int, string> Load(IOrganizationService service)
        {
            var query = new QueryExpression(EntityName) { ColumnSet = new ColumnSet(Code, StandardName) };
            query.AddOrder(RetiredOrder, OrderType.Ascending);
            var zones = new Dictionary<int, string>();
            foreach (var row in service.RetrieveMultiple(query).Entities)
            {
                var code = row.GetAttributeValue<int?>(Code);
                var name = row.GetAttributeValue<string>(StandardName);
                if (code.HasValue && !string.IsNullOrWhiteSpace(name) && !zones.ContainsKey(code.Value))
                {
                    zones.Add(code.Value, name);
                }
            }

            return zones;
        }

        /// <summary>
        /// The Windows id of the time zone <paramref name="code"/>, or null (UTC) when there is no code; <paramref name="zones"/>
        /// is asked only when there is one. An ArgumentException says when no time zone of the organization has the code.
        /// </summary>
        public static string? WindowsIdOf(int? code, Func<IReadOnlyDictionary<int, string>> zones)
        {
            if (!code.HasValue)
            {
                return null;
            }

            if (zones().TryGetValue(code.Value, out var id))
            {
                return id;
            }

            throw new ArgumentException($"the time zone code {code.Value.ToString(CultureInfo.InvariantCulture)} is not a time zone of this organization: choose the time zone from the list, or leave it empty for UTC.");
        }

        /// <summary>
        /// The time zone of the code <paramref name="code"/> (UTC when there is none), through <paramref name="zones"/>, asked only
        /// when there is one. An ArgumentException says when no time zone of the organization has the code or the server does
        /// not know its zone.
        /// </summary>
        public static TimeZoneInfo ZoneOf(int? code, Func<IReadOnlyDictionary<int, string>> zones) => BusinessCalendar.ZoneOf(WindowsIdOf(code, zones));
    }
}
