using System;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Lifecycle
{
    /// <summary>
    /// Serializes handoffs: before a handoff reads the rotation and the reps' open leads, it updates the active agreement's
    /// la_lastroutingon inside the lead's transaction. The update takes SQL's lock on the agreement row and holds it until the
    /// save commits or rolls back, so a second handoff waits at its own update and then reads what the first committed: two
    /// handoffs can no longer pick the same rep or both fill a rep's last place under the cap. This is the lock-first pattern of
    /// Microsoft Learn's *Scalable Customization Design: Auto-numbering example*
    /// (learn.microsoft.com/power-apps/developer/data-platform/scalable-customization-design/auto-numbering-example): an update
    /// of the shared row first, inside the transaction, then the read, then the write of the new value (the agreement's handoff
    /// count). The column is in no step's filtering attributes, so the update runs no LeadAlign step and keeps the cached
    /// agreement; it is not audited. It is written as SYSTEM: the users whose saves hand leads off (marketing creating them,
    /// reps or integrations updating them) may only read the agreement, and must not be given Write on it.
    /// </summary>
    internal static class RoutingLock
    {
        /// <summary>Takes the lock: one Update, as SYSTEM (<paramref name="system"/>), held until the lead's save ends.</summary>
        public static void Take(IOrganizationService system, Guid agreementId, DateTime now) =>
            system.Update(new Entity(AgreementTable.EntityName, agreementId) { [AgreementTable.LastRoutingOn] = now });

        /// <summary>Records the handoff's position as the agreement's handoff count, under the lock. One Update, as SYSTEM.</summary>
        public static void Advance(IOrganizationService system, Guid agreementId, int position) =>
            system.Update(new Entity(AgreementTable.EntityName, agreementId) { [AgreementTable.HandoffCount] = position });
    }
}
