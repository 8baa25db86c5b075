// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Query objects are plain descriptions; the organization service (real or in-memory) evaluates them.
namespace Microsoft.Xrm.Sdk.Query
{
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
}
