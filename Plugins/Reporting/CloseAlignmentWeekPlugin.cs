using System;
using System.Linq;
using LeadAlign.Plugins.Registration;
using LeadAlign.Reporting;
using LeadAlign.Runtime;
using LeadAlign.Schema;
using LeadAlign.Sla;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Plugins.Reporting
{
    /// <summary>
    /// The Custom API la_CloseAlignmentWeek: closes a business week of an agreement (the last full week, in the agreement's time
    /// zone, unless WeekStart names another) into its la_alignmentweek row, as SYSTEM; see <see cref="AlignmentWeekClose"/>.
    /// Idempotent: closing the same week again updates the same row, and notifies the team managers only when a figure changed.
    /// A week that is not over is refused. Its execute privilege is prvWritela_leadfeedback, as la_GetAlignmentReport's:
    /// marketing, sales managers and administrators hold it, sales reps do not. The shipped cloud flow calls it every Monday.
    /// </summary>
    [CustomApi(ApiName, DisplayName = "Close alignment week",
        Description = "Writes a business week's alignment scorecard (both teams' commitments beside the actuals) to its la_alignmentweek row and notifies both team managers. Re-runnable: the same week always updates the same row.",
        ExecutePrivilegeName = "prvWrite" + LeadFeedbackTable.EntityName,
        AllowedProcessingStepType = CustomApiProcessingStepType.SyncAndAsync,
        Request = typeof(CloseAlignmentWeekRequest), Response = typeof(CloseAlignmentWeekResponse))]
    public sealed class CloseAlignmentWeekPlugin : PluginBase
    {
        public const string ApiName = "la_CloseAlignmentWeek";

        public CloseAlignmentWeekPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(CloseAlignmentWeekPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var request = context.GetCustomApiRequest<CloseAlignmentWeekRequest>();
            var system = localPluginContext.SystemUserService;
            var agreement = Agreement(system, request.AgreementId);
            var now = DateTime.SpecifyKind(context.OperationCreatedOn, DateTimeKind.Utc);
            TimeZoneInfo zone;
            try
            {
                zone = TimeZoneDefinitions.ZoneOf(agreement.GetAttributeValue<int?>(AgreementTable.TimeZoneCode), () => TimeZoneDefinitions.Get(() => system, context.OrganizationId, now));
            }
            catch (ArgumentException invalid)
            {
                throw new BusinessRuleException("The agreement's time zone cannot be used: " + invalid.Message);
            }

            var week = request.WeekStart.HasValue ? AlignmentWeekSpan.Containing(request.WeekStart.Value, zone) : AlignmentWeekSpan.LastFull(now, zone);
            var closed = AlignmentWeekClose.Close(system, agreement, week, now, message => localPluginContext.Trace(message));
            context.SetCustomApiResponse(new CloseAlignmentWeekResponse { AlignmentWeek = closed.Week, Created = closed.Created, Changed = closed.Changed, Summary = closed.Summary });
        }

        private static Entity Agreement(IOrganizationService service, Guid? id)
        {
            var query = new QueryExpression(AgreementTable.EntityName) { ColumnSet = new ColumnSet(AlignmentWeekClose.AgreementColumns), TopCount = 1 };
            if (id.HasValue && id.Value != Guid.Empty)
            {
                query.Criteria.AddCondition(AgreementTable.Id, ConditionOperator.Equal, id.Value);
            }
            else
            {
                query.Criteria.AddCondition(AgreementTable.IsActive, ConditionOperator.Equal, true);
            }

            return service.RetrieveMultiple(query).Entities.FirstOrDefault()
                ?? throw new BusinessRuleException(id.HasValue && id.Value != Guid.Empty
                    ? $"There is no sales and marketing agreement with the id {id.Value}: pass the id of an existing agreement, or none for the active one."
                    : "There is no active sales and marketing agreement: activate one, or pass the AgreementId of the agreement whose week to close.");
        }
    }
}
