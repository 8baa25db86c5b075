using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using LeadAlign.Runtime;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Reporting
{
    /// <summary>
    /// Reads what the alignment report needs within the platform's limits: a count by FetchXML aggregate (refused by the platform
    /// over the AggregateQueryRecordLimit of 50,000 rows), rows in pages of 5,000 with the paging cookie, choice labels from
    /// metadata; and it gives up, saying so, when the time a plug-in may run is nearly spent rather than be stopped half-way.
    /// </summary>
    internal sealed class AlignmentReportReader
    {
        /// <summary>The most rows one page of RetrieveMultiple returns.</summary>
        public const int PageSize = 5000;

        /// <summary>The AggregateQueryRecordLimit: the most rows an aggregate query may count (Microsoft Learn, <i>Aggregate data using FetchXml</i>).</summary>
        public const int AggregateQueryRecordLimit = 50000;

        /// <summary>The platform's fault for an aggregate over the limit: AggregateQueryRecordLimitExceeded, 0x8004E023 (<i>Web service error codes</i>).</summary>
        public const int AggregateQueryRecordLimitExceeded = unchecked((int)0x8004E023);

        private readonly IOrganizationService _service;
        private readonly Func<bool> _outOfTime;
        private readonly int _pageSize;

        /// <param name="service">The service to read with (SYSTEM: the report counts every lead whoever asks).</param>
        /// <param name="outOfTime">Whether the time left is too short for another page.</param>
        /// <param name="pageSize">Rows per page: the platform's 5,000; smaller only to exercise paging.</param>
        public AlignmentReportReader(IOrganizationService service, Func<bool> outOfTime, int pageSize = PageSize)
        {
            _service = service ?? throw new ArgumentNullException(nameof(service));
            _outOfTime = outOfTime ?? throw new ArgumentNullException(nameof(outOfTime));
            _pageSize = pageSize;
        }

        /// <summary>
        /// The leads created in the period, counted by a FetchXML aggregate. With <paramref name="catchLimit"/>, the platform's refusal
        /// of a count over the AggregateQueryRecordLimit gives null; only outside a transaction may a caller catch it, as a failed
        /// call inside one dooms the transaction ("There is no active transaction").
        /// </summary>
        public int? CountLeads(DateTime start, DateTime end, bool catchLimit)
        {
            var count = new FetchExpression(AlignmentReportQueries.LeadCount(start, end));
            if (!catchLimit)
            {
                return CountOf(_service.RetrieveMultiple(count));
            }

            try
            {
                return CountOf(_service.RetrieveMultiple(count));
            }
            catch (FaultException<OrganizationServiceFault> fault) when (fault.Detail?.ErrorCode == AggregateQueryRecordLimitExceeded)
            {
                return null;
            }
        }

        private static int CountOf(EntityCollection result) =>
            result.Entities.FirstOrDefault()?.GetAttributeValue<AliasedValue>(AlignmentReportQueries.LeadCountAlias)?.Value is int count ? count : 0;

        /// <summary>Every row of the query, a page of 5,000 at a time, each page asked for with the previous one's paging cookie.</summary>
        /// <exception cref="ReportTooLargeException">The time a plug-in may run would not be enough for the next page.</exception>
        public List<Entity> ReadAll(QueryExpression query) => QueryPages.All(_service, query, _pageSize, () =>
        {
            if (_outOfTime())
            {
                throw new ReportTooLargeException("The period holds too many rows to read in the two minutes one call may run: ask for a shorter period.");
            }
        });

        /// <summary>The first row of a query that asks for its top rows (TopCount, which the platform refuses with paging), or null.</summary>
        public Entity? ReadFirst(QueryExpression query)
        {
            if (_outOfTime())
            {
                throw new ReportTooLargeException("The period holds too many rows to read in the two minutes one call may run: ask for a shorter period.");
            }

            return _service.RetrieveMultiple(query).Entities.FirstOrDefault();
        }

        /// <summary>A choice column's options (value and label) in the order the choice defines them.</summary>
        public List<KeyValuePair<int, string>> Options(string table, string column)
        {
            var response = (RetrieveAttributeResponse)_service.Execute(new RetrieveAttributeRequest { EntityLogicalName = table, LogicalName = column, RetrieveAsIfPublished = false });
            var options = (response.AttributeMetadata as EnumAttributeMetadata)?.OptionSet?.Options ?? new OptionMetadataCollection();
            return options
                .Where(option => option.Value.HasValue)
                .Select(option => new KeyValuePair<int, string>(option.Value!.Value, LabelOf(option.Label) ?? option.Value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .ToList();
        }

        private static string? LabelOf(Label? label) =>
            label?.UserLocalizedLabel?.Label ?? label?.LocalizedLabels?.FirstOrDefault(localized => localized.LanguageCode == 1033)?.Label ?? label?.LocalizedLabels?.FirstOrDefault()?.Label;
    }
}
