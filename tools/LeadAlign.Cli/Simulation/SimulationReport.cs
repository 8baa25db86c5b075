using System;
using System.IO;
using System.Text.Json;
using LeadAlign.Cli.Simulation.Report;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Cli.Simulation
{
    /// <summary>
    /// The report of a simulated month: the Custom API la_GetAlignmentReport's response, asked of the in-memory Dataverse by the
    /// sales manager for the month's leads, exactly as the dashboard's web resource asks a real organization. Its text, CSV and
    /// JSON are written from that response; its page is the shipped web resource itself with the response embedded, so the
    /// simulator and the org show the same thing. Beside it, marketing's request for a scoring proposal fitted to the month's
    /// outcomes (la_ProposeScoringModel): the first two thirds of the month train it, the last third back-tests it.
    /// </summary>
    public sealed class SimulationReport
    {
        /// <summary>The web resource's path inside the solution folder.</summary>
        public const string PagePath = "WebResources/la_alignmentreport.html";

        private readonly string _page;

        public SimulationReport(Simulator simulator, string solutionFolder)
        {
            var response = simulator.Org.As(simulator.SalesManager).Execute(new OrganizationRequest("la_GetAlignmentReport")
            {
                ["PeriodStart"] = simulator.Start,
                ["PeriodEnd"] = simulator.End,
            });
            ReportJson = (string)response["Report"];
            Complete = (bool)response["Complete"];
            Notice = response.Results.Contains("Notice") ? response["Notice"] as string ?? string.Empty : string.Empty;
            _page = File.ReadAllText(Path.Combine(solutionFolder, PagePath));
            Stats = SimulationStats.Of(simulator.Org.Log, simulator.Org.Store.Count("lead"));
            HeldOutStart = simulator.Start.AddDays(Math.Round(simulator.Days * 2 / 3.0));
            try
            {
                var proposal = simulator.Org.As(simulator.Marketer).Execute(new OrganizationRequest("la_ProposeScoringModel")
                {
                    ["TrainingStart"] = simulator.Start,
                    ["HeldOutStart"] = HeldOutStart,
                    ["HeldOutEnd"] = simulator.End,
                });
                ProposalJson = (string)proposal["Proposal"];
            }
            catch (FaultException<OrganizationServiceFault> refused)
            {
                ProposalRefusal = refused.Detail.Message;
            }
        }

        /// <summary>What the month cost in service calls, taken before the report and the proposal add theirs.</summary>
        public SimulationStats Stats { get; }

        /// <summary>Where the proposal's held-out period starts: two thirds into the month.</summary>
        public DateTime HeldOutStart { get; }

        /// <summary>la_ProposeScoringModel's Proposal JSON; null when it proposed nothing (<see cref="ProposalRefusal"/> says why).</summary>
        public string? ProposalJson { get; }

        public string? ProposalRefusal { get; }

        /// <summary>The response's Report: the report as JSON.</summary>
        public string ReportJson { get; }

        public bool Complete { get; }

        public string Notice { get; }

        public void WriteText(TextWriter output)
        {
            using var report = JsonDocument.Parse(ReportJson);
            AlignmentReportText.Write(report.RootElement, output);
            if (ProposalJson != null)
            {
                using var proposal = JsonDocument.Parse(ProposalJson);
                ProposalText.Write(proposal.RootElement, output);
            }
            else
            {
                output.WriteLine($"Scoring: no proposal fitted to outcomes. {ProposalRefusal}");
            }

            output.WriteLine(Stats.ToString());
        }

        public void WriteCsv(TextWriter output)
        {
            using var report = JsonDocument.Parse(ReportJson);
            AlignmentReportCsv.Write(report.RootElement, output);
            if (ProposalJson != null)
            {
                using var proposal = JsonDocument.Parse(ProposalJson);
                ProposalText.WriteCsv(proposal.RootElement, output);
            }
        }

        /// <summary>The proposal JSON, indented; null when nothing was proposed.</summary>
        public string? ProposalIndented()
        {
            if (ProposalJson == null)
            {
                return null;
            }

            using var proposal = JsonDocument.Parse(ProposalJson);
            return JsonSerializer.Serialize(proposal.RootElement, new JsonSerializerOptions { WriteIndented = true });
        }

        /// <summary>The report JSON, indented.</summary>
        public string Json()
        {
            using var report = JsonDocument.Parse(ReportJson);
            return JsonSerializer.Serialize(report.RootElement, new JsonSerializerOptions { WriteIndented = true });
        }

        /// <summary>
        /// The web resource with the response (and the proposal, as Proposal) embedded as <c>&lt;script type="application/json" id="la-report-data"&gt;</c>, which the
        /// page renders instead of calling the Web API; every <c>&lt;/</c> of the data is written <c>&lt;\/</c> so it cannot end the element.
        /// </summary>
        public string Html()
        {
            var response = JsonSerializer.Serialize(new { Report = ReportJson, Complete, Notice, Proposal = ProposalJson ?? string.Empty }).Replace("</", "<\\/", StringComparison.Ordinal);
            var data = $"<script type=\"application/json\" id=\"la-report-data\">{response}</script>{Environment.NewLine}";
            var end = _page.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
            return end < 0 ? _page + data : _page[..end] + data + _page[end..];
        }
    }
}
