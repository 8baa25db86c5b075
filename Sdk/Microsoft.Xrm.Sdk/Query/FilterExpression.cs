// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Query objects are plain descriptions; the organization service (real or in-memory) evaluates them.
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    public sealed class FilterExpression : IExtensibleDataObject
    {
        private readonly DataCollection<ConditionExpression> _conditions = new DataCollection<ConditionExpression>();
        private readonly DataCollection<FilterExpression> _filters = new DataCollection<FilterExpression>();

        public FilterExpression()
        {
        }

        public FilterExpression(LogicalOperator filterOperator)
        {
            FilterOperator = filterOperator;
        }

        public LogicalOperator FilterOperator { get; set; }

        public DataCollection<ConditionExpression> Conditions => _conditions;

        public DataCollection<FilterExpression> Filters => _filters;

        public string FilterHint { get; set; }

        public bool IsQuickFindFilter { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        public void AddCondition(ConditionExpression condition)
        {
            _conditions.Add(condition);
        }

        public void AddCondition(string attributeName, ConditionOperator conditionOperator, params object[] values)
        {
            _conditions.Add(new ConditionExpression(attributeName, conditionOperator, values));
        }

        public void AddCondition(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
        {
            _conditions.Add(new ConditionExpression(attributeName, conditionOperator, compareColumns, value));
        }

        public void AddCondition(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values)
        {
            _conditions.Add(new ConditionExpression(attributeName, conditionOperator, compareColumns, values));
        }

        public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, params object[] values)
        {
            _conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, values));
        }

        public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
        {
            _conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, compareColumns, value));
        }

        public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values)
        {
            _conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, compareColumns, values));
        }

        public void AddFilter(FilterExpression childFilter)
        {
            if (childFilter != null)
            {
                _filters.Add(childFilter);
            }
        }

        public FilterExpression AddFilter(LogicalOperator logicalOperator)
        {
            var child = new FilterExpression(logicalOperator);
            _filters.Add(child);
            return child;
        }
    }
}
