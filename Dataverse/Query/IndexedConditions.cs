using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Dataverse.Query
{
    /// <summary>The conditions of a query the store's indexes can answer: Equal and In on a column, with keys an index holds.</summary>
    internal static class IndexedConditions
    {
        /// <summary>The columns and keys of an AND filter's own Equal and In conditions on its table, which an index may answer.</summary>
        public static List<KeyValuePair<string, IReadOnlyCollection<object>>> Of(FilterExpression filter)
        {
            var answerable = new List<KeyValuePair<string, IReadOnlyCollection<object>>>();
            if (filter.FilterOperator != LogicalOperator.And)
            {
                return answerable;
            }

            foreach (var condition in filter.Conditions)
            {
                if (string.IsNullOrEmpty(condition.EntityName) && IndexKeys(condition) is { } keys)
                {
                    answerable.Add(new KeyValuePair<string, IReadOnlyCollection<object>>(condition.AttributeName, keys));
                }
            }

            return answerable;
        }

        /// <summary>
        /// The conditions of a filter when the indexes can answer all of it: an AND without nested filters whose every condition is
        /// an Equal or In on a column of its own table (<see cref="IndexKeys"/>); null when any part would need the rows themselves.
        /// A store that answers each of them exactly then knows which rows match without reading one.
        /// </summary>
        public static List<KeyValuePair<string, IReadOnlyCollection<object>>>? All(FilterExpression filter)
        {
            if (filter.FilterOperator != LogicalOperator.And || filter.Filters.Count > 0)
            {
                return null;
            }

            var conditions = new List<KeyValuePair<string, IReadOnlyCollection<object>>>(filter.Conditions.Count);
            foreach (var condition in filter.Conditions)
            {
                if (!string.IsNullOrEmpty(condition.EntityName) || condition.CompareColumns || IndexKeys(condition) is not { } keys)
                {
                    return null;
                }

                conditions.Add(new KeyValuePair<string, IReadOnlyCollection<object>>(condition.AttributeName, keys));
            }

            return conditions;
        }

        /// <summary>
        /// The keys an Equal (one value) or In condition asks an index for: its values as a lookup's id, a choice's value or a text;
        /// null when it is another operator or a value is anything else (null, a number that is not a choice's, a date).
        /// </summary>
        public static List<object>? IndexKeys(ConditionExpression condition)
        {
            if (!(condition.Operator == ConditionOperator.Equal && condition.Values.Count == 1) && !(condition.Operator == ConditionOperator.In && condition.Values.Count > 0))
            {
                return null;
            }

            var keys = new List<object>(condition.Values.Count);
            foreach (var value in condition.Values)
            {
                if (ConditionEvaluator.Normalize(value) is not ({ } key and (Guid or int or string)))
                {
                    return null;
                }

                keys.Add(key);
            }

            return keys;
        }
    }
}
