using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Storage
{
    /// <summary>
    /// An exclusive lock on one row, held by the transaction that wrote it (or is about to) until it commits or rolls back, with the
    /// row as it was committed when the lock was taken: what every other transaction reads instead of the uncommitted row (null when
    /// the row did not exist, so a row the owner inserted stays invisible to the others; a row it deleted stays visible).
    /// </summary>
    internal sealed class RowLock
    {
        public RowLock(StoreTransaction owner, Entity? committed)
        {
            Owner = owner;
            Committed = committed;
        }

        public StoreTransaction Owner { get; }

        public Entity? Committed { get; }
    }
}
