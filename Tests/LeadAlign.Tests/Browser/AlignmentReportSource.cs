using System;
using LeadAlign.Tests.Reporting;

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
        private static readonly Lazy<AlignmentReportResponse> Seeded = new(Execute);

        public static AlignmentReportResponse Response() => Seeded.Value;

        private static AlignmentReportResponse Execute()
        {
            var scenario = new ReportScenario();
            var response = AlignmentReportTests.Report(scenario.Org.As(scenario.Fixture.Marketer), ReportScenario.PeriodStart, ReportScenario.PeriodEnd);
            return new AlignmentReportResponse((string)response.Results["Report"], (bool)response.Results["Complete"], (string)response.Results["Notice"]);
        }
    }
}
