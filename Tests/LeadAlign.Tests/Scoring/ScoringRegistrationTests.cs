using System;
using System.IO;
using System.Linq;
using LeadAlign.Cli;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Xunit;

namespace LeadAlign.Tests.Scoring
{
    /// <summary>The lead scoring step runs on exactly the columns the shipped model's fit rules read, and follows the model.</summary>
    public sealed class ScoringRegistrationTests
    {
        private static readonly Guid LeadUpdateStep = new("1ead5c0e-0001-4000-8000-000000000002");

        [Fact]
        public void The_lead_update_step_filters_on_the_fit_rule_columns_and_the_columns_scoring_needs()
        {
            var step = SolutionRegistration.Declared(RepositoryLayout.PathInRepo("Solution")).Single(each => each.Id == LeadUpdateStep);

            Assert.Equal(
                new[] { "decisionmaker", "emailaddress1", "industrycode", "jobtitle", LeadTable.EngagementLedger, LeadTable.ScoringModelId, "leadsourcecode", "numberofemployees", "revenue", "telephone1" },
                step.FilteringAttributes);
            Assert.Equal(step.FilteringAttributes.Except(new[] { LeadTable.ScoringModelId }).Union(new[] { LeadTable.ScoredOn, LeadTable.ScoringModelId, LeadTable.MqlOn }).OrderBy(column => column, StringComparer.Ordinal), step.Images.Single().Attributes.OrderBy(column => column, StringComparer.Ordinal));
        }

        [Fact]
        public void A_fit_rule_added_to_the_shipped_model_joins_the_filtering_attributes_when_the_registration_is_generated()
        {
            var copy = Directory.CreateTempSubdirectory("leadalign-solution-").FullName;
            try
            {
                foreach (var file in Directory.EnumerateFiles(RepositoryLayout.PathInRepo("Solution"), "*", SearchOption.AllDirectories))
                {
                    var target = Path.Combine(copy, Path.GetRelativePath(RepositoryLayout.PathInRepo("Solution"), file));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(file, target);
                }

                var data = Path.Combine(copy, "Data", "ScoringModel.xml");
                File.WriteAllText(data, File.ReadAllText(data).Replace(
                    $"<field name=\"{ScoringRuleTable.Column}\" value=\"telephone1\" />",
                    $"<field name=\"{ScoringRuleTable.Column}\" value=\"budgetamount\" />",
                    StringComparison.Ordinal));

                var step = SolutionRegistration.Declared(copy).Single(each => each.Id == LeadUpdateStep);

                Assert.Contains("budgetamount", step.FilteringAttributes);
                Assert.DoesNotContain("telephone1", step.FilteringAttributes);
            }
            finally
            {
                Directory.Delete(copy, recursive: true);
            }
        }
    }
}
