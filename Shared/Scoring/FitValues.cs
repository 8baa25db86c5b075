using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Scoring
{
    /// <summary>
    /// Values as fit rules compare them, as Dataverse compares them: text without regard to case, choices by value, lookups by
    /// id, money by amount, dates in UTC. A value that does not parse or fit raises <see cref="StaleRuleException"/>.
    /// </summary>
    internal static class FitValues
    {
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

        /// <summary>A lead's column value as rules compare it: choices by value, lookups by id, money by amount, numbers as decimal, text trimmed.</summary>
        public static object? Normalize(object? value)
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

        /// <summary>Compares a normalized lead value with a parsed rule value of the same kind.</summary>
        public static int Compare(object left, object right)
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
}
