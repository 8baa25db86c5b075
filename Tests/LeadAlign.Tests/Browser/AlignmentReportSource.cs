using System.IO;
using LeadAlign.Tests.Support;

namespace LeadAlign.Tests.Browser
{
    /// <summary>
    /// Where the browser tests get the Custom API's answer from. <see cref="Response"/> is the one place to switch: today it
    /// reads a fixture written to the report contract (alignment-report.json next to this file: a month of 5,000 leads); once
    /// la_GetAlignmentReport runs in the in-memory Dataverse it can execute the request there instead
    /// (<c>new OrganizationRequest("la_GetAlignmentReport") { ["PeriodStart"] = …, ["PeriodEnd"] = … }</c>) and return the
    /// response's Report, Complete and Notice. The tests assert the fixture's figures, so they name them in one place:
    /// <see cref="AlignmentReportFigures"/>.
    /// </summary>
    public static class AlignmentReportSource
    {
        public static AlignmentReportResponse Response() =>
            new(File.ReadAllText(RepositoryLayout.PathInRepo("Tests", "LeadAlign.Tests", "Browser", "alignment-report.json")), Complete: true, Notice: string.Empty);
    }
}
