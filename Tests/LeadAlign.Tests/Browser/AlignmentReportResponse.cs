using System.Text.Json.Nodes;

namespace LeadAlign.Tests.Browser
{
    /// <summary>
    /// The response properties of the Custom API la_GetAlignmentReport (the report contract): <see cref="Report"/> the report as
    /// JSON text, <see cref="Complete"/> false when the period is too large for one call, <see cref="Notice"/> one sentence for
    /// the user or empty.
    /// </summary>
    public sealed record AlignmentReportResponse(string Report, bool Complete, string Notice)
    {
        /// <summary>
        /// The body the Web API answers a POST to [org]/api/data/v9.2/la_GetAlignmentReport with: the response properties and the
        /// @odata.context of the action's response type.
        /// </summary>
        public string WebApiBody(string organizationUrl) => new JsonObject
        {
            ["@odata.context"] = organizationUrl + "/api/data/v9.2/$metadata#Microsoft.Dynamics.CRM.la_GetAlignmentReportResponse",
            ["Report"] = Report,
            ["Complete"] = Complete,
            ["Notice"] = Notice,
        }.ToJsonString();

        /// <summary>
        /// The same properties as the page reads them when embedded (no @odata.context: the simulator embeds the response, not a
        /// Web API answer), escaped so that no <c>&lt;/script&gt;</c> inside the data can end the embedding element.
        /// </summary>
        public string EmbeddedJson() => new JsonObject
        {
            ["Report"] = Report,
            ["Complete"] = Complete,
            ["Notice"] = Notice,
        }.ToJsonString().Replace("</", "<\\/", System.StringComparison.Ordinal);

        /// <summary>This response with its report changed (the report parsed, edited, and written back as text).</summary>
        public AlignmentReportResponse WithReport(System.Action<JsonObject> change)
        {
            var report = JsonNode.Parse(Report)!.AsObject();
            change(report);
            return this with { Report = report.ToJsonString() };
        }
    }
}
