using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Scoring
{
    /// <summary>
    /// Whether a fit rule matches a lead, with the operator's row of <see cref="FitOperators"/> and the values of
    /// <see cref="FitValues"/>. An empty column matches only "is empty" (as a SQL condition on null never holds). A rule that no
    /// longer fits the column's data (the column changed type, the value does not parse) raises <see cref="StaleRuleException"/>:
    /// the caller skips the rule and traces why.
    /// </summary>
    internal static class FitEvaluator
    {
        /// <summary>The operators each column type accepts; rule validation refuses any other.</summary>
        public static IReadOnlyDictionary<string, FitOperator[]> OperatorsByType => FitOperators.ByColumnType;

        /// <summary>Whether the operator needs a value, and how many (Between: two; In list: one or more).</summary>
        public static bool NeedsValue(FitOperator op) => FitOperators.Of(op)?.ValueCount != 0;

        public static bool Matches(ScoringRule rule, Entity lead)
        {
            var column = rule.Column ?? throw new StaleRuleException("it names no lead column");
            var op = rule.Operator ?? throw new StaleRuleException("it has no operator");
            var type = rule.ColumnType ?? throw new StaleRuleException("it was never validated (no column type); save the rule again");
            if (!OperatorsByType.TryGetValue(type, out var allowed) || !allowed.Contains(op))
            {
                throw new StaleRuleException($"a {type} column cannot be compared with '{op}'");
            }

            var definition = FitOperators.Of(op) ?? throw new StaleRuleException($"the operator {op} is unknown");
            lead.Attributes.TryGetValue(column, out var raw);
            var value = FitValues.Normalize(raw);
            if (value is string text && text.Length == 0)
            {
                value = null;
            }

            if (definition.ValueCount == 0)
            {
                return definition.Test(value, Array.Empty<object>());
            }

            if (value == null)
            {
                return false;
            }

            var operands = FitValues.Split(rule.NormalizedValue).Select(item => FitValues.Parse(type, item)).ToList();
            if (operands.Count == 0)
            {
                throw new StaleRuleException("it has no value to compare with");
            }

            return definition.Test(value, operands);
        }
    }
}
