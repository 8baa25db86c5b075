namespace LeadAlign.Plugins.Scoring.Versions
{
    /// <summary>The request of la_RollBackScoringModel: none; it always rolls back the active version.</summary>
    public sealed class RollBackScoringModelRequest
    {
    }
}
