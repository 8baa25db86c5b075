// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Query objects are plain descriptions; the organization service (real or in-memory) evaluates them.
using System.Collections;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    public sealed class ConditionExpression : IExtensibleDataObject
    {
        private readonly DataCollection<object> _values = new DataCollection<object>();

        public ConditionExpression()
        {
        }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator)
            : this(null, attributeName, conditionOperator, false, new object[0])
        {
        }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, object value)
            : this(null, attributeName, conditionOperator, false, new[] { value })
        {
        }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, params object[] values)
            : this(null, attributeName, conditionOperator, false, values)
        {
        }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, ICollection values)
            : this(null, attributeName, conditionOperator, false, ToArray(values))
        {
        }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
            : this(null, attributeName, conditionOperator, compareColumns, new[] { value })
        {
        }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values)
            : this(null, attributeName, conditionOperator, compareColumns, values)
        {
        }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator)
            : this(entityName, attributeName, conditionOperator, false, new object[0])
        {
        }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, object value)
            : this(entityName, attributeName, conditionOperator, false, new[] { value })
        {
        }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, params object[] values)
            : this(entityName, attributeName, conditionOperator, false, values)
        {
        }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
            : this(entityName, attributeName, conditionOperator, compareColumns, new[] { value })
        {
        }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values)
        {
            EntityName = entityName;
            AttributeName = attributeName;
            Operator = conditionOperator;
            CompareColumns = compareColumns;
            if (values != null)
            {
                _values.AddRange(values);
            }
        }

        public string EntityName { get; set; }

        public string AttributeName { get; set; }

        public ConditionOperator Operator { get; set; }

        public bool CompareColumns { get; set; }

        public DataCollection<object> Values => _values;

        public ExtensionDataObject ExtensionData { get; set; }

        private static object[] ToArray(ICollection values)
        {
            if (values == null)
            {
                return new object[0];
            }

            var array = new object[values.Count];
            values.CopyTo(array, 0);
            return array;
        }
    }
}
