using LeadAlign.Plugins.Registration;
using LeadAlign.Runtime;
using LeadAlign.Schema;
using LeadAlign.Scoring;

namespace LeadAlign.Plugins.Scoring
{
    /// <summary>
    /// Refuses a scoring model whose required columns (the columns an MQL must have) name a column lead does not have: a
    /// misspelt column would keep every lead from ever becoming an MQL. Service calls: lead's columns (one RetrieveEntity),
    /// only when the required columns are saved.
    /// </summary>
    [PluginStep("1ead5c0e-00b1-4000-8000-000000000001", "Create", ScoringModelTable.EntityName, PluginStage.PreValidation,
        Description = "Refuses a scoring model whose required columns lead does not have.")]
    [PluginStep("1ead5c0e-00b1-4000-8000-000000000002", "Update", ScoringModelTable.EntityName, PluginStage.PreValidation,
        FilteringAttributes = ScoringModelTable.RequiredColumns, PreImageAttributes = ScoringModelTable.Name,
        Description = "Refuses required columns lead does not have.")]
    public sealed class ValidateScoringModelPlugin : PluginBase
    {
        public ValidateScoringModelPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(ValidateScoringModelPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var target = context.GetTargetEntity();
            var required = target?.GetAttributeValue<string>(ScoringModelTable.RequiredColumns);
            if (target == null || string.IsNullOrWhiteSpace(required))
            {
                return;
            }

            var unknown = LeadColumns.Unknown(ScoringModel.ParseRequiredColumns(required), LeadColumns.Read(localPluginContext.SystemUserService));
            if (unknown.Count > 0)
            {
                var name = target.MergeWithPreImage(context.GetPreImage("PreImage")).GetAttributeValue<string>(ScoringModelTable.Name) ?? "this scoring model";
                throw new BusinessRuleException(
                    $"Scoring model '{name}': the table lead has {LeadColumns.NoColumns(unknown)} (Required columns), so no lead could ever become an MQL. "
                    + "Give each column's logical name as the Lead columns list shows it, separated by commas, with | between alternatives: emailaddress1|telephone1,companyname,jobtitle.");
            }
        }
    }
}
