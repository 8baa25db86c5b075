using LeadAlign.Plugins.Handoffs;
using LeadAlign.Plugins.Registration;
using LeadAlign.Reporting;

namespace LeadAlign.Plugins.Reporting
{
    /// <summary>
    /// Counts the report period's leads with a FetchXML aggregate in PreValidation of la_GetAlignmentReport, before the
    /// transaction opens, so that the platform's refusal of a count over the AggregateQueryRecordLimit (50,000 rows,
    /// 0x8004E023) can be caught and answered with an incomplete report. Inside a transaction (PreValidation of a call made by
    /// another plug-in or a transacted workflow) a failed call would doom it, so this step leaves the count to the main
    /// operation, where a refusal fails the call. It checks the period first: a bad one is refused before anything is read.
    /// </summary>
    [PluginStep("1ead5c0e-0020-4000-8000-000000000001", GetAlignmentReportPlugin.ApiName, "none", PluginStage.PreValidation,
        Description = "Counts the report period's leads before the transaction, so a count over the aggregate limit gives an incomplete report instead of a failure.")]
    public sealed class CountReportLeadsPlugin : PluginBase
    {
        public CountReportLeadsPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(CountReportLeadsPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var period = ReportPeriod.Of(context.GetCustomApiRequest<GetAlignmentReportRequest>());
            if (context.IsInTransaction)
            {
                localPluginContext.Trace("Inside a transaction: the main operation counts the period's leads.");
                return;
            }

            var reader = new AlignmentReportReader(localPluginContext.SystemUserService, () => false);
            var count = reader.CountLeads(period.Start, period.End, catchLimit: true);
            localPluginContext.Trace($"Leads created {period}: {(count.HasValue ? count.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "over the aggregate limit")}.");
            new ReportLeadCount(count).WriteTo(context.SharedVariables);
        }
    }
}
