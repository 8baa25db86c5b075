using System;
using System.Collections.Generic;
using LeadAlign.Schema;

namespace LeadAlign.Scoring
{
    /// <summary>
    /// One fit rule operator with every fact about it: how users read it, how many values it compares with, the column types it
    /// applies to, and the test. <see cref="FitOperators.All"/> holds one per operator of the la_operator choice.
    /// </summary>
    internal sealed class FitOperatorDefinition
    {
        /// <summary>Any number of values, one or more (in list, contains, begins with).</summary>
        public const int OneOrMore = -1;

        public FitOperatorDefinition(FitOperator op, string label, int valueCount, IReadOnlyCollection<string> columnTypes, Func<object?, IReadOnlyList<object>, bool> test)
        {
            Operator = op;
            Label = label;
            ValueCount = valueCount;
            ColumnTypes = columnTypes;
            Test = test;
        }

        public FitOperator Operator { get; }

        /// <summary>As rule messages name it: "equals", "between".</summary>
        public string Label { get; }

        /// <summary>How many values the rule gives: 0, 1, 2, or <see cref="OneOrMore"/>.</summary>
        public int ValueCount { get; }

        /// <summary>The AttributeType names of the lead columns it can compare.</summary>
        public IReadOnlyCollection<string> ColumnTypes { get; }

        /// <summary>Whether the lead's value (normalized; null when empty) matches the rule's parsed values.</summary>
        public Func<object?, IReadOnlyList<object>, bool> Test { get; }
    }
}
