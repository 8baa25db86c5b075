using System;
using LeadAlign.Lifecycle;
using LeadAlign.Plugins.Registration;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Plugins.Lifecycle
{
    /// <summary>
    /// Stamps the lead's first contact: the first completed outgoing phone call or email, or completed appointment, owned by
    /// the lead's owner after the handoff. Sets la_firstcontacton and the minutes from handoff. At most two service calls
    /// (read the lead, update it); none for an activity that is not a completed contact regarding a lead.
    /// </summary>
    [PluginStep("1ead5c0e-0009-4000-8000-000000000001", "Create", "phonecall", PluginStage.PostOperation, PostImageAttributes = "regardingobjectid,ownerid,directioncode,statecode,actualend")]
    [PluginStep("1ead5c0e-0009-4000-8000-000000000002", "Update", "phonecall", PluginStage.PostOperation, FilteringAttributes = "statecode,directioncode,regardingobjectid,ownerid", PostImageAttributes = "regardingobjectid,ownerid,directioncode,statecode,actualend")]
    [PluginStep("1ead5c0e-0009-4000-8000-000000000003", "Create", "email", PluginStage.PostOperation, PostImageAttributes = "regardingobjectid,ownerid,directioncode,statecode,actualend")]
    [PluginStep("1ead5c0e-0009-4000-8000-000000000004", "Update", "email", PluginStage.PostOperation, FilteringAttributes = "statecode,directioncode,regardingobjectid,ownerid", PostImageAttributes = "regardingobjectid,ownerid,directioncode,statecode,actualend")]
    [PluginStep("1ead5c0e-0009-4000-8000-000000000005", "Create", "appointment", PluginStage.PostOperation, PostImageAttributes = "regardingobjectid,ownerid,statecode,actualend")]
    [PluginStep("1ead5c0e-0009-4000-8000-000000000006", "Update", "appointment", PluginStage.PostOperation, FilteringAttributes = "statecode,regardingobjectid,ownerid", PostImageAttributes = "regardingobjectid,ownerid,statecode,actualend")]
    public sealed class FirstContactPlugin : PluginBase
    {
        private const int Completed = 1;

        public FirstContactPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(FirstContactPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var activity = context.GetPostImage("PostImage");
            var regarding = activity?.GetAttributeValue<EntityReference>(ActivityColumns.RegardingObjectId);
            if (activity == null || regarding == null || regarding.LogicalName != LeadTable.EntityName)
            {
                return;
            }

            var outgoing = activity.LogicalName == "appointment" || activity.GetAttributeValue<bool?>(ActivityColumns.DirectionCode) == true;
            if (activity.GetAttributeValue<OptionSetValue>(ActivityColumns.StateCode)?.Value != Completed || !outgoing)
            {
                return;
            }

            var service = localPluginContext.SystemUserService;
            var lead = service.Retrieve(LeadTable.EntityName, regarding.Id, new ColumnSet(LeadTable.OwnerId, LeadTable.HandoffOn, LeadTable.FirstContactOn, LeadTable.Stage));
            var stage = (LeadStage?)lead.GetAttributeValue<OptionSetValue>(LeadTable.Stage)?.Value;
            if (stage == null || !LeadStages.Of(stage.Value).IsWorkedBySales)
            {
                localPluginContext.Trace("Not a first contact: the lead is not with sales (MQL, SAL or SQL).");
                return;
            }

            var handoff = lead.GetAttributeValue<DateTime?>(LeadTable.HandoffOn);
            // When Dataverse recorded the activity as completed, not its actual end, which the user types and could back-date
            // to close the clock on time.
            var contactedOn = context.OperationCreatedOn;
            var byOwner = lead.GetAttributeValue<EntityReference>(LeadTable.OwnerId)?.Id == activity.GetAttributeValue<EntityReference>(ActivityColumns.OwnerId)?.Id;
            if (handoff == null || lead.Contains(LeadTable.FirstContactOn) || !byOwner || contactedOn < handoff.Value)
            {
                localPluginContext.Trace("Not a first contact: no handoff yet, already contacted, not by the owner, or before the handoff.");
                return;
            }

            service.Update(new Entity(LeadTable.EntityName, regarding.Id)
            {
                [LeadTable.FirstContactOn] = contactedOn,
                [LeadTable.MinutesToFirstContact] = Math.Max(0, (int)(contactedOn - handoff.Value).TotalMinutes),
            });
            localPluginContext.Trace($"First contact of lead {regarding.Id} by its owner.");
        }
    }
}
