using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Registration;
using LeadAlign.Plugins;
using LeadAlign.Schema;
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
            var activeModels = data.Where(row => row.LogicalName == ScoringModelTable.EntityName && row.GetAttributeValue<bool>(ScoringModelTable.IsActive)).Select(row => row.Id).ToHashSet();
            var columns = data
                .Where(row => row.LogicalName == ScoringRuleTable.EntityName
                    && row.GetAttributeValue<bool>(ScoringRuleTable.IsActive)
                    && row.GetAttributeValue<OptionSetValue>(ScoringRuleTable.Category)?.Value == (int)ScoreCategory.Fit
                    && row.GetAttributeValue<EntityReference>(ScoringRuleTable.ScoringModelId) is { } model && activeModels.Contains(model.Id))
                .Select(row => (row.GetAttributeValue<string>(ScoringRuleTable.Column) ?? string.Empty).Trim().ToLowerInvariant())
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
            var mql = data.Where(row => row.LogicalName == ScoringModelTable.EntityName && activeModels.Contains(row.Id)).SelectMany(row => Columns(row.GetAttributeValue<string>(ScoringModelTable.RequiredColumns))).Distinct().OrderBy(column => column, StringComparer.Ordinal).ToList();
            var sql = data.Where(row => row.LogicalName == AgreementTable.EntityName && row.GetAttributeValue<bool>(AgreementTable.IsActive)).SelectMany(row => Columns(row.GetAttributeValue<string>(AgreementTable.SqlRequiredColumns))).Distinct().OrderBy(column => column, StringComparer.Ordinal).ToList();
            return new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
            {
                [FitRuleColumns] = columns,
                [MqlRequiredColumns] = mql,
                [SqlRequiredColumns] = sql,
            };
        }
    }
}
