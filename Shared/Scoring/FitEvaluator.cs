using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Scoring
{
    /// <summary>
    /// Whether a fit rule matches a lead. Values compare as Dataverse compares them: text without regard to case, choices by
    /// value, lookups by id, money by amount, dates in UTC. An empty column matches only "is empty" (as a SQL condition on
    /// null never holds). A rule that no longer fits the column's data (the column changed type, the value does not parse)
    /// raises <see cref="StaleRuleException"/>: the caller skips the rule and traces why.
    /// </summary>
    internal static class FitEvaluator
    {
        /// <summary>The operators each column type accepts; rule validation refuses any other.</summary>
        public static readonly IReadOnlyDictionary<string, FitOperator[]> OperatorsByType = new Dictionary<string, FitOperator[]>(StringComparer.Ordinal)
        {
            ["String"] = new[] { FitOperator.Equals, FitOperator.NotEquals, FitOperator.InList, FitOperator.Contains, FitOperator.BeginsWith, FitOperator.HasValue, FitOperator.IsEmpty },
            ["Memo"] = new[] { FitOperator.Contains, FitOperator.BeginsWith, FitOperator.HasValue, FitOperator.IsEmpty },
            ["Integer"] = new[] { FitOperator.Equals, FitOperator.NotEquals, FitOperator.InList, FitOperator.GreaterThan, FitOperator.LessThan, FitOperator.Between, FitOperator.HasValue, FitOperator.IsEmpty },
            ["BigInt"] = new[] { FitOperator.Equals, FitOperator.NotEquals, FitOperator.InList, FitOperator.GreaterThan, FitOperator.LessThan, FitOperator.Between, FitOperator.HasValue, FitOperator.IsEmpty },
            ["Decimal"] = new[] { FitOperator.Equals, FitOperator.NotEquals, FitOperator.GreaterThan, FitOperator.LessThan, FitOperator.Between, FitOperator.HasValue, FitOperator.IsEmpty },
            ["Double"] = new[] { FitOperator.Equals, FitOperator.NotEquals, FitOperator.GreaterThan, FitOperator.LessThan, FitOperator.Between, FitOperator.HasValue, FitOperator.IsEmpty },
            ["Money"] = new[] { FitOperator.Equals, FitOperator.NotEquals, FitOperator.GreaterThan, FitOperator.LessThan, FitOperator.Between, FitOperator.HasValue, FitOperator.IsEmpty },
            ["DateTime"] = new[] { FitOperator.Equals, FitOperator.NotEquals, FitOperator.GreaterThan, FitOperator.LessThan, FitOperator.Between, FitOperator.HasValue, FitOperator.IsEmpty },
            ["Boolean"] = new[] { FitOperator.Equals, FitOperator.NotEquals, FitOperator.HasValue, FitOperator.IsEmpty },
            ["Picklist"] = new[] { FitOperator.Equals, FitOperator.NotEquals, FitOperator.InList, FitOperator.HasValue, FitOperator.IsEmpty },
            ["State"] = new[] { FitOperator.Equals, FitOperator.NotEquals, FitOperator.InList, FitOperator.HasValue, FitOperator.IsEmpty },
            ["Status"] = new[] { FitOperator.Equals, FitOperator.NotEquals, FitOperator.InList, FitOperator.HasValue, FitOperator.IsEmpty },
            ["Lookup"] = new[] { FitOperator.Equals, FitOperator.NotEquals, FitOperator.InList, FitOperator.HasValue, FitOperator.IsEmpty },
            ["Customer"] = new[] { FitOperator.Equals, FitOperator.NotEquals, FitOperator.InList, FitOperator.HasValue, FitOperator.IsEmpty },
            ["Owner"] = new[] { FitOperator.Equals, FitOperator.NotEquals, FitOperator.InList, FitOperator.HasValue, FitOperator.IsEmpty },
            ["Uniqueidentifier"] = new[] { FitOperator.Equals, FitOperator.NotEquals, FitOperator.InList, FitOperator.HasValue, FitOperator.IsEmpty },
        };

        /// <summary>Whether the operator needs a value, and how many (Between: two; In list: one or more).</summary>
        public static bool NeedsValue(FitOperator op) => op != FitOperator.HasValue && op != FitOperator.IsEmpty;

        public static bool Matches(ScoringRule rule, Entity lead)
        {
            var column = rule.Column ?? throw new StaleRuleException("it names no lead column");
            var op = rule.Operator ?? throw new StaleRuleException("it has no operator");
            var type = rule.ColumnType ?? throw new StaleRuleException("it was never validated (no column type); save the rule again");
            if (!OperatorsByType.TryGetValue(type, out var allowed) || !allowed.Contains(op))
            {
                throw new StaleRuleException($"a {type} column cannot be compared with '{op}'");
            }

            lead.Attributes.TryGetValue(column, out var raw);
            var value = Normalize(raw);
            if (value is string text && text.Length == 0)
            {
                value = null;
            }

            switch (op)
            {
                case FitOperator.HasValue:
                    return value != null;
                case FitOperator.IsEmpty:
                    return value == null;
            }

            if (value == null)
            {
                return false;
            }

            var operands = Split(rule.NormalizedValue).Select(item => Parse(type, item)).ToList();
            if (operands.Count == 0)
            {
                throw new StaleRuleException("it has no value to compare with");
            }

            switch (op)
            {
                case FitOperator.Equals:
                    return Compare(value, operands[0]) == 0;
                case FitOperator.NotEquals:
                    return Compare(value, operands[0]) != 0;
                case FitOperator.InList:
                    return operands.Any(operand => Compare(value, operand) == 0);
                case FitOperator.Contains:
                    return operands.Any(operand => ((string)value).IndexOf((string)operand, StringComparison.OrdinalIgnoreCase) >= 0);
                case FitOperator.BeginsWith:
                    return operands.Any(operand => ((string)value).StartsWith((string)operand, StringComparison.OrdinalIgnoreCase));
                case FitOperator.GreaterThan:
                    return Compare(value, operands[0]) > 0;
                case FitOperator.LessThan:
                    return Compare(value, operands[0]) < 0;
                case FitOperator.Between:
                    if (operands.Count != 2)
                    {
                        throw new StaleRuleException("'between' needs two values, low;high");
                    }

                    return Compare(value, operands[0]) >= 0 && Compare(value, operands[1]) <= 0;
                default:
                    throw new StaleRuleException($"the operator {op} is unknown");
            }
        }

        /// <summary>A normalized value's items: the value text split at ';', trimmed.</summary>
        public static IReadOnlyList<string> Split(string? text) =>
            (text ?? string.Empty).Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries).Select(item => item.Trim()).Where(item => item.Length > 0).ToList();

        /// <summary>Parses one item of a rule's value for a column of <paramref name="type"/>; a value that does not parse is a stale rule.</summary>
        public static object Parse(string type, string item)
        {
            var invariant = CultureInfo.InvariantCulture;
            switch (type)
            {
                case "String":
                case "Memo":
                    return item;
                case "Integer":
                case "BigInt":
                case "Picklist":
                case "State":
                case "Status":
                    return long.TryParse(item, NumberStyles.Integer, invariant, out var whole) ? (decimal)whole : throw new StaleRuleException($"'{item}' is not a whole number");
                case "Decimal":
                case "Double":
                case "Money":
                    return decimal.TryParse(item, NumberStyles.Number, invariant, out var number) ? number : throw new StaleRuleException($"'{item}' is not a number");
                case "DateTime":
                    return DateTime.TryParse(item, invariant, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date) ? date : throw new StaleRuleException($"'{item}' is not a date");
                case "Boolean":
                    return item == "1" || item.Equals("true", StringComparison.OrdinalIgnoreCase) ? true
                        : item == "0" || item.Equals("false", StringComparison.OrdinalIgnoreCase) ? (object)false
                        : throw new StaleRuleException($"'{item}' is not true or false");
                case "Lookup":
                case "Customer":
                case "Owner":
                case "Uniqueidentifier":
                    return Guid.TryParse(item, out var id) ? id : throw new StaleRuleException($"'{item}' is not a row id");
                default:
                    throw new StaleRuleException($"a {type} column cannot be scored");
            }
        }

        private static object? Normalize(object? value)
        {
            switch (value)
            {
                case null:
                    return null;
                case OptionSetValue option:
                    return (decimal)option.Value;
                case Money money:
                    return money.Value;
                case EntityReference reference:
                    return reference.Id;
                case int or long or double or float:
                    return Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                case string text:
                    return text.Trim();
                default:
                    return value;
            }
        }

        private static int Compare(object left, object right)
        {
            switch (left)
            {
                case string text when right is string other:
                    return string.Compare(text, other, StringComparison.OrdinalIgnoreCase);
                case decimal number when right is decimal otherNumber:
                    return number.CompareTo(otherNumber);
                case DateTime date when right is DateTime otherDate:
                    return date.ToUniversalTime().CompareTo(otherDate.ToUniversalTime());
                case bool flag when right is bool otherFlag:
                    return flag.CompareTo(otherFlag);
                case Guid id when right is Guid otherId:
                    return id.CompareTo(otherId);
                default:
                    throw new StaleRuleException($"the lead's value ({left.GetType().Name}) does not fit the rule's column type");
            }
        }
    }

    /// <summary>A rule that cannot be evaluated any more: skipped and traced, never failing a lead save.</summary>
    internal sealed class StaleRuleException : Exception
    {
        public StaleRuleException(string message)
            : base(message)
        {
        }
    }
}
