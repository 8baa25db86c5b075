using System;
using System.Linq;
using LeadAlign.Lifecycle;
using LeadAlign.Plugins.Registration;
using LeadAlign.Runtime;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Plugins.Lifecycle
{
    /// <summary>
    /// Refuses, before anything is written, a stage change the agreement does not allow: a move not in the agreed map (the
    /// message names the current stage and the stages allowed from it), an acceptance by anyone but the owner or a LeadAlign
    /// administrator, an SQL without the agreement's BANT columns (named), a rejection without a reason (or without notes when
    /// the reason is Other). Disqualifying through statecode is a rejection and needs the same reason.
    /// A save that asks for no stage change costs nothing.
    /// </summary>
    [PluginStep("1ead5c0e-0006-4000-8000-000000000001", "Create", "lead", PluginStage.PreValidation)]
    [PluginStep("1ead5c0e-0006-4000-8000-000000000002", "Update", "lead", PluginStage.PreValidation,
        FilteringAttributes = $"{LeadTable.Stage},statecode",
        PreImageAttributes = $"{LeadTable.Stage},ownerid,{LeadTable.RejectionReason},{LeadTable.RejectionNotes},{{SqlRequiredColumns}}")]
    public sealed class ValidateLeadStagePlugin : PluginBase
    {
        public ValidateLeadStagePlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(ValidateLeadStagePlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var target = context.GetTargetEntity();
            if (target == null)
            {
                return;
            }

            var requested = LeadStageRequest.Requested(target);
            if (context.MessageName == "Create")
            {
                if (requested != null && requested != LeadStage.Inquiry)
                {
                    throw new BusinessRuleException($"A new lead starts as an Inquiry; it becomes an MQL when its score and data qualify it. Leave Stage empty (it was {LeadStages.Name(requested.Value)}).");
                }

                return;
            }

            var preImage = context.GetPreImage("PreImage");
            var current = LeadStageRequest.Current(preImage);
            if (requested == null || requested == current)
            {
                return;
            }

            if (!LeadStages.IsAllowed(current, requested.Value))
            {
                throw new BusinessRuleException(LeadStages.RefusalFor(current, requested.Value));
            }

            var lead = target.MergeWithPreImage(preImage);
            switch (LeadStages.Of(requested.Value).Requirement)
            {
                case StageRequirement.OwnerOrAdministrator:
                    // The owner before this save: taking the lead over in the same update does not make a rep its owner.
                    RequireOwnerOrAdministrator(localPluginContext, preImage);
                    break;
                case StageRequirement.AgreementSqlColumns:
                    var agreement = localPluginContext.ActiveAgreement();
                    var missing = agreement == null ? Array.Empty<string>() : Agreement.Missing(agreement.SqlRequiredColumns, lead).ToArray();
                    if (missing.Length > 0)
                    {
                        throw new BusinessRuleException($"To make this lead an SQL, fill in: {string.Join("; ", missing)}. The agreement requires them.");
                    }

                    break;
                case StageRequirement.Qualification:
                    if (target.GetAttributeValue<OptionSetValue>(LeadTable.StateCode)?.Value != LeadStageRequest.Qualified)
                    {
                        throw new BusinessRuleException("A lead becomes Converted by qualifying it (Qualify on the command bar, or the QualifyLead message), which creates its account, contact and opportunity. Qualify the lead instead of setting its stage.");
                    }

                    break;
                case StageRequirement.RejectionReason:
                    var reason = (RejectionReason?)lead.GetAttributeValue<OptionSetValue>(LeadTable.RejectionReason)?.Value;
                    if (reason == null)
                    {
                        throw new BusinessRuleException("Choose a rejection reason (not a fit, no budget, bad contact data, duplicate, competitor, student or job seeker, not ready yet, or other) before rejecting the lead: marketing counts them.");
                    }

                    if (reason == RejectionReason.Other && string.IsNullOrWhiteSpace(lead.GetAttributeValue<string>(LeadTable.RejectionNotes)))
                    {
                        throw new BusinessRuleException("The rejection reason is Other: add rejection notes that tell marketing why.");
                    }

                    break;
            }
        }

        private static void RequireOwnerOrAdministrator(ILocalPluginContext localPluginContext, Entity? preImage)
        {
            var user = localPluginContext.PluginExecutionContext.InitiatingUserId;
            var owner = preImage?.GetAttributeValue<EntityReference>(LeadTable.OwnerId);
            if (owner != null && owner.Id == user)
            {
                return;
            }

            var roles = new QueryExpression(RoleTables.Role) { ColumnSet = new ColumnSet(RoleTables.Name), TopCount = 1 };
            roles.Criteria.AddCondition(RoleTables.Name, ConditionOperator.In, RoleTables.LeadAlignAdministrator, RoleTables.SystemAdministrator);
            var membership = roles.AddLink(RoleTables.SystemUserRoles, RoleTables.RoleId, RoleTables.RoleId);
            membership.LinkCriteria.AddCondition(RoleTables.SystemUserId, ConditionOperator.Equal, user);
            if (localPluginContext.SystemUserService.RetrieveMultiple(roles).Entities.Count == 0)
            {
                throw new BusinessRuleException("Only the lead's owner or a LeadAlign administrator can accept this lead. Ask the owner, or have it reassigned to you first.");
            }
        }
    }
}
