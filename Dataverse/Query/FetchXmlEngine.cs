using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Metadata;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Dataverse.Query
{
    /// <summary>
    /// Runs FetchXML as Dataverse does. A plain fetch becomes the equivalent <see cref="QueryExpression"/> and runs through the
    /// <see cref="QueryEngine"/>; an aggregate fetch (<c>aggregate="true"</c>) joins and filters through the same engine, then groups.
    /// <para>What is modelled:</para>
    /// <list type="bullet">
    /// <item><c>fetch</c>: <c>top</c> (at most 5,000, as Dataverse allows), <c>count</c>, <c>page</c>, <c>paging-cookie</c>, <c>distinct</c>,
    /// <c>returntotalrecordcount</c>, <c>aggregate</c> and <c>aggregatelimit</c>; <c>no-lock</c>, <c>mapping</c>, <c>version</c>, <c>options</c>,
    /// <c>latematerialize</c> and <c>useraworderby</c> change nothing here and are ignored.</item>
    /// <item><c>entity</c> and nested <c>link-entity</c> (<c>link-type</c> inner, the default, or outer) with <c>attribute</c> (an alias renames
    /// the column and returns it as an <see cref="AliasedValue"/>), <c>all-attributes</c>, <c>order</c> (with <c>entityname</c> on the entity;
    /// a link-entity's orders apply after the entity's, as Dataverse applies them) and nested <c>filter</c>/<c>condition</c>.
    /// A fetch whose entity names no attribute returns all columns. A link-entity without an alias is named as Dataverse names it:
    /// the linked table's name for a many-to-one link (<c>from</c> is the linked table's primary id), else the name and a number (<c>contact1</c>).</item>
    /// <item>the operators eq, ne, neq, in, not-in, null, not-null, gt, ge, lt, le, between, not-between, like, not-like, begins-with,
    /// not-begin-with, ends-with, not-end-with, on, not-on, on-or-after, on-or-before, last-x-hours, next-x-hours, last-x-days, next-x-days,
    /// olderthan-x-days, olderthan-x-hours, today, yesterday, tomorrow, eq-userid and ne-userid. Condition values are strings in FetchXML:
    /// they are converted, in the invariant culture, to the type the column stores (lookups and ids to Guid, choices to int, money to decimal,
    /// two-options from 1/0/true/false, dates to UTC); the x-count operators take an int, the like family keeps the text.</item>
    /// <item>aggregates: count (rows), countcolumn (non-null values; <c>distinct="true"</c> counts distinct values, and is ignored on the other aggregates), sum, avg, min and max,
    /// and groupby, also with <c>dategrouping</c> year, quarter, month, week or day, on the entity and on link-entities. Each result row is an
    /// <see cref="Entity"/> of the fetch's table with an empty id whose columns are keyed by alias and hold <see cref="AliasedValue"/>.
    /// As in Dataverse: every aggregate and groupby attribute needs an alias; nulls are left out of every aggregate but count;
    /// count and countcolumn give int; sum, min and max keep the column's type (money stays <see cref="Money"/>); avg gives decimal for
    /// whole numbers and decimals, double for floats and Money for money; a sum over no values is 0 (as the Dataverse documentation shows),
    /// an avg, min or max over no values is left out, as is a null group; a groupby on a lookup gives an <see cref="EntityReference"/>,
    /// on a choice an <see cref="OptionSetValue"/>; dategrouping gives an int (day of the month, and the week of the year as SQL Server counts
    /// it: week 1 holds 1 January and weeks start on Sunday, which is what the Dataverse documentation's example shows); groups are ordered by
    /// <c>order alias</c> (an <c>order attribute</c> is refused, as Dataverse refuses it) and otherwise come in order of first appearance;
    /// strings group case-insensitively. The AggregateQueryRecordLimit is modelled: more than 50,000 joined and filtered rows (or than the
    /// fetch's lower <c>aggregatelimit</c>, or the organization's lower <see cref="DataverseOptions.AggregateQueryRecordLimit"/>) fail with
    /// <see cref="AggregateLimitExceededException"/>, which the service turns into the platform's fault 0x8004E023 and message.</item>
    /// </list>
    /// <para>What is not modelled:</para>
    /// <list type="bullet">
    /// <item>the default page size of 5,000 rows (a fetch without <c>count</c> returns every row); a page after the cookie's continues
    /// from the cookie's last row only for a fetch without orders or distinct (others find pages by number);</item>
    /// <item>the user's time zone (date operators and dategrouping use UTC), fiscal-period and fiscal-year grouping, fiscal, hierarchy,
    /// team, business-unit and language operators, multi-select choice operators, column comparison (<c>valueof</c>), row aggregates
    /// (<c>rowaggregate</c>), conditions with <c>aggregate</c> (HAVING), the any/not-any/all/not-all/exists/in/matchfirstrowusingcrossapply
    /// link types, long-term retention (<c>datasource</c>) and the report-only <c>order</c> under <c>fetch</c>: each fails with
    /// <see cref="NotSupportedException"/> naming it;</item>
    /// <item>ordering a lookup by its primary name and a choice by its label (they order by id and by value), formatted values, and
    /// validation of table and column names against metadata (an unknown column simply has no value).</item>
    /// </list>
    /// Malformed FetchXML (not XML, no <c>entity</c>, a missing required attribute, a value that does not convert) fails with
    /// <see cref="InvalidOperationException"/> whose message names the problem, for the caller to turn into a Dataverse fault.
    /// </summary>
    public sealed class FetchXmlEngine
    {
        private readonly FetchXmlParser _parser;
        private readonly FetchXmlEvaluator _evaluator;
        private readonly FetchXmlAggregator _aggregator;

        /// <summary>
        /// An engine over the tables <paramref name="queryEngine"/> reads: every row is read, joined and filtered through it, so
        /// <paramref name="rowsOf"/> and <paramref name="evaluator"/> (the query engine's own sources) are only checked, not read.
        /// <paramref name="primaryIdOf"/> names a table's primary id (for the default alias of a link-entity and the default from/to columns);
        /// <paramref name="typeOf"/> gives a column's type (or null when the column is unknown) to convert condition values and type aggregates.
        /// </summary>
        public FetchXmlEngine(
            QueryEngine queryEngine,
            Func<string, IEnumerable<Entity>> rowsOf,
            Func<string, string> primaryIdOf,
            ConditionEvaluator evaluator,
            Func<string, string, AttributeTypeCode?> typeOf,
            int aggregateQueryRecordLimit = ParsedFetch.AggregateQueryRecordLimit)
        {
            if (queryEngine == null)
            {
                throw new ArgumentNullException(nameof(queryEngine));
            }

            if (rowsOf == null)
            {
                throw new ArgumentNullException(nameof(rowsOf));
            }

            if (evaluator == null)
            {
                throw new ArgumentNullException(nameof(evaluator));
            }

            _parser = new FetchXmlParser(primaryIdOf ?? throw new ArgumentNullException(nameof(primaryIdOf)), typeOf ?? throw new ArgumentNullException(nameof(typeOf)));
            _evaluator = new FetchXmlEvaluator(queryEngine);
            _aggregator = new FetchXmlAggregator(queryEngine, aggregateQueryRecordLimit);
        }

        /// <summary>Runs the fetch: rows for a plain fetch, one row per group for an aggregate fetch.</summary>
        public EntityCollection Execute(string fetchXml)
        {
            var fetch = _parser.Parse(fetchXml);
            return fetch.Aggregate ? _aggregator.Execute(fetch) : _evaluator.Execute(fetch);
        }

        /// <summary>
        /// The QueryExpression a plain fetch stands for (as FetchXmlToQueryExpression gives it). Column aliases have no place in a
        /// QueryExpression: the aliased columns are requested under their names. An aggregate fetch has no equivalent and is refused.
        /// </summary>
        public QueryExpression ToQueryExpression(string fetchXml)
        {
            var fetch = _parser.Parse(fetchXml);
            if (fetch.Aggregate)
            {
                throw new InvalidOperationException("An aggregate FetchXML query (aggregate=\"true\") has no QueryExpression equivalent: run it as FetchXML.");
            }

            return fetch.Query;
        }
    }
}
