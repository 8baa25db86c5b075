// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Query objects are plain descriptions; the organization service (real or in-memory) evaluates them.
namespace Microsoft.Xrm.Sdk.Query
{
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
}
