using System.IO;
using LeadAlign.Tests.Support;
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
        public void An_unknown_command_exits_2_naming_it_the_nearest_command_and_the_usage()
        {
            var output = new StringWriter();
            var error = new StringWriter();

            var exitCode = LeadAlign.Cli.Program.Run(new[] { "simulat" }, output, error);

            Assert.Equal(2, exitCode);
            Assert.Equal(
                new[]
                {
                    "'simulat' is not a command of leadalign. Did you mean 'simulate'?",
                    "Usage: leadalign <command> [options], the command one of assemblies, steps, customapis, components, schema, simulate, pack, validate ('leadalign --help' describes them).",
                },
                error.ToString().Split(System.Environment.NewLine, System.StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal(string.Empty, output.ToString());
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
        public void The_steps_command_reports_a_step_file_no_class_declares_fails_with_5_and_regenerating_removes_it()
        {
            using var copy = new SolutionCopy();
            var stray = Path.Combine(copy.Folder, "SdkMessageProcessingSteps", "{11111111-1111-4111-8111-111111111111}.xml");
            File.WriteAllText(stray, "<SdkMessageProcessingStep />");
            var output = new StringWriter();
            var error = new StringWriter();

            var exitCode = LeadAlign.Cli.Program.Run(new[] { "steps", "--check", "--solution", copy.Folder }, output, error);
            var regenerated = LeadAlign.Cli.Program.Run(new[] { "steps", "--solution", copy.Folder }, output, error);

            Assert.Equal(5, exitCode);
            Assert.Contains("{11111111-1111-4111-8111-111111111111}.xml declares a step no plug-in class declares", error.ToString());
            Assert.Equal(0, regenerated);
            Assert.False(File.Exists(stray));
            Assert.Equal(LeadAlign.Cli.SolutionRegistration.Declared(copy.Folder).Count, Directory.GetFiles(Path.Combine(copy.Folder, "SdkMessageProcessingSteps")).Length);
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
