using System;
using System.Collections.Generic;
using System.Globalization;
using LeadAlign.Lifecycle;
using LeadAlign.Runtime;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;

namespace LeadAlign.Sla
{
    /// <summary>
    /// Whether this organization lets SLA KPI instances regard leads: the lead table's "Enable for SLA" (EntityMetadata.IsSLAEnabled),
    /// read with one RetrieveEntity and kept per organization for <see cref="MaxAge"/> of platform time while it is off, and for good
    /// once it is on (it cannot be turned off). Where it is off, creating a
    /// clock fails, and a failed nested request dooms the lead's whole transaction (it cannot be caught and carried on from), so the
    /// clock step asks first: it starts no clocks, says why in its trace, and shows a warning on the agreement the admin reviews.
    /// </summary>
    internal static class LeadSlaSupport
    {
        private static readonly OrganizationCache<Enablement> Cache = new OrganizationCache<Enablement>(TimeSpan.FromMinutes(10));

        /// <summary>The organizations whose lead this process found enabled for SLAs, which it stays: a cache that cannot go stale (one id an organization).</summary>
        private static readonly HashSet<Guid> KnownEnabled = new HashSet<Guid>();

        private static readonly object KnownEnabledGate = new object();

        /// <summary>How long an answer is kept: an admin who enables lead sees clocks start within this time.</summary>
        public static TimeSpan MaxAge => Cache.MaxAge;

        /// <summary>The agreement's warning while lead is not enabled for SLAs, with the time it was noticed.</summary>
        public static string Warning(DateTime noticedOn) =>
            "Lead is not enabled for SLAs: clocks are not started. LeadAlign starts no Accept by and First contact by clocks at handoffs "
            + "(noticed " + noticedOn.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC), and leads are handed off without them. "
            + "Enable it in the table settings of Lead (Enable for SLA; it cannot be turned off again): the next handoff starts its clocks and clears this warning.";

        /// <summary>
        /// True when lead is enabled for SLAs. While it is not, one RetrieveEntity per organization per <see cref="MaxAge"/>, none when
        /// the answer is fresh; once it is, never again in this process: "Enable for SLA" cannot be turned off once a table has it
        /// (Microsoft Learn, <i>Enable entities for service level agreements</i>), so a yes cannot go stale.
        /// </summary>
        public static bool LeadIsEnabled(Func<IOrganizationService> service, Guid organizationId, DateTime now, Action<string> trace)
        {
            lock (KnownEnabledGate)
            {
                if (KnownEnabled.Contains(organizationId))
                {
                    return true;
                }
            }

            var enabled = Cache.Get(organizationId, now, () =>
            {
                var response = (RetrieveEntityResponse)service().Execute(new RetrieveEntityRequest { LogicalName = LeadTable.EntityName, EntityFilters = EntityFilters.Entity });
                var answer = response.EntityMetadata?.IsSLAEnabled == true;
                trace(answer ? "SLA check: lead is enabled for SLAs." : "SLA check: lead is not enabled for SLAs.");
                return new Enablement(answer);
            })!.Enabled;
            if (enabled)
            {
                lock (KnownEnabledGate)
                {
                    KnownEnabled.Add(organizationId);
                }
            }

            return enabled;
        }

        /// <summary>
        /// Makes the agreement say whether clocks can start: writes the warning when they cannot and it is not there yet, clears it
        /// when they can and it is still there. One Update when the agreement says the wrong thing, none otherwise, so a warning is
        /// written once, not at every save (the update drops the cached agreement, whose next read has the warning).
        /// </summary>
        public static void ShowOnAgreement(IOrganizationService service, Agreement agreement, bool enabled, DateTime now, Action<string> trace)
        {
            var shown = !string.IsNullOrWhiteSpace(agreement.SlaWarning);
            if (enabled != shown)
            {
                return;
            }

            service.Update(new Entity(AgreementTable.EntityName, agreement.Id) { [AgreementTable.SlaWarning] = enabled ? null : Warning(now) });
            trace(enabled
                ? $"Lead is enabled for SLAs again: the SLA warning on the agreement '{agreement.Name}' is cleared."
                : $"The agreement '{agreement.Name}' now shows the SLA warning for the admin.");
        }

        private sealed class Enablement
        {
            public Enablement(bool enabled)
            {
                Enabled = enabled;
            }

            public bool Enabled { get; }
        }
    }
}
