using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Dataverse.Query
{
    /// <summary>
    /// Decides whether a row matches a filter, with Dataverse's (that is, SQL Server's) semantics:
    /// <list type="bullet">
    /// <item>a null or missing column matches only Null: NotEqual, NotIn, NotLike and the other negations do not match it;</item>
    /// <item>strings compare case-insensitively (the default collation);</item>
    /// <item>lookups compare by id, choices by value, money by amount;</item>
    /// <item>Like takes % and _ wildcards; BeginsWith, EndsWith and Contains are Like with the wildcards added;</item>
    /// <item>date operators take the date in UTC. Not modelled: the user's time zone, fiscal periods, hierarchy and team operators.</item>
    /// </list>
    /// A condition with an EntityName reads the linked table's column under its alias ("alias.column").
    /// An operator the in-memory Dataverse does not evaluate fails with <see cref="NotSupportedException"/> naming it.
    /// </summary>
    public sealed class ConditionEvaluator
    {
        private readonly Func<DateTime> _utcNow;
        private readonly Guid _callerId;

        public ConditionEvaluator(Func<DateTime> utcNow, Guid callerId)
        {
            _utcNow = utcNow ?? throw new ArgumentNullException(nameof(utcNow));
            _callerId = callerId;
        }

        public bool Matches(Entity row, FilterExpression? filter)
        {
            if (filter == null)
            {
                return true;
            }

            // Conditions first, then nested filters, stopping at the first that decides (an AND's first false, an OR's first true).
            var and = filter.FilterOperator == LogicalOperator.And;
            if (!and && !HasClauses(filter))
            {
                return true;
            }

            foreach (var condition in filter.Conditions)
            {
                if (Matches(row, condition) != and)
                {
                    return !and;
                }
            }

            foreach (var child in filter.Filters)
            {
                if (Matches(row, child) != and)
                {
                    return !and;
                }
            }

            return and;
        }

        public bool Matches(Entity row, ConditionExpression condition)
        {
            var column = string.IsNullOrEmpty(condition.EntityName) ? condition.AttributeName : condition.EntityName + "." + condition.AttributeName;
            var value = Normalize(row.Attributes.TryGetValue(column, out var raw) ? raw : null);
            switch (condition.Operator)
            {
                case ConditionOperator.Null:
                    return value == null;
                case ConditionOperator.NotNull:
                    return value != null;
            }

            if (value == null)
            {
                return false;
            }

            var operands = new List<object?>(condition.Values.Count);
            foreach (var operand in condition.Values)
            {
                operands.Add(Normalize(operand));
            }

            switch (condition.Operator)
            {
                case ConditionOperator.Equal:
                    return Compare(value, Single(condition, operands)) == 0;
                case ConditionOperator.NotEqual:
                    return Compare(value, Single(condition, operands)) != 0;
                case ConditionOperator.In:
                    return operands.Any(operand => operand != null && Compare(value, operand) == 0);
                case ConditionOperator.NotIn:
                    return operands.All(operand => operand == null || Compare(value, operand) != 0);
                case ConditionOperator.GreaterThan:
                    return Compare(value, Single(condition, operands)) > 0;
                case ConditionOperator.GreaterEqual:
                    return Compare(value, Single(condition, operands)) >= 0;
                case ConditionOperator.LessThan:
                    return Compare(value, Single(condition, operands)) < 0;
                case ConditionOperator.LessEqual:
                    return Compare(value, Single(condition, operands)) <= 0;
                case ConditionOperator.Between:
                case ConditionOperator.NotBetween:
                    var (low, high) = Pair(condition, operands);
                    var inside = Compare(value, low) >= 0 && Compare(value, high) <= 0;
                    return condition.Operator == ConditionOperator.Between ? inside : !inside;
                case ConditionOperator.Like:
                    return Like(value, Text(condition, operands));
                case ConditionOperator.NotLike:
                    return !Like(value, Text(condition, operands));
                case ConditionOperator.BeginsWith:
                    return Like(value, EscapeLike(Text(condition, operands)) + "%");
                case ConditionOperator.DoesNotBeginWith:
                    return !Like(value, EscapeLike(Text(condition, operands)) + "%");
                case ConditionOperator.EndsWith:
                    return Like(value, "%" + EscapeLike(Text(condition, operands)));
                case ConditionOperator.DoesNotEndWith:
                    return !Like(value, "%" + EscapeLike(Text(condition, operands)));
                case ConditionOperator.Contains:
                    return Like(value, "%" + EscapeLike(Text(condition, operands)) + "%");
                case ConditionOperator.DoesNotContain:
                    return !Like(value, "%" + EscapeLike(Text(condition, operands)) + "%");
                case ConditionOperator.On:
                    return Date(value).Date == Date(Single(condition, operands)).Date;
                case ConditionOperator.NotOn:
                    return Date(value).Date != Date(Single(condition, operands)).Date;
                case ConditionOperator.OnOrAfter:
                    return Date(value).Date >= Date(Single(condition, operands)).Date;
                case ConditionOperator.OnOrBefore:
                    return Date(value).Date <= Date(Single(condition, operands)).Date;
                case ConditionOperator.LastXHours:
                    return Within(value, _utcNow().AddHours(-Count(condition, operands)), _utcNow());
                case ConditionOperator.NextXHours:
                    return Within(value, _utcNow(), _utcNow().AddHours(Count(condition, operands)));
                case ConditionOperator.LastXDays:
                    return Within(value, _utcNow().Date.AddDays(-Count(condition, operands)), _utcNow());
                case ConditionOperator.NextXDays:
                    return Within(value, _utcNow(), _utcNow().Date.AddDays(Count(condition, operands) + 1).AddTicks(-1));
                case ConditionOperator.OlderThanXDays:
                    return Date(value) < _utcNow().AddDays(-Count(condition, operands));
                case ConditionOperator.OlderThanXHours:
                    return Date(value) < _utcNow().AddHours(-Count(condition, operands));
                case ConditionOperator.Today:
                    return Date(value).Date == _utcNow().Date;
                case ConditionOperator.Yesterday:
                    return Date(value).Date == _utcNow().Date.AddDays(-1);
                case ConditionOperator.Tomorrow:
                    return Date(value).Date == _utcNow().Date.AddDays(1);
                case ConditionOperator.EqualUserId:
                    return value is Guid user && user == _callerId;
                case ConditionOperator.NotEqualUserId:
                    return !(value is Guid other && other == _callerId);
                default:
                    throw new NotSupportedException("The in-memory Dataverse does not evaluate the condition operator " + condition.Operator + " (on " + condition.AttributeName + ").");
            }
        }

        /// <summary>The comparable form of a column value: a lookup's id, a choice's value, money's amount, an alias's value.</summary>
        public static object? Normalize(object? value) => value switch
        {
            null => null,
            AliasedValue aliased => Normalize(aliased.Value),
            EntityReference reference => reference.Id,
            OptionSetValue option => option.Value,
            Money money => money.Value,
            Enum enumeration => Convert.ToInt32(enumeration, CultureInfo.InvariantCulture),
            _ => value,
        };

        /// <summary>Orders two normalised values: numbers by value, strings case-insensitively, dates in UTC, ids as ids.</summary>
        public static int Compare(object left, object right)
        {
            if (IsNumber(left) && IsNumber(right))
            {
                return Convert.ToDouble(left, CultureInfo.InvariantCulture) == Convert.ToDouble(right, CultureInfo.InvariantCulture)
                    ? decimal.Compare(ToDecimal(left), ToDecimal(right))
                    : Convert.ToDouble(left, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(right, CultureInfo.InvariantCulture));
            }

            if (left is DateTime leftDate)
            {
                return leftDate.ToUniversalTime().CompareTo(Date(right).ToUniversalTime());
            }

            if (left is Guid leftId)
            {
                return leftId.CompareTo(right is Guid rightId ? rightId : Guid.Parse(Convert.ToString(right, CultureInfo.InvariantCulture)!));
            }

            if (left is bool leftFlag)
            {
                return leftFlag.CompareTo(right is bool rightFlag ? rightFlag : Convert.ToBoolean(right, CultureInfo.InvariantCulture));
            }

            return string.Compare(
                Convert.ToString(left, CultureInfo.InvariantCulture),
                Convert.ToString(right, CultureInfo.InvariantCulture),
                StringComparison.OrdinalIgnoreCase);
        }

        private static bool HasClauses(FilterExpression filter) => filter.Conditions.Count > 0 || filter.Filters.Count > 0;

        private static bool IsNumber(object value) => value is int or long or short or byte or decimal or double or float;

        private static decimal ToDecimal(object value)
        {
            try
            {
                return Convert.ToDecimal(value, CultureInfo.InvariantCulture);
            }
            catch (OverflowException)
            {
                return Convert.ToDouble(value, CultureInfo.InvariantCulture) > 0 ? decimal.MaxValue : decimal.MinValue;
            }
        }

        private static DateTime Date(object? value) => value switch
        {
            DateTime date => date.Kind == DateTimeKind.Local ? date.ToUniversalTime() : date,
            string text => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            _ => throw new InvalidCastException("A date condition compares a date column with a date, not with " + (value?.GetType().Name ?? "null") + "."),
        };

        private static bool Within(object value, DateTime from, DateTime to)
        {
            var date = Date(value);
            return date >= from && date <= to;
        }

        private static object Single(ConditionExpression condition, List<object?> operands)
        {
            if (operands.Count != 1 || operands[0] == null)
            {
                throw new FormatException("The condition operator " + condition.Operator + " on " + condition.AttributeName + " takes exactly one value, but " + operands.Count + " were given.");
            }

            return operands[0]!;
        }

        private static (object Low, object High) Pair(ConditionExpression condition, List<object?> operands)
        {
            if (operands.Count != 2 || operands.Any(o => o == null))
            {
                throw new FormatException("The condition operator " + condition.Operator + " on " + condition.AttributeName + " takes exactly two values.");
            }

            return (operands[0]!, operands[1]!);
        }

        private static string Text(ConditionExpression condition, List<object?> operands) =>
            Convert.ToString(Single(condition, operands), CultureInfo.InvariantCulture)!;

        private static int Count(ConditionExpression condition, List<object?> operands) =>
            Convert.ToInt32(Single(condition, operands), CultureInfo.InvariantCulture);

        private static string EscapeLike(string text) => text.Replace("[", "[[]").Replace("%", "[%]").Replace("_", "[_]");

        /// <summary>SQL LIKE: % is any run of characters, _ one character, [..] a character class; case-insensitive.</summary>
        private static bool Like(object value, string pattern)
        {
            var regex = new StringBuilder("^");
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                if (c == '%')
                {
                    regex.Append(".*");
                }
                else if (c == '_')
                {
                    regex.Append('.');
                }
                else if (c == '[' && pattern.IndexOf(']', i + 1) is var close && close > i)
                {
                    var set = pattern.Substring(i + 1, close - i - 1);
                    regex.Append(set.Length == 1 ? Regex.Escape(set) : "[" + set.Replace("\\", "\\\\") + "]");
                    i = close;
                }
                else
                {
                    regex.Append(Regex.Escape(c.ToString()));
                }
            }

            return Regex.IsMatch(Convert.ToString(value, CultureInfo.InvariantCulture)!, regex.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);
        }
    }
}
