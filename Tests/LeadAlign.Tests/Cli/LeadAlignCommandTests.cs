using System.IO;
using Xunit;

namespace LeadAlign.Tests.Cli
{
    public class LeadAlignCommandTests
    {
        [Fact]
        public void The_assemblies_command_reports_each_deployable_assembly_with_its_identity_and_sdk_bindings()
        {
            var output = new StringWriter();
            var error = new StringWriter();

            var exitCode = LeadAlign.Cli.Program.Run(new[] { "assemblies" }, output, error);

            Assert.Equal(0, exitCode);
            Assert.Equal(string.Empty, error.ToString());
            var text = output.ToString();
            Assert.Contains("LeadAlign.Plugins, Version=1.0.0.0, Culture=neutral, PublicKeyToken=8d4dc8547008946c", text);
            Assert.Contains("LeadAlign.WorkflowActivities, Version=1.0.0.0, Culture=neutral, PublicKeyToken=8d4dc8547008946c", text);
            Assert.Contains(".NETFramework,Version=v4.6.2", text);
            Assert.Contains("Microsoft.Xrm.Sdk, Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35", text);
            Assert.Contains("strong-name signed: yes", text);
        }

        [Fact]
        public void An_unknown_command_fails_with_a_non_zero_exit_code_and_says_what_is_wrong()
        {
            var output = new StringWriter();
            var error = new StringWriter();

            var exitCode = LeadAlign.Cli.Program.Run(new[] { "simulat" }, output, error);

            Assert.NotEqual(0, exitCode);
            Assert.Contains("simulat", error.ToString());
        }
    
        [Fact]
        public void The_steps_command_checks_the_solution_step_files_against_the_declarations()
        {
            var output = new StringWriter();
            var error = new StringWriter();

            var exitCode = LeadAlign.Cli.Program.Run(new[] { "steps", "--check" }, output, error);

            Assert.Equal(string.Empty, error.ToString());
            Assert.Equal(0, exitCode);
            Assert.Contains("matches them", output.ToString());
        }

        [Fact]
        public void The_steps_command_reports_a_step_file_no_class_declares_and_fails()
        {
            var solution = Directory.CreateTempSubdirectory("leadalign-steps-").FullName;
            try
            {
                Directory.CreateDirectory(Path.Combine(solution, "SdkMessageProcessingSteps"));
                File.WriteAllText(Path.Combine(solution, "SdkMessageProcessingSteps", "{11111111-1111-4111-8111-111111111111}.xml"), "<SdkMessageProcessingStep />");
                var output = new StringWriter();
                var error = new StringWriter();

                var exitCode = LeadAlign.Cli.Program.Run(new[] { "steps", "--check", "--solution", solution }, output, error);
                var regenerated = LeadAlign.Cli.Program.Run(new[] { "steps", "--solution", solution }, output, error);

                Assert.Equal(1, exitCode);
                Assert.Contains("{11111111-1111-4111-8111-111111111111}.xml declares a step no plug-in class declares", error.ToString());
                Assert.Equal(0, regenerated);
                Assert.False(File.Exists(Path.Combine(solution, "SdkMessageProcessingSteps", "{11111111-1111-4111-8111-111111111111}.xml")));
                Assert.Equal(LeadAlign.Cli.SolutionRegistration.Declared(solution).Count, Directory.GetFiles(Path.Combine(solution, "SdkMessageProcessingSteps")).Length);
            }
            finally
            {
                Directory.Delete(solution, recursive: true);
            }
        }
    
        [Fact]
        public void Help_lists_every_command_and_succeeds()
        {
            var output = new StringWriter();
            var error = new StringWriter();

            var exitCode = LeadAlign.Cli.Program.Run(new[] { "--help" }, output, error);

            Assert.Equal(0, exitCode);
            foreach (var command in new[] { "simulate", "pack", "validate", "steps", "assemblies", "components", "schema" })
            {
                Assert.Contains(command, output.ToString());
            }
        }
    }
}
