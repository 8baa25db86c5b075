// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    public sealed class EntityCollection : IExtensibleDataObject
    {
        private readonly DataCollection<Entity> _entities;

        public EntityCollection()
        {
            _entities = new DataCollection<Entity>();
        }

        public EntityCollection(IList<Entity> list)
        {
            _entities = new DataCollection<Entity>(list);
        }

        public DataCollection<Entity> Entities => _entities;

        public Entity this[int index]
        {
            get => _entities[index];
            set => _entities[index] = value;
        }

        public string EntityName { get; set; }

        public bool MoreRecords { get; set; }

        public string PagingCookie { get; set; }

        public string MinActiveRowVersion { get; set; }

        public int TotalRecordCount { get; set; }

        public bool TotalRecordCountLimitExceeded { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
