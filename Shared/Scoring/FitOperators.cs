using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Schema;

namespace LeadAlign.Scoring
{
    /// <summary>
    /// The fit rule operators, one row each (<see cref="FitOperatorDefinition"/>), in the order rule messages list them. Adding
    /// an operator is adding its option to the la_operator choice (then <c>leadalign schema</c>) and its row here.
    /// </summary>
    internal static class FitOperators
    {
        private static readonly string[] Text = { "String" };
        private static readonly string[] LongText = { "Memo" };
        private static readonly string[] WholeNumbers = { "Integer", "BigInt" };
        private static readonly string[] OtherNumbersAndDates = { "Decimal", "Double", "Money", "DateTime" };
        private static readonly string[] YesNo = { "Boolean" };
        private static readonly string[] ChoicesAndLookups = { "Picklist", "State", "Status", "Lookup", "Customer", "Owner", "Uniqueidentifier" };

        public static readonly IReadOnlyList<FitOperatorDefinition> All = new[]
        {
            new FitOperatorDefinition(FitOperator.Equals, "equals", 1, Types(Text, WholeNumbers, OtherNumbersAndDates, YesNo, ChoicesAndLookups), (value, operands) => value != null && FitValues.Compare(value, operands[0]) == 0),
            new FitOperatorDefinition(FitOperator.NotEquals, "not equals", 1, Types(Text, WholeNumbers, OtherNumbersAndDates, YesNo, ChoicesAndLookups), (value, operands) => value != null && FitValues.Compare(value, operands[0]) != 0),
            new FitOperatorDefinition(FitOperator.InList, "in list", FitOperatorDefinition.OneOrMore, Types(Text, WholeNumbers, ChoicesAndLookups), (value, operands) => value != null && operands.Any(operand => FitValues.Compare(value, operand) == 0)),
            new FitOperatorDefinition(FitOperator.Contains, "contains", FitOperatorDefinition.OneOrMore, Types(Text, LongText), (value, operands) => value != null && operands.Any(operand => ((string)value).IndexOf((string)operand, StringComparison.OrdinalIgnoreCase) >= 0)),
            new FitOperatorDefinition(FitOperator.BeginsWith, "begins with", FitOperatorDefinition.OneOrMore, Types(Text, LongText), (value, operands) => value != null && operands.Any(operand => ((string)value).StartsWith((string)operand, StringComparison.OrdinalIgnoreCase))),
            new FitOperatorDefinition(FitOperator.GreaterThan, "greater than", 1, Types(WholeNumbers, OtherNumbersAndDates), (value, operands) => value != null && FitValues.Compare(value, operands[0]) > 0),
            new FitOperatorDefinition(FitOperator.LessThan, "less than", 1, Types(WholeNumbers, OtherNumbersAndDates), (value, operands) => value != null && FitValues.Compare(value, operands[0]) < 0),
            new FitOperatorDefinition(FitOperator.Between, "between", 2, Types(WholeNumbers, OtherNumbersAndDates), Between),
            new FitOperatorDefinition(FitOperator.HasValue, "has value", 0, Types(Text, LongText, WholeNumbers, OtherNumbersAndDates, YesNo, ChoicesAndLookups), (value, operands) => value != null),
            new FitOperatorDefinition(FitOperator.IsEmpty, "is empty", 0, Types(Text, LongText, WholeNumbers, OtherNumbersAndDates, YesNo, ChoicesAndLookups), (value, operands) => value == null),
        };

        private static readonly Dictionary<FitOperator, FitOperatorDefinition> ByOperator = All.ToDictionary(definition => definition.Operator);

        /// <summary>The operators each column type accepts, in the table's order; rule validation refuses any other.</summary>
        public static readonly IReadOnlyDictionary<string, FitOperator[]> ByColumnType = All
            .SelectMany(definition => definition.ColumnTypes.Select(type => new { Type = type, definition.Operator }))
            .GroupBy(pair => pair.Type, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(pair => pair.Operator).ToArray(), StringComparer.Ordinal);

        /// <summary>The operator's row; null for a value the choice does not have (a rule from a newer solution).</summary>
        public static FitOperatorDefinition? Of(FitOperator op) => ByOperator.TryGetValue(op, out var definition) ? definition : null;

        /// <summary>How rule messages name an operator.</summary>
        public static string Label(FitOperator op) => Of(op)?.Label ?? op.ToString();

        private static bool Between(object? value, IReadOnlyList<object> operands)
        {
            if (operands.Count != 2)
            {
                throw new StaleRuleException("'between' needs two values, low;high");
            }

            return value != null && FitValues.Compare(value, operands[0]) >= 0 && FitValues.Compare(value, operands[1]) <= 0;
        }

        private static string[] Types(params string[][] groups) => groups.SelectMany(group => group).ToArray();
    }
}
