using System;
using System.Globalization;
using LeadAlign.Lifecycle;
using LeadAlign.Plugins.Registration;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Plugins.Lifecycle
{
    /// <summary>
    /// A rep picks a lead from the sales queue (PickFromQueue, which the platform runs as an Update of the queue item's workerid;
    /// PreOperation, in the pick's transaction): the lead is assigned to the picker as SYSTEM (the rep may not hold Assign on a
    /// lead the sales team owns), and <see cref="LeadLifecyclePlugin"/> hands it off from there: the routing path, the clocks from
    /// the pick, the minutes in the queue, the history row. An item someone else already works on is refused: the lead is
    /// theirs, and a second pick would take it from them; so is the item of a lead that no longer waits in the queue (handed off,
    /// rejected or recycled since). Items of other tables are left alone. Calls: one Retrieve of the lead and its Update (then
    /// the lifecycle's own); a refused second pick one more Retrieve, of the worker's name.
    /// </summary>
    [PluginStep("1ead5c0e-0040-4000-8000-000000000001", "Update", QueueItemTable.EntityName, PluginStage.PreOperation,
        FilteringAttributes = QueueItemTable.WorkerId,
        PreImageAttributes = QueueItemTable.ObjectId + "," + QueueItemTable.WorkerId + "," + QueueItemTable.WorkerIdModifiedOn,
        Description = "Assigns a lead picked from the sales queue to the rep who picked it, which hands it off.")]
    public sealed class QueueItemPickedPlugin : PluginBase
    {
        public QueueItemPickedPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(QueueItemPickedPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var target = context.GetTargetEntity();
            var preImage = context.GetPreImage("PreImage");
            var lead = preImage?.GetAttributeValue<EntityReference>(QueueItemTable.ObjectId);
            var worker = target?.GetAttributeValue<EntityReference>(QueueItemTable.WorkerId);
            if (lead == null || lead.LogicalName != LeadTable.EntityName || worker == null || worker.LogicalName != SystemUserTable.EntityName)
            {
                return;
            }

            var system = localPluginContext.SystemUserService;
            var current = preImage!.GetAttributeValue<EntityReference>(QueueItemTable.WorkerId);
            var stored = system.Retrieve(LeadTable.EntityName, lead.Id, new ColumnSet(LeadTable.Stage, LeadTable.QueuedOn, LeadTable.HandoffOn));
            var waits = stored.GetAttributeValue<OptionSetValue>(LeadTable.Stage)?.Value == (int)LeadStage.Mql
                && stored.GetAttributeValue<DateTime?>(LeadTable.QueuedOn) != null
                && stored.GetAttributeValue<DateTime?>(LeadTable.HandoffOn) == null;
            if (!waits && current != null && current.Id != worker.Id)
            {
                var name = system.Retrieve(SystemUserTable.EntityName, current.Id, new ColumnSet(SystemUserTable.FullName)).GetAttributeValue<string>(SystemUserTable.FullName);
                var since = preImage.GetAttributeValue<DateTime?>(QueueItemTable.WorkerIdModifiedOn);
                throw new InvalidPluginExecutionException(
                    $"{name} already picked this lead from the queue{(since == null ? string.Empty : " on " + since.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC")}, and it is theirs now. "
                    + "Pick another lead, or ask a sales manager to reassign this one.");
            }

            if (!waits && current != null)
            {
                localPluginContext.Trace("Picked again by the rep who works on it: nothing changes.");
                return;
            }

            if (!waits)
            {
                throw new InvalidPluginExecutionException(
                    "This lead no longer waits in the sales queue (it was handed off, rejected or sent back to marketing since it was queued), so picking it would take it from its owner. "
                    + "Remove the item from the queue, and pick another lead.");
            }

            // A lead waiting in the queue goes to the picker, even when the item still names a worker from an earlier handoff
            // (a lead recycled to Nurture and queued again keeps its queue item).
            system.Update(new Entity(LeadTable.EntityName, lead.Id) { [LeadTable.OwnerId] = new EntityReference(SystemUserTable.EntityName, worker.Id) });
            localPluginContext.Trace($"Lead {lead.Id} picked from the queue by {worker.Id}: assigned to them as SYSTEM.");
        }
    }
}
