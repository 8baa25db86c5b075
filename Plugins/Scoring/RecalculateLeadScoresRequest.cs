using LeadAlign.Plugins.Registration;

namespace LeadAlign.Plugins.Scoring
{
    /// <summary>The request of la_RecalculateLeadScores: which leads (by ids, by a FetchXML filter, or the open ones) and which page.</summary>
    public sealed class RecalculateLeadScoresRequest
    {
        [CustomApiParameter("LeadIds", CustomApiParameterType.StringArray, IsOptional = true, Description = "The ids of the leads to re-score. Leave empty to use FetchXml.")]
        public string[]? LeadIds { get; set; }

        [CustomApiParameter("FetchXml", CustomApiParameterType.String, IsOptional = true, Description = "A FetchXML query on lead choosing the leads to re-score; open leads when empty.")]
        public string? FetchXml { get; set; }

        [CustomApiParameter("PageNumber", CustomApiParameterType.Integer, IsOptional = true, Description = "The page to re-score, from 1.")]
        public int? PageNumber { get; set; }

        [CustomApiParameter("PageSize", CustomApiParameterType.Integer, IsOptional = true, Description = "How many leads one call re-scores (1 to 5000, 250 by default).")]
        public int? PageSize { get; set; }

        [CustomApiParameter("PagingCookie", CustomApiParameterType.String, IsOptional = true, Description = "The PagingCookie the previous call returned.")]
        public string? PagingCookie { get; set; }
    }
}
