using LeadAlign.Schema;

namespace LeadAlign.Plugins.Scoring.Versions
{
    /// <summary>
    /// One of the two teams that sign a scoring model version: the columns it decides in (secured, granted by its approvers'
    /// column security profile) and the columns LeadAlign stamps for it.
    /// </summary>
    internal sealed class ApprovalSide
    {
        public static readonly ApprovalSide Marketing = new ApprovalSide(
            "marketing", "Marketing", ScoringModelTable.MarketingDecision, ScoringModelTable.MarketingComment, ScoringModelTable.MarketingDecisionBy, ScoringModelTable.MarketingDecisionOn);

        public static readonly ApprovalSide Sales = new ApprovalSide(
            "sales", "Sales", ScoringModelTable.SalesDecision, ScoringModelTable.SalesComment, ScoringModelTable.SalesDecisionBy, ScoringModelTable.SalesDecisionOn);

        private ApprovalSide(string name, string label, string decision, string comment, string decisionBy, string decisionOn)
        {
            Name = name;
            Label = label;
            Decision = decision;
            Comment = comment;
            DecisionBy = decisionBy;
            DecisionOn = decisionOn;
        }

        /// <summary>How messages name the side: "marketing", "sales".</summary>
        public string Name { get; }

        /// <summary>How the approval history names the side: "Marketing", "Sales".</summary>
        public string Label { get; }

        public string Decision { get; }

        public string Comment { get; }

        public string DecisionBy { get; }

        public string DecisionOn { get; }

        /// <summary>The other team.</summary>
        public ApprovalSide Other => ReferenceEquals(this, Marketing) ? Sales : Marketing;

        /// <summary>Both teams, marketing first.</summary>
        public static ApprovalSide[] Both => new[] { Marketing, Sales };
    }
}
