using System;
using System.Linq;
using LeadAlign.Plugins.Registration;
using LeadAlign.Runtime;
using LeadAlign.Schema;
using LeadAlign.Scoring.Fitting;
using LeadAlign.Scoring.Proposal;

namespace LeadAlign.Plugins.Scoring.Proposal
{
    /// <summary>
    /// The Custom API la_ProposeScoringModel: fits the points of a version's rules (the active one unless named) to closed-loop
    /// outcomes (reaching SQL, or winning) and writes the result as a proposed version, which goes live only when a marketing
    /// approver and a sales approver have both approved it. Each lead counts with the rule hits it was handed off with
    /// (la_rulehits, see <see cref="ProposalCases"/>); the leads of the training period are fitted with a regularised logistic
    /// fit (<see cref="PointsProposal"/>), the leads of the later held-out period back-test current against proposed
    /// (<see cref="ScoreBackTest"/>). Fewer than 40 leads that reached the outcome or 40 that did not: nothing is proposed and the
    /// caller is told why. Reads as SYSTEM (the figures need every lead); its execute privilege is prvCreatela_scoringmodel, held by
    /// marketing users and administrators. Service calls: three to load the version and the rules' lineage, one query per 5,000
    /// leads, then one create for the version and one per rule.
    /// </summary>
    [CustomApi(ApiName, DisplayName = "Propose scoring model",
        Description = "Fits the points of the scoring model's rules to closed-loop outcomes and writes a proposed version with each rule's evidence and a back-test on a later held-out period.",
        ExecutePrivilegeName = "prvCreate" + ScoringModelTable.EntityName,
        Request = typeof(ProposeScoringModelRequest), Response = typeof(ProposeScoringModelResponse))]
    public sealed class ProposeScoringModelPlugin : PluginBase
    {
        public const string ApiName = "la_ProposeScoringModel";

        public ProposeScoringModelPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(ProposeScoringModelPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var request = context.GetCustomApiRequest<ProposeScoringModelRequest>();
            if (request.TrainingStart == null || request.HeldOutStart == null)
            {
                throw new BusinessRuleException("Give the TrainingStart and the HeldOutStart of the proposal: the leads between them are fitted, the later ones back-test it.");
            }

            var periods = new ProposalPeriods(request.TrainingStart.Value, request.HeldOutStart.Value, request.HeldOutEnd ?? context.OperationCreatedOn, request.FitToWins == true);
            var service = localPluginContext.SystemUserService;
            var version = ProposedVersion.Load(service, request.ScoringModelId);
            var cases = ProposalCases.Read(service, periods.TrainingStart, periods.HeldOutEnd, periods.ToWins, version.KeyOf);
            var training = cases.Cases.Where(each => each.On < periods.HeldOutStart).ToList();
            var heldOut = cases.Cases.Where(each => each.On >= periods.HeldOutStart).ToList();
            var trainingPopulation = cases.Population.Where(each => each.On < periods.HeldOutStart).ToList();
            var heldOutPopulation = cases.Population.Where(each => each.On >= periods.HeldOutStart).ToList();
            var rules = version.FitRules();
            var oldScale = version.Scale;
            localPluginContext.Trace($"Proposal from '{version.Model.GetAttributeValue<string>(ScoringModelTable.Name)}': {rules.Count} rules, {training.Count} training and {heldOut.Count} held-out leads, {cases.Open} open, {cases.Pages} pages.");

            var proposal = PointsProposal.Propose(rules, training, oldScale, population: trainingPopulation);
            if (proposal.Refusal != null)
            {
                throw new BusinessRuleException(proposal.Refusal.TrimEnd('.') + ". No version was proposed: propose again when more leads have an outcome, or give an earlier TrainingStart.");
            }

            var backTest = ScoreBackTest.Run(rules, proposal, oldScale, heldOut, heldOutPopulation);
            var summary = ProposalReport.Summary(proposal, backTest, oldScale, periods);
            var proposed = version.Write(service, proposal, backTest, periods, summary);
            localPluginContext.Trace($"Proposed version {proposed.Id}: {summary}");
            context.SetCustomApiResponse(new ProposeScoringModelResponse
            {
                ProposedModel = proposed,
                Summary = summary,
                Proposal = ProposalReport.Json(proposal, backTest, oldScale, periods, version.ProposedName, cases.Open),
            });
        }
    }
}
