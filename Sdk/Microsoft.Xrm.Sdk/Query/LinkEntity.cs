// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Query objects are plain descriptions; the organization service (real or in-memory) evaluates them.
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
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
}
