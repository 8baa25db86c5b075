using System;
using System.Diagnostics;
using System.Linq;
using LeadAlign.Plugins.Registration;
using LeadAlign.Reporting;
using LeadAlign.Runtime;
using LeadAlign.Schema;
using LeadAlign.Scoring.Calibration;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Plugins.Scoring.Calibration
{
    /// <summary>
    /// The Custom API la_GetScoringCalibration: how well the active scoring model's scores predicted what the period's MQLs became
    /// (AUC, Brier, reliability, SQL and win rate per band), how far the period's scores drifted from the period before (PSI),
    /// and the MQL threshold sales can absorb (the capacity threshold). Read-only, computed as SYSTEM from the rows with the
    /// assembler the alignment report's calibration section uses (<see cref="ScoringCalibration"/>); the same execute privilege
    /// as la_GetAlignmentReport (prvWritela_leadfeedback: marketing, sales managers, administrators; not reps).
    /// Service calls: the active agreement, then five queries of a page per 5,000 rows; out of time before a page, the answer
    /// is incomplete and says to ask for a shorter period.
    /// </summary>
    [CustomApi(ApiName, DisplayName = "Get scoring calibration",
        Description = "The scoring calibration of a period as JSON: AUC, Brier score and reliability of the score at MQL against SQL and won, SQL and win rate per band, population stability against the previous period, and the capacity threshold.",
        ExecutePrivilegeName = "prvWrite" + LeadFeedbackTable.EntityName,
        AllowedProcessingStepType = CustomApiProcessingStepType.SyncAndAsync,
        Request = typeof(GetScoringCalibrationRequest), Response = typeof(GetScoringCalibrationResponse))]
    public sealed class GetScoringCalibrationPlugin : PluginBase
    {
        public const string ApiName = "la_GetScoringCalibration";

        public const int Version = 1;

        /// <summary>How long the calibration may read before it gives up: well inside the two minutes a sandboxed plug-in may run.</summary>
        public static readonly TimeSpan ReadBudget = TimeSpan.FromSeconds(90);

        public GetScoringCalibrationPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(GetScoringCalibrationPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var clock = Stopwatch.StartNew();
            var context = localPluginContext.PluginExecutionContext;
            var now = DateTime.SpecifyKind(context.OperationCreatedOn, DateTimeKind.Utc);
            var period = CalibrationPeriod.Of(context.GetCustomApiRequest<GetScoringCalibrationRequest>(), now);
            var service = localPluginContext.SystemUserService;
            var agreement = ActiveAgreement(service);
            var reader = new AlignmentReportReader(service, () => clock.Elapsed > ReadBudget);

            var json = new JsonWriter().BeginObject().Property("version", Version).Name("generatedOn").Instant(now);
            var notice = string.Empty;
            try
            {
                var figures = ScoringCalibration.Assemble(reader, agreement, period.Start, period.End);
                json.Property("complete", true).Property("notice", notice).Property("agreementId", agreement.Id.ToString("D"));
                CalibrationJson.WriteProperties(json, figures);
            }
            catch (ReportTooLargeException tooLarge)
            {
                notice = tooLarge.Message;
                json.Property("complete", false).Property("notice", notice).Property("agreementId", agreement.Id.ToString("D"));
                json.Name("period").BeginObject().Name("start").Instant(period.Start).Name("end").Instant(period.End).EndObject();
            }

            var calibration = json.EndObject().ToString();
            localPluginContext.Trace($"Scoring calibration {period}: {(notice.Length == 0 ? "complete" : notice)}, {calibration.Length} characters.");
            context.SetCustomApiResponse(new GetScoringCalibrationResponse { Calibration = calibration, Complete = notice.Length == 0, Notice = notice });
        }

        private static Entity ActiveAgreement(IOrganizationService service)
        {
            var query = new QueryExpression(AgreementTable.EntityName) { ColumnSet = new ColumnSet(ScoringCalibration.AgreementColumns), TopCount = 1 };
            query.Criteria.AddCondition(AgreementTable.IsActive, ConditionOperator.Equal, true);
            return service.RetrieveMultiple(query).Entities.FirstOrDefault()
                ?? throw new BusinessRuleException("There is no active sales and marketing agreement: activate one; the calibration counts its sales team's reps and the leads each accepts a week.");
        }
    }
}
