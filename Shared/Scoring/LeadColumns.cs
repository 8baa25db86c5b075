using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;

namespace LeadAlign.Scoring
{
    /// <summary>
    /// The lead table's columns as the organization's metadata has them now: one RetrieveEntity with its attributes. Scoring
    /// reads it from its cache at a model load (and keeps it with the model), validation once per save of a model or agreement.
    /// </summary>
    internal static class LeadColumns
    {
        private static readonly Runtime.OrganizationCache<ISet<string>> Cache = new Runtime.OrganizationCache<ISet<string>>(TimeSpan.FromMinutes(60));

        /// <summary>
        /// Lead's columns, kept per organization for an hour of platform time: they change only when a customizer publishes a
        /// column, and the model cache reloads every 10 minutes, which need not read the whole lead table's metadata each time.
        /// A column added since is not missed: a model naming a column this set lacks reads the columns again
        /// (<see cref="Covering"/>). A column deleted is noticed by scoring within the hour. One service call when not kept, else none.
        /// </summary>
        public static ISet<string> Cached(IOrganizationService service, Guid organizationId, DateTime now) =>
            Cache.Get(organizationId, now, () => Read(service))!;

        /// <summary>
        /// Lead's columns from the cache, or read again now when the cached set lacks one of <paramref name="named"/> (a column
        /// added since it was read): no call when the cache is warm and has them all, one otherwise, two when it was cold and
        /// still lacks one (a column deleted: each model load then reads once more).
        /// </summary>
        public static ISet<string> Covering(IOrganizationService service, Guid organizationId, DateTime now, IEnumerable<string> named)
        {
            var columns = Cached(service, organizationId, now);
            return named.All(columns.Contains) ? columns : Read(service);
        }

        /// <summary>The logical names of lead's columns. One service call.</summary>
        public static ISet<string> Read(IOrganizationService service)
        {
            var response = (RetrieveEntityResponse)service.Execute(new RetrieveEntityRequest { LogicalName = LeadTable.EntityName, EntityFilters = EntityFilters.Attributes });
            return new HashSet<string>(
                (response.EntityMetadata?.Attributes ?? Array.Empty<AttributeMetadata>()).Select(attribute => attribute.LogicalName).Where(name => !string.IsNullOrEmpty(name))!,
                StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>"no column 'x'" or "no columns 'x', 'y'": what a refusal says lead lacks.</summary>
        public static string NoColumns(IReadOnlyList<string> unknown) =>
            (unknown.Count == 1 ? "no column " : "no columns ") + string.Join(", ", unknown.Select(column => "'" + column + "'"));

        /// <summary>The columns of required-columns text (<c>emailaddress1|telephone1,companyname</c>) lead does not have, in order.</summary>
        public static IReadOnlyList<string> Unknown(IEnumerable<IReadOnlyList<string>> required, ISet<string> columns) =>
            required.SelectMany(entry => entry).Where(column => !columns.Contains(column)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
