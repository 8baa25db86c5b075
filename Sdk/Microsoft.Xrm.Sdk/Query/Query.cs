// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0: see ../DataCollection.cs.
// Query objects are plain descriptions; the organization service (real or in-memory) evaluates them.
using System.Collections;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    public abstract class QueryBase : IExtensibleDataObject
    {
        protected QueryBase()
        {
        }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    public enum LogicalOperator
    {
        And = 0,
        Or = 1,
    }

    public enum JoinOperator
    {
        Inner = 0,
        LeftOuter = 1,
        Natural = 2,
        MatchFirstRowUsingCrossApply = 3,
        In = 4,
        Exists = 5,
        Any = 6,
        NotAny = 7,
        All = 8,
        NotAll = 9,
    }

    public enum OrderType
    {
        Ascending = 0,
        Descending = 1,
    }

    /// <summary>The columns to return. A new ColumnSet asks for no columns (only the id); <c>new ColumnSet(true)</c> asks for all.</summary>
    public sealed class ColumnSet : IExtensibleDataObject
    {
        private readonly DataCollection<string> _columns = new DataCollection<string>();

        public ColumnSet()
        {
        }

        public ColumnSet(bool allColumns)
        {
            AllColumns = allColumns;
        }

        public ColumnSet(params string[] columns)
        {
            _columns.AddRange(columns);
        }

        public bool AllColumns { get; set; }

        public DataCollection<string> Columns => _columns;

        public ExtensionDataObject ExtensionData { get; set; }

        public void AddColumn(string column)
        {
            _columns.Add(column);
        }

        public void AddColumns(params string[] columns)
        {
            _columns.AddRange(columns);
        }
    }

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

    public sealed class OrderExpression : IExtensibleDataObject
    {
        public OrderExpression()
        {
        }

        public OrderExpression(string attributeName, OrderType orderType)
        {
            AttributeName = attributeName;
            OrderType = orderType;
        }

        public OrderExpression(string attributeName, OrderType orderType, string alias)
            : this(attributeName, orderType)
        {
            Alias = alias;
        }

        public OrderExpression(string attributeName, OrderType orderType, string alias, string entityName)
            : this(attributeName, orderType, alias)
        {
            EntityName = entityName;
        }

        public string AttributeName { get; set; }

        public OrderType OrderType { get; set; }

        public string Alias { get; set; }

        public string EntityName { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    /// <summary>Paging: page size (<see cref="Count"/>), 1-based <see cref="PageNumber"/>, and the cookie the previous page returned.</summary>
    public sealed class PagingInfo : IExtensibleDataObject
    {
        public int PageNumber { get; set; }

        public int Count { get; set; }

        public string PagingCookie { get; set; }

        public bool ReturnTotalRecordCount { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    public sealed class LinkEntity : IExtensibleDataObject
    {
        private readonly DataCollection<LinkEntity> _linkEntities = new DataCollection<LinkEntity>();
        private readonly DataCollection<OrderExpression> _orders = new DataCollection<OrderExpression>();

        public LinkEntity()
            : this(null, null, null, null, JoinOperator.Inner)
        {
        }

        public LinkEntity(string linkFromEntityName, string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            LinkFromEntityName = linkFromEntityName;
            LinkToEntityName = linkToEntityName;
            LinkFromAttributeName = linkFromAttributeName;
            LinkToAttributeName = linkToAttributeName;
            JoinOperator = joinOperator;
            Columns = new ColumnSet();
            LinkCriteria = new FilterExpression();
        }

        public string LinkFromEntityName { get; set; }

        public string LinkToEntityName { get; set; }

        public string LinkFromAttributeName { get; set; }

        public string LinkToAttributeName { get; set; }

        public JoinOperator JoinOperator { get; set; }

        public ColumnSet Columns { get; set; }

        public FilterExpression LinkCriteria { get; set; }

        public DataCollection<LinkEntity> LinkEntities => _linkEntities;

        public DataCollection<OrderExpression> Orders => _orders;

        public string EntityAlias { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName)
        {
            return AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);
        }

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            var link = new LinkEntity(LinkToEntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
            _linkEntities.Add(link);
            return link;
        }
    }

    /// <summary>A query over one table: columns, criteria, links, orders, TopCount, Distinct and paging.</summary>
    public sealed class QueryExpression : QueryBase
    {
        private readonly DataCollection<LinkEntity> _linkEntities = new DataCollection<LinkEntity>();
        private readonly DataCollection<OrderExpression> _orders = new DataCollection<OrderExpression>();

        public QueryExpression()
            : this(null)
        {
        }

        public QueryExpression(string entityName)
        {
            EntityName = entityName;
            ColumnSet = new ColumnSet();
            Criteria = new FilterExpression();
            PageInfo = new PagingInfo();
        }

        public string EntityName { get; set; }

        public ColumnSet ColumnSet { get; set; }

        public FilterExpression Criteria { get; set; }

        public DataCollection<LinkEntity> LinkEntities => _linkEntities;

        public DataCollection<OrderExpression> Orders => _orders;

        public PagingInfo PageInfo { get; set; }

        public int? TopCount { get; set; }

        public bool Distinct { get; set; }

        public bool NoLock { get; set; }

        public string QueryHints { get; set; }

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName)
        {
            return AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);
        }

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            var link = new LinkEntity(EntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
            _linkEntities.Add(link);
            return link;
        }

        public void AddOrder(string attributeName, OrderType orderType)
        {
            _orders.Add(new OrderExpression(attributeName, orderType));
        }

        public void AddOrder(string attributeName, OrderType orderType, string alias, string entityName)
        {
            _orders.Add(new OrderExpression(attributeName, orderType, alias, entityName));
        }
    }

    /// <summary>Equality conditions on named columns, joined with AND.</summary>
    public sealed class QueryByAttribute : QueryBase
    {
        private readonly DataCollection<string> _attributes = new DataCollection<string>();
        private readonly DataCollection<object> _values = new DataCollection<object>();
        private readonly DataCollection<OrderExpression> _orders = new DataCollection<OrderExpression>();

        public QueryByAttribute()
            : this(null)
        {
        }

        public QueryByAttribute(string entityName)
        {
            EntityName = entityName;
            ColumnSet = new ColumnSet();
            PageInfo = new PagingInfo();
        }

        public string EntityName { get; set; }

        public ColumnSet ColumnSet { get; set; }

        public DataCollection<string> Attributes => _attributes;

        public DataCollection<object> Values => _values;

        public DataCollection<OrderExpression> Orders => _orders;

        public PagingInfo PageInfo { get; set; }

        public int? TopCount { get; set; }

        public void AddAttributeValue(string attributeName, object value)
        {
            _attributes.Add(attributeName);
            _values.Add(value);
        }

        public void AddOrder(string attributeName, OrderType orderType)
        {
            _orders.Add(new OrderExpression(attributeName, orderType));
        }
    }

    /// <summary>A FetchXML query.</summary>
    public sealed class FetchExpression : QueryBase
    {
        public FetchExpression()
        {
        }

        public FetchExpression(string query)
        {
            Query = query;
        }

        public string Query { get; set; }
    }
}
