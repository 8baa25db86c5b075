using System;
using System.Diagnostics;
using System.Linq;
using LeadAlign.Plugins.Handoffs;
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
    /// The Custom API la_GetAlignmentReport: the closed-loop report of a period (leads created in it, what they became, marketing's
    /// commitments, SLA compliance, rejections, score bands), computed from Dataverse rows as SYSTEM, so marketing users and sales
    /// managers see every lead's figures whatever they may read themselves. Its execute privilege is prvWritela_leadfeedback
    /// (answering rejection feedback), which marketing, sales managers and administrators hold and sales reps do not.
    /// The period's leads are counted first (by <see cref="CountReportLeadsPlugin"/> in PreValidation, outside the transaction).
    /// Service calls: the agreement, three choice labels, and nine queries of a page per 5,000 rows (the ninth: the closed weeks);
    /// and the platform's time zones (one query, kept an hour per organization) when the agreement has a time zone and they are not kept yet.
    /// </summary>
    [CustomApi(ApiName, DisplayName = "Get alignment report",
        Description = "The sales and marketing alignment report of a period as JSON: the lead waterfall with velocity, campaigns and sources, marketing's commitments, pipeline share, SLA compliance, rejections and score bands.",
        ExecutePrivilegeName = "prvWrite" + LeadFeedbackTable.EntityName,
        AllowedProcessingStepType = CustomApiProcessingStepType.SyncAndAsync,
        Request = typeof(GetAlignmentReportRequest), Response = typeof(GetAlignmentReportResponse))]
    public sealed class GetAlignmentReportPlugin : PluginBase
    {
        public const string ApiName = "la_GetAlignmentReport";

        /// <summary>How long the report may read before it gives up: well inside the two minutes a sandboxed plug-in may run.</summary>
        public static readonly TimeSpan ReadBudget = TimeSpan.FromSeconds(90);

        public GetAlignmentReportPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(GetAlignmentReportPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var clock = Stopwatch.StartNew();
            var context = localPluginContext.PluginExecutionContext;
            var request = context.GetCustomApiRequest<GetAlignmentReportRequest>();
            var period = ReportPeriod.Of(request);
            var service = localPluginContext.SystemUserService;
            var agreement = Agreement(service, request.AgreementId);
            var now = DateTime.SpecifyKind(context.OperationCreatedOn, DateTimeKind.Utc);
            ReportSettings settings;
            try
            {
                settings = new ReportSettings(agreement, () => TimeZoneDefinitions.Get(() => service, context.OrganizationId, now), period.Start, period.End, now);
            }
            catch (ArgumentException invalid)
            {
                throw new BusinessRuleException("The agreement's time zone cannot be used: " + invalid.Message);
            }

            var reader = new AlignmentReportReader(service, () => clock.Elapsed > ReadBudget);

            // Counted before the transaction by CountReportLeadsPlugin; inside a caller's transaction, here, where the platform's
            // refusal of a count over the aggregate limit fails the call rather than give figures that are not whole.
            var counted = ReportLeadCount.ReadFrom(context);
            var count = counted != null ? counted.Count : reader.CountLeads(period.Start, period.End, catchLimit: false);
            var result = AlignmentReport.Compute(reader, settings, count);
            localPluginContext.Trace($"Alignment report {period}: complete {result.Complete}, {result.Report.Length} characters.");
            context.SetCustomApiResponse(new GetAlignmentReportResponse { Report = result.Report, Complete = result.Complete, Notice = result.Notice });
        }

        private static Entity Agreement(IOrganizationService service, Guid? id)
        {
            var query = new QueryExpression(AgreementTable.EntityName) { ColumnSet = new ColumnSet(ReportSettings.AgreementColumns), TopCount = 1 };
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
                    : "There is no active sales and marketing agreement: activate one, or pass the AgreementId of the agreement to report against.");
        }
    }
}
