using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.ServiceModel;
using LeadAlign.Plugins.Registration;
using LeadAlign.Runtime;
using LeadAlign.Schema;
using LeadAlign.Scoring;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;

namespace LeadAlign.Plugins.Scoring
{
    /// <summary>
    /// Refuses a scoring rule that could never score: a fit rule on a column lead does not have, with an operator the
    /// column's type cannot take, or a value that does not parse; an engagement rule without its activity kind. For a rule
    /// it accepts, it writes the value in invariant form (choice labels replaced by their values) and the column's type into
    /// the Target, so scoring needs no metadata. A fit rule may name its lead column by display name (Job Title) as the rule
    /// form shows it, or by logical name (jobtitle); the logical name is what it saves. On Update the rule as it stood comes
    /// from the pre-image. Service calls: the column's metadata (fit rules) only: RetrieveAttribute, and RetrieveEntity with
    /// lead's columns only when no column has that logical name (to find it by display name).
    /// </summary>
    [PluginStep("1ead5c0e-0004-4000-8000-000000000001", "Create", ScoringRuleTable.EntityName, PluginStage.PreValidation)]
    [PluginStep("1ead5c0e-0004-4000-8000-000000000002", "Update", ScoringRuleTable.EntityName, PluginStage.PreValidation,
        FilteringAttributes = $"{ScoringRuleTable.Category},{ScoringRuleTable.Column},{ScoringRuleTable.Operator},{ScoringRuleTable.Value},{ScoringRuleTable.ActivityKind},{ScoringRuleTable.Direction},{ScoringRuleTable.InteractionType},{ScoringRuleTable.Points}",
        PreImageAttributes = $"{ScoringRuleTable.Name},{ScoringRuleTable.Category},{ScoringRuleTable.Column},{ScoringRuleTable.Operator},{ScoringRuleTable.Value},{ScoringRuleTable.ActivityKind},{ScoringRuleTable.Direction},{ScoringRuleTable.InteractionType},{ScoringRuleTable.Points}")]
    public sealed class ValidateScoringRulePlugin : PluginBase
    {
        public ValidateScoringRulePlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(ValidateScoringRulePlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var target = context.GetTargetEntity();
            if (target == null)
            {
                return;
            }

            var rule = target.MergeWithPreImage(context.GetPreImage("PreImage"));
            var name = rule.GetAttributeValue<string>(ScoringRuleTable.Name) ?? "this rule";
            if (rule.GetAttributeValue<int?>(ScoringRuleTable.Points) == null)
            {
                throw new BusinessRuleException($"Scoring rule '{name}' needs its points ({ScoringRuleTable.Points}): how many points a match gives, negative to take points away.");
            }

            var category = (ScoreCategory?)rule.GetAttributeValue<OptionSetValue>(ScoringRuleTable.Category)?.Value;
            if (category == ScoreCategory.Engagement)
            {
                ValidateEngagement(rule, name);
                return;
            }

            if (category != ScoreCategory.Fit)
            {
                throw new BusinessRuleException($"Scoring rule '{name}' needs a category: Fit (who the lead is) or Engagement (what the lead does).");
            }

            var given = (rule.GetAttributeValue<string>(ScoringRuleTable.Column) ?? string.Empty).Trim();
            if (given.Length == 0)
            {
                throw new BusinessRuleException($"Fit rule '{name}' needs the lead column it reads (Lead column), by its display name or logical name, for example Job Title or jobtitle.");
            }

            var op = (FitOperator?)rule.GetAttributeValue<OptionSetValue>(ScoringRuleTable.Operator)?.Value
                ?? throw new BusinessRuleException($"Fit rule '{name}' needs an operator: equals, not equals, in list, contains, begins with, greater than, less than, between, has value or is empty.");
            var attribute = ColumnOf(localPluginContext.SystemUserService, given, name);
            var column = attribute.LogicalName;
            var type = attribute.AttributeType?.ToString() ?? "Virtual";
            if (!FitEvaluator.OperatorsByType.TryGetValue(type, out var allowed))
            {
                throw new BusinessRuleException($"Fit rule '{name}': the lead column '{column}' is a {type} column, which scoring cannot read. Choose a text, number, date, yes/no, choice or lookup column.");
            }

            if (!allowed.Contains(op))
            {
                throw new BusinessRuleException($"Fit rule '{name}': a {type} column such as '{column}' cannot be compared with '{Describe(op)}'. Use one of: {string.Join(", ", allowed.Select(Describe))}.");
            }

            target[ScoringRuleTable.Column] = column;
            target[ScoringRuleTable.ColumnType] = type;
            target[ScoringRuleTable.NormalizedValue] = FitEvaluator.NeedsValue(op) ? Normalize(name, column, type, op, rule.GetAttributeValue<string>(ScoringRuleTable.Value), attribute) : null;
        }

        private static void ValidateEngagement(Entity rule, string name)
        {
            var kind = (ActivityKind?)rule.GetAttributeValue<OptionSetValue>(ScoringRuleTable.ActivityKind)?.Value
                ?? throw new BusinessRuleException($"Engagement rule '{name}' needs the activity kind that earns its points: email, phone call, appointment, task or marketing interaction.");
            var direction = (ActivityDirection?)rule.GetAttributeValue<OptionSetValue>(ScoringRuleTable.Direction)?.Value;
            if (direction != null && direction != ActivityDirection.Any && kind != ActivityKind.Email && kind != ActivityKind.PhoneCall)
            {
                throw new BusinessRuleException($"Engagement rule '{name}': only emails and phone calls have a direction. Clear Direction, or choose Any.");
            }

            if (rule.GetAttributeValue<OptionSetValue>(ScoringRuleTable.InteractionType) != null && kind != ActivityKind.MarketingInteraction)
            {
                throw new BusinessRuleException($"Engagement rule '{name}': only marketing interactions have an interaction type. Clear Interaction type, or choose the Marketing interaction kind.");
            }
        }

        /// <summary>The lead column the rule names, by logical name or, failing that, by display name (one column only).</summary>
        private static AttributeMetadata ColumnOf(IOrganizationService service, string given, string name)
        {
            try
            {
                return ((RetrieveAttributeResponse)service.Execute(new RetrieveAttributeRequest { EntityLogicalName = LeadTable.EntityName, LogicalName = given.ToLowerInvariant() })).AttributeMetadata;
            }
            catch (FaultException<OrganizationServiceFault>)
            {
                // Not a logical name: look for a lead column of that display name, as the rule form and the column pickers show it.
            }

            var lead = ((RetrieveEntityResponse)service.Execute(new RetrieveEntityRequest { LogicalName = LeadTable.EntityName, EntityFilters = EntityFilters.Attributes })).EntityMetadata;
            var named = (lead?.Attributes ?? new AttributeMetadata[0])
                .Where(attribute => attribute.AttributeOf == null && DisplayNames(attribute).Any(label => string.Equals(label.Trim(), given, StringComparison.OrdinalIgnoreCase)))
                .OrderBy(attribute => attribute.LogicalName, StringComparer.Ordinal)
                .ToList();
            if (named.Count == 1)
            {
                return named[0];
            }

            if (named.Count > 1)
            {
                throw new BusinessRuleException($"Fit rule '{name}': more than one lead column is called '{given}' ({string.Join(", ", named.Select(attribute => attribute.LogicalName))}). Give the logical name of the one the rule reads.");
            }

            throw new BusinessRuleException($"Fit rule '{name}': lead has no column '{given}'. Give the column's display name or logical name as the Lead columns list shows it, for example Job Title or jobtitle.");
        }

        private static IEnumerable<string> DisplayNames(AttributeMetadata attribute)
        {
            var label = attribute.DisplayName;
            if (label == null)
            {
                return Enumerable.Empty<string>();
            }

            return (label.LocalizedLabels?.Select(localized => localized.Label) ?? Enumerable.Empty<string>())
                .Concat(label.UserLocalizedLabel != null ? new[] { label.UserLocalizedLabel.Label } : new string[0])
                .Where(text => !string.IsNullOrWhiteSpace(text));
        }

        private static string Normalize(string name, string column, string type, FitOperator op, string? value, AttributeMetadata attribute)
        {
            var items = FitValues.Split(value);
            var expected = FitOperators.Of(op)?.ValueCount ?? 1;
            if (items.Count == 0)
            {
                throw new BusinessRuleException($"Fit rule '{name}': give the value(s) to compare {column} with, separated by ; when there are several.");
            }

            if (expected > 0 && items.Count != expected)
            {
                throw new BusinessRuleException(op == FitOperator.Between
                    ? $"Fit rule '{name}': 'between' needs two values, low and high, separated by ; (for example 50;500)."
                    : expected == 1
                        ? $"Fit rule '{name}': '{Describe(op)}' compares with one value; give exactly one."
                        : $"Fit rule '{name}': give the value(s) to compare {column} with, separated by ;.");
            }

            var normalized = new List<string>();
            foreach (var item in items)
            {
                var text = item;
                if (attribute is EnumAttributeMetadata choice)
                {
                    var options = choice.OptionSet?.Options.ToList() ?? new List<OptionMetadata>();
                    var match = options.FirstOrDefault(option => option.Value?.ToString(CultureInfo.InvariantCulture) == item)
                        ?? options.FirstOrDefault(option => option.Label?.LocalizedLabels.Any(label => string.Equals(label.Label, item, StringComparison.OrdinalIgnoreCase)) == true);
                    if (match?.Value == null)
                    {
                        throw new BusinessRuleException($"Fit rule '{name}': '{item}' is not a choice of {column}. Its choices are: {string.Join(", ", options.Select(option => option.Label?.LocalizedLabels.FirstOrDefault()?.Label + " (" + option.Value?.ToString(CultureInfo.InvariantCulture) + ")"))}.");
                    }

                    text = match.Value.Value.ToString(CultureInfo.InvariantCulture);
                }
                else if (type == "Boolean")
                {
                    text = item.Equals("yes", StringComparison.OrdinalIgnoreCase) ? "true" : item.Equals("no", StringComparison.OrdinalIgnoreCase) ? "false" : item.ToLowerInvariant();
                }

                try
                {
                    FitValues.Parse(type, text);
                }
                catch (StaleRuleException unparsable)
                {
                    throw new BusinessRuleException($"Fit rule '{name}': {unparsable.Message}, and {column} is a {type} column. Correct the value.");
                }

                normalized.Add(text);
            }

            return string.Join(";", normalized);
        }

        private static string Describe(FitOperator op) => FitOperators.Label(op);
    }
}
