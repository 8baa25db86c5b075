using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Registration;
using LeadAlign.Plugins;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Cli
{
    /// <summary>
    /// The steps LeadAlign registers, from the [PluginStep] declarations, with their placeholders filled from the solution:
    /// <c>{FitRuleColumns}</c> is every lead column an active fit rule of the shipped, active scoring model reads;
    /// <c>{MqlRequiredColumns}</c> the columns that model requires of an MQL; <c>{SqlRequiredColumns}</c> the BANT columns the
    /// shipped agreement requires of an SQL.
    /// </summary>
    public static class SolutionRegistration
    {
        public const string FitRuleColumns = "FitRuleColumns";
        public const string MqlRequiredColumns = "MqlRequiredColumns";
        public const string SqlRequiredColumns = "SqlRequiredColumns";

        public static IReadOnlyList<StepRegistration> Declared(string solutionFolder) =>
            StepRegistration.FromAssembly(typeof(PluginBase).Assembly, Expansions(solutionFolder));

        public static IReadOnlyDictionary<string, IReadOnlyList<string>> Expansions(string solutionFolder)
        {
            var metadata = MetadataCatalog.ForSolution(solutionFolder);
            var data = SolutionData.FromSolutionFolder(solutionFolder, metadata);
            var activeModels = data.Where(row => row.LogicalName == "la_scoringmodel" && row.GetAttributeValue<bool>("la_isactive")).Select(row => row.Id).ToHashSet();
            var columns = data
                .Where(row => row.LogicalName == "la_scoringrule"
                    && row.GetAttributeValue<bool>("la_isactive")
                    && row.GetAttributeValue<OptionSetValue>("la_category")?.Value == 412500000
                    && row.GetAttributeValue<EntityReference>("la_scoringmodelid") is { } model && activeModels.Contains(model.Id))
                .Select(row => (row.GetAttributeValue<string>("la_column") ?? string.Empty).Trim().ToLowerInvariant())
                .Where(column => column.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .OrderBy(column => column, StringComparer.Ordinal)
                .ToList();
            static IReadOnlyList<string> Columns(string? list) => (list ?? string.Empty)
                .Split(new[] { ',', '|' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(column => column.ToLowerInvariant())
                .Distinct(StringComparer.Ordinal)
                .OrderBy(column => column, StringComparer.Ordinal)
                .ToList();
            var mql = data.Where(row => row.LogicalName == "la_scoringmodel" && activeModels.Contains(row.Id)).SelectMany(row => Columns(row.GetAttributeValue<string>("la_requiredcolumns"))).Distinct().OrderBy(column => column, StringComparer.Ordinal).ToList();
            var sql = data.Where(row => row.LogicalName == "la_agreement" && row.GetAttributeValue<bool>("la_isactive")).SelectMany(row => Columns(row.GetAttributeValue<string>("la_sqlrequiredcolumns"))).Distinct().OrderBy(column => column, StringComparer.Ordinal).ToList();
            return new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
            {
                [FitRuleColumns] = columns,
                [MqlRequiredColumns] = mql,
                [SqlRequiredColumns] = sql,
            };
        }
    }
}
