using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using LeadAlign.Cli.SchemaCode;
using LeadAlign.Tests.Support;
using Xunit;

namespace LeadAlign.Tests.Solution
{
    /// <summary>
    /// One declaration per fact: LeadAlign's table, column and choice names and its choice values are declared once, by the
    /// solution, and reach the code through the generated schema (Shared/Schema/Generated, written by <c>leadalign schema</c>).
    /// No other C# source of the repository spells them.
    /// </summary>
    public class SchemaLiteralTests
    {
        /// <summary>Names with the prefix the code owns that are no table, column or choice of the solution, and why.</summary>
        private static readonly IReadOnlyDictionary<string, string> OtherNames = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["la_LeadAlignment"] = "the unique name of the app module and its site map: solution components, not tables, columns or choices",
        };

        /// <summary>Sources whose table, column and choice names and values are test data of their own, and why.</summary>
        private static readonly IReadOnlyDictionary<string, string> FixtureFiles = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Tests/LeadAlign.Tests/Dataverse/Service/SolutionExtensionTests.cs"] =
                "writes a solution folder of its own (a scoring rule table with its own ranges, a choice la_category, a relationship, a Custom API) to show the in-memory Dataverse loads what any solution declares: its XML is the fixture, not LeadAlign's schema",
            ["Tests/LeadAlign.Tests/Dataverse/FetchXmlEngineTests.cs"] =
                "tests the in-memory Dataverse's FetchXML engine on rows and column types of its own, with no solution: the FetchXML, written as a user writes it, is the input under test",
            ["Tests/LeadAlign.Tests/Dataverse/QueryEngineTests.cs"] =
                "tests the in-memory Dataverse's query engine on rows of its own, with no solution: the column names are sample data",
            ["Tests/LeadAlign.Tests/Dataverse/ConditionEvaluatorTests.cs"] =
                "tests the in-memory Dataverse's condition evaluator on a row of its own, with no solution: the column names are sample data",
        };

        /// <summary>The folders of generated or built code, not written by hand.</summary>
        private static readonly string[] Skipped = { "/bin/", "/obj/", "/" + SchemaCodeFiles.RepositoryFolder + "/" };

        [Fact]
        public void No_source_spells_a_choice_value_or_a_LeadAlign_name_the_generated_schema_declares()
        {
            var check = Check();
            var root = RepositoryLayout.RepoRoot;
            var sources = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
                .Where(path => !Skipped.Any(folder => ("/" + path).Contains(folder, StringComparison.Ordinal)))
                .OrderBy(path => path, StringComparer.Ordinal)
                .ToList();

            var findings = sources.SelectMany(path => check.Findings(path, File.ReadAllText(Path.Combine(root, path)), path.StartsWith("Tests/", StringComparison.Ordinal))).ToList();

            Assert.Contains("Plugins/Lifecycle/LeadLifecyclePlugin.cs", sources);
            Assert.Contains("Tests/LeadAlign.Tests/Lifecycle/LifecycleFixture.cs", sources);
            Assert.DoesNotContain(sources, path => path.StartsWith(SchemaCodeFiles.RepositoryFolder, StringComparison.Ordinal));
            Assert.True(findings.Count == 0, findings.Count + " findings:\n" + string.Join("\n", findings));
        }

        [Fact]
        public void The_check_finds_a_choice_value_and_a_LeadAlign_name_standing_as_a_name_and_leaves_prose_alone()
        {
            var source = string.Join("\n",
                "class Sample",
                "{",
                "    void Save(Entity lead)",
                "    {",
                "        lead[\"" + Prefix + "_stage\"] = new OptionSetValue(" + OptionValuePrefix + "0001);",
                "        var fetch = \"<fetch><entity name='lead'><attribute name='" + Prefix + "_score' /></entity></fetch>\";",
                "        var columns = $\"statecode,{x}," + Prefix + "_handoffon\";",
                "        throw new BusinessRuleException(\"Set the stage (" + Prefix + "_stage) first.\");",
                "        copy.Break(\"Entities/Lead/Entity.xml\", \"<Name>" + Prefix + "_stage</Name>\", \"<Name>" + Prefix + "_stages</Name>\");",
                "        Execute(\"" + Prefix + "_AcceptLead\", \"" + Prefix + "_LeadAlignment\");",
                "        var unknown = \"" + Prefix + "_shoesize\";",
                "    }",
                "}");

            var inCode = Check().Findings("Plugins/Sample.cs", source, isTest: false);
            var inTest = Check().Findings("Tests/Sample.cs", source, isTest: true);

            Assert.Equal(
                new[]
                {
                    "Plugins/Sample.cs:5: the choice value " + OptionValuePrefix + "0001: take it from the generated enum (Shared/Schema/Generated).",
                    "Plugins/Sample.cs:5: the LeadAlign name " + Prefix + "_stage in a string: take it from the generated schema (Shared/Schema/Generated).",
                    "Plugins/Sample.cs:6: the LeadAlign name " + Prefix + "_score in a string: take it from the generated schema (Shared/Schema/Generated).",
                    "Plugins/Sample.cs:7: the LeadAlign name " + Prefix + "_handoffon in a string: take it from the generated schema (Shared/Schema/Generated).",
                    "Plugins/Sample.cs:11: the name " + Prefix + "_shoesize in a string is no table, column or choice of the solution: take a schema name from Shared/Schema/Generated, or add a name the code owns to the allowed names with why.",
                },
                inCode);
            Assert.Equal(inCode.Take(4).Select(finding => finding.Replace("Plugins/", "Tests/", StringComparison.Ordinal)), inTest);
        }

        [Fact]
        public void Every_fixture_file_exists_and_says_why()
        {
            Assert.All(FixtureFiles, file =>
            {
                Assert.True(File.Exists(RepositoryLayout.PathInRepo(file.Key)), file.Key + " does not exist.");
                Assert.False(string.IsNullOrWhiteSpace(file.Value));
            });
        }

        [Fact]
        public void Every_allowed_name_is_no_name_of_the_solution_and_says_why()
        {
            var declared = Declared(SolutionSchema.Read(RepositoryLayout.PathInRepo("Solution"))).ToHashSet(StringComparer.OrdinalIgnoreCase);

            Assert.All(OtherNames, name =>
            {
                Assert.DoesNotContain(name.Key, declared);
                Assert.False(string.IsNullOrWhiteSpace(name.Value));
            });
        }

        private static string Prefix => SolutionSchema.Read(RepositoryLayout.PathInRepo("Solution")).Prefix;

        private static string OptionValuePrefix => (string)XDocument.Load(RepositoryLayout.PathInRepo("Solution", "Other", "Solution.xml")).Descendants("CustomizationOptionValuePrefix").Single();

        private static SchemaLiteralCheck Check()
        {
            var solution = RepositoryLayout.PathInRepo("Solution");
            var schema = SolutionSchema.Read(solution);
            // Custom API names and their parameters belong to the Custom API declarations (customapis/ and the typed requests), not to the tables.
            var customApis = Directory.EnumerateDirectories(Path.Combine(solution, "customapis")).Select(Path.GetFileName)
                .ToDictionary(name => name!, name => "a Custom API's unique name (Solution/customapis/" + name + ")", StringComparer.Ordinal);
            var allowed = OtherNames.Concat(customApis).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
            return new SchemaLiteralCheck(schema.Prefix, OptionValuePrefix, Declared(schema), allowed, FixtureFiles);
        }

        private static IEnumerable<string> Declared(SolutionSchema schema) =>
            schema.Tables.Select(table => table.LogicalName)
                .Concat(schema.Tables.SelectMany(table => table.Columns).Select(column => column.LogicalName).Where(name => name.StartsWith(schema.Prefix + "_", StringComparison.Ordinal)))
                .Concat(schema.Choices.Select(choice => choice.LogicalName))
                .Distinct(StringComparer.Ordinal);
    }
}
