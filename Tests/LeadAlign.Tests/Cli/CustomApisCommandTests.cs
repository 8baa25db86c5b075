using System;
using System.IO;
using System.Linq;
using LeadAlign.Tests.Support;
using Xunit;

namespace LeadAlign.Tests.Cli
{
    /// <summary><c>leadalign customapis</c>: writes Solution/customapis from the [CustomApi] declarations; <c>--check</c> lists drift and fails.</summary>
    public class CustomApisCommandTests
    {
        [Fact]
        public void The_customapis_command_checks_the_solution_custom_api_files_against_the_declarations()
        {
            var output = new StringWriter();
            var error = new StringWriter();

            var exitCode = LeadAlign.Cli.Program.Run(new[] { "customapis", "--check" }, output, error);

            Assert.Equal(string.Empty, error.ToString());
            Assert.Equal(0, exitCode);
            Assert.Contains("11 declared Custom APIs; customapis matches them.", output.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public void The_check_lists_each_changed_missing_and_undeclared_file_and_fails_until_the_folder_is_regenerated_as_shipped()
        {
            using var copy = new SolutionCopy();
            copy.Break(Path.Combine("customapis", "la_AcceptLead", "customapi.xml"), "<displayname default=\"Accept lead\">", "<displayname default=\"Accept the lead\">");
            File.Delete(Path.Combine(copy.Folder, "customapis", "la_EvaluateLeadSlas", "customapiresponseproperties", "Warned", "customapiresponseproperty.xml"));
            var stray = Path.Combine(copy.Folder, "customapis", "la_SendRejectionFeedback", "customapirequestparameters", "Priority", "customapirequestparameter.xml");
            Directory.CreateDirectory(Path.GetDirectoryName(stray)!);
            File.WriteAllText(stray, "<customapirequestparameter uniquename=\"Priority\" />");
            var output = new StringWriter();
            var error = new StringWriter();

            var check = LeadAlign.Cli.Program.Run(new[] { "customapis", "--check", "--solution", copy.Folder }, output, error);
            var regenerate = LeadAlign.Cli.Program.Run(new[] { "customapis", "--solution", copy.Folder }, output, error);
            var checkAgain = LeadAlign.Cli.Program.Run(new[] { "customapis", "--check", "--solution", copy.Folder }, new StringWriter(), new StringWriter());

            Assert.Equal(5, check);
            var findings = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(
                new[]
                {
                    "customapis/la_AcceptLead/customapi.xml differs from the declaration of 'la_AcceptLead' on LeadAlign.Plugins.Lifecycle.AcceptLeadPlugin: line 9 is '<displayname default=\"Accept the lead\">', the declaration gives '<displayname default=\"Accept lead\">'.",
                    "customapis/la_EvaluateLeadSlas/customapiresponseproperties/Warned/customapiresponseproperty.xml is missing: 'la_EvaluateLeadSlas' is declared on LeadAlign.Plugins.Sla.EvaluateLeadSlasPlugin.",
                    "customapis/la_SendRejectionFeedback/customapirequestparameters/Priority/customapirequestparameter.xml is declared by no plug-in class: remove it, or declare it with [CustomApi] and its request and response classes.",
                },
                findings);
            Assert.Contains("3 differences: run 'leadalign customapis' to regenerate customapis.", output.ToString(), StringComparison.Ordinal);
            Assert.Equal(0, regenerate);
            Assert.Equal(0, checkAgain);
            Assert.False(Directory.Exists(Path.GetDirectoryName(stray)));
            var shipped = RepositoryLayout.PathInRepo("Solution", "customapis");
            var files = Directory.GetFiles(shipped, "*", SearchOption.AllDirectories).Select(file => Path.GetRelativePath(shipped, file)).OrderBy(file => file, StringComparer.Ordinal).ToList();
            Assert.Equal(files, Directory.GetFiles(Path.Combine(copy.Folder, "customapis"), "*", SearchOption.AllDirectories).Select(file => Path.GetRelativePath(Path.Combine(copy.Folder, "customapis"), file)).OrderBy(file => file, StringComparer.Ordinal));
            foreach (var file in files)
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(shipped, file)), File.ReadAllBytes(Path.Combine(copy.Folder, "customapis", file)));
            }
        }

        [Fact]
        public void Help_lists_the_customapis_command()
        {
            var output = new StringWriter();

            var exitCode = LeadAlign.Cli.Program.Run(new[] { "--help" }, output, new StringWriter());

            Assert.Equal(0, exitCode);
            Assert.Contains("customapis", output.ToString(), StringComparison.Ordinal);
        }
    }
}
