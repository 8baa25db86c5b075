using System;
using LeadAlign.Schema;
using LeadAlign.Tests.Lifecycle;
using LeadAlign.Tests.Reporting;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Tests.Browser
{
    /// <summary>
    /// Where the browser tests get the Custom API's answer from: la_GetAlignmentReport executed, as a marketing user, in the
    /// in-memory Dataverse on the seeded month of the reporting tests (<see cref="ReportScenario"/>: leads created and moved
    /// through the stages, called, qualified, won and lost by LeadAlign's real plug-ins and workflows), once per test run. The
    /// tests read the figures they look for on the page from this response: <see cref="AlignmentReportFigures"/>.
    /// </summary>
    public static class AlignmentReportSource
    {
        private static readonly Lazy<AlignmentReportResponse> Seeded = new(() => Execute(closeWeek: false));

        private static readonly Lazy<AlignmentReportResponse> SeededWithClosedWeek = new(() => Execute(closeWeek: true));

        public static AlignmentReportResponse Response() => Seeded.Value;

        /// <summary>
        /// The same month with the week of 12 January closed by la_CloseAlignmentWeek against a commitment of 4 MQLs a week, so
        /// the report's weeks hold one row.
        /// </summary>
        public static AlignmentReportResponse ResponseWithClosedWeek() => SeededWithClosedWeek.Value;

        private static AlignmentReportResponse Execute(bool closeWeek)
        {
            var scenario = new ReportScenario();
            if (closeWeek)
            {
                scenario.Org.SystemService.Update(new Entity(AgreementTable.EntityName, LifecycleFixture.AgreementId) { [AgreementTable.MqlsPerWeek] = 4 });
                scenario.Org.As(scenario.Fixture.Marketer).Execute(new OrganizationRequest("la_CloseAlignmentWeek") { ["WeekStart"] = new DateTime(2026, 1, 12, 0, 0, 0, DateTimeKind.Utc) });
            }

            var response = AlignmentReportTests.Report(scenario.Org.As(scenario.Fixture.Marketer), ReportScenario.PeriodStart, ReportScenario.PeriodEnd);
            return new AlignmentReportResponse((string)response.Results["Report"], (bool)response.Results["Complete"], (string)response.Results["Notice"]);
        }
    }
}
