using System;
using System.IO;
using System.Linq;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Xunit;

namespace LeadAlign.Tests.Cli
{
    /// <summary>
    /// The <c>leadalign</c> command never prints a stack trace (issue 15, item 7): each bad input fails with one or two lines
    /// saying what is wrong and what to do, and an exit code per class of failure: 2 usage, 3 input, 4 output, 5 validation,
    /// 1 anything unexpected. Every test breaks a copy of the solution, never the repository's.
    /// </summary>
    public sealed class ExitCodeTests : IDisposable
    {
        private const string StackFrame = "   at ";
        private readonly SolutionCopy _copy = new();
        private readonly string _work = Directory.CreateTempSubdirectory("leadalign-exit-codes-").FullName;

        public void Dispose()
        {
            _copy.Dispose();
            Directory.Delete(_work, recursive: true);
        }

        [Theory]
        [InlineData("validate")]
        [InlineData("pack --output {work}/zips")]
        [InlineData("steps --check")]
        [InlineData("steps")]
        [InlineData("components --check")]
        [InlineData("schema --check")]
        [InlineData("customapis --check")]
        [InlineData("simulate --leads 120 --reps 4 --days 10 --output {work}/month")]
        public void A_corrupt_xml_file_in_the_solution_is_named_with_its_line_and_position_and_the_command_exits_3(string command)
        {
            var entity = Path.Combine(_copy.Folder, "Entities", "Lead", "Entity.xml");
            var element = $"<LogicalName>{LeadTable.Stage}</LogicalName>";
            var line = LineOf(entity, element);
            _copy.Break(Path.Combine("Entities", "Lead", "Entity.xml"), element, $"<LogicalName>{LeadTable.Stage}</Logicalname>");

            var run = Run(command.Replace("{work}", _work, StringComparison.Ordinal).Split(' ').Concat(new[] { "--solution", _copy.Folder }).ToArray());

            Assert.Equal(3, run.Exit);
            var lines = Lines(run.Error);
            Assert.Equal(2, lines.Length);
            Assert.StartsWith($"{entity}: line {line}, position ", lines[0], StringComparison.Ordinal);
            Assert.Contains("not well-formed XML", lines[0], StringComparison.Ordinal);
            Assert.Contains("Logicalname", lines[0], StringComparison.Ordinal);
            Assert.Equal("Fix this file of the solution (or restore it from source control) and run the command again.", lines[1]);
            Assert.DoesNotContain(StackFrame, run.Error, StringComparison.Ordinal);
            Assert.Equal(string.Empty, run.Output);
            Assert.False(Directory.Exists(Path.Combine(_work, "zips")) || Directory.Exists(Path.Combine(_work, "month")));
        }

        [Fact]
        public void Every_corrupt_file_is_listed_not_only_the_first()
        {
            File.AppendAllText(Path.Combine(_copy.Folder, "Data", "Agreement.xml"), "<entities />");
            _copy.Break(Path.Combine("Roles", "LeadAlignSalesRep.xml"), "<RolePrivilege ", "<RolePrivilege <");

            var run = Run("validate", "--solution", _copy.Folder);

            Assert.Equal(3, run.Exit);
            var lines = Lines(run.Error);
            Assert.Equal(3, lines.Length);
            Assert.StartsWith(Path.Combine(_copy.Folder, "Data", "Agreement.xml") + ": line ", lines[0], StringComparison.Ordinal);
            Assert.StartsWith(Path.Combine(_copy.Folder, "Roles", "LeadAlignSalesRep.xml") + ": line ", lines[1], StringComparison.Ordinal);
            Assert.Equal("Fix these 2 files of the solution (or restore them from source control) and run the command again.", lines[2]);
        }

        [Fact]
        public void An_unknown_option_exits_2_naming_it_the_nearest_option_and_the_usage_of_the_command()
        {
            var run = Run("simulate", "--lead", "100");

            Assert.Equal(2, run.Exit);
            var lines = Lines(run.Error);
            Assert.Equal("'--lead' is not an option of leadalign simulate. Did you mean '--leads'?", lines[0]);
            Assert.StartsWith("Usage: leadalign simulate [--leads <count>] [--reps <count>] [--days <count>] [--seed <number>] [--output <folder>] [--solution <folder>]", lines[^1], StringComparison.Ordinal);
            Assert.Equal(string.Empty, run.Output);
        }

        [Fact]
        public void A_bad_option_value_exits_2_with_what_to_give_and_the_usage()
        {
            var notANumber = Run("simulate", "--leads", "many");
            var tooFewReps = Run("simulate", "--reps", "1", "--output", Path.Combine(_work, "month"));

            Assert.Equal(2, notANumber.Exit);
            Assert.Contains("'many'", notANumber.Error, StringComparison.Ordinal);
            Assert.Contains("--leads", notANumber.Error, StringComparison.Ordinal);
            Assert.Equal(2, tooFewReps.Exit);
            Assert.Equal(
                new[] { "--reps must be between 2 and 200; it was 1." },
                Lines(tooFewReps.Error).Take(1));
            Assert.StartsWith("Usage: leadalign simulate ", Lines(tooFewReps.Error)[1], StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(_work, "month")));
        }

        [Fact]
        public void No_command_exits_2_with_the_commands_to_choose_from()
        {
            var run = Run();

            Assert.Equal(2, run.Exit);
            Assert.Equal(
                new[]
                {
                    "leadalign needs a command.",
                    "Usage: leadalign <command> [options], the command one of assemblies, steps, customapis, components, schema, simulate, pack, validate ('leadalign --help' describes them).",
                },
                Lines(run.Error));
        }

        [Fact]
        public void A_simulation_output_under_a_file_exits_4_before_any_simulation_work()
        {
            var file = Path.Combine(_work, "not-a-folder");
            File.WriteAllText(file, "a file");
            var output = Path.Combine(file, "month");

            var run = Run("simulate", "--leads", "120", "--reps", "4", "--days", "10", "--output", output);

            Assert.Equal(4, run.Exit);
            Assert.Equal(
                new[] { $"Cannot write {output}: {file} is a file, not a folder.", "Give a folder you can write to with --output." },
                Lines(run.Error));
            Assert.DoesNotContain("Simulating", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("day ", run.Output, StringComparison.Ordinal);
            Assert.Equal(new[] { file }, Directory.GetFileSystemEntries(_work));
        }

        [Fact]
        public void A_report_file_that_cannot_be_overwritten_exits_4_before_any_simulation_work()
        {
            var output = Path.Combine(_work, "month");
            Directory.CreateDirectory(Path.Combine(output, "report.html"));

            var run = Run("simulate", "--leads", "120", "--reps", "4", "--days", "10", "--output", output);

            Assert.Equal(4, run.Exit);
            Assert.StartsWith($"Cannot write {Path.Combine(output, "report.html")}: ", Lines(run.Error)[0], StringComparison.Ordinal);
            Assert.DoesNotContain("Simulating", run.Output, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(output, "report.txt")));
        }

        [Fact]
        public void Pack_into_an_output_under_a_file_exits_4_before_validating_or_packing()
        {
            var file = Path.Combine(_work, "not-a-folder");
            File.WriteAllText(file, "a file");
            _copy.Break(Path.Combine("Entities", "Lead", "FormXml", "main", "{952aedb5-1f47-5d33-93d2-370496313d96}.xml"), "datafieldname=\"la_recyclereason\"", "datafieldname=\"la_recycle\"");

            var run = Run("pack", "--solution", _copy.Folder, "--output", Path.Combine(file, "zips"));

            Assert.Equal(4, run.Exit);
            Assert.Equal($"Cannot write {Path.Combine(file, "zips")}: {file} is a file, not a folder.", Lines(run.Error)[0]);
            Assert.DoesNotContain("la_recycle", run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("Packed", run.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void Generating_into_a_folder_that_is_a_file_exits_4_and_says_which_option_to_change()
        {
            var steps = Path.Combine(_copy.Folder, "SdkMessageProcessingSteps");
            Directory.Delete(steps, recursive: true);
            File.WriteAllText(steps, "a file where the step files go");
            var code = Path.Combine(_work, "not-a-folder");
            File.WriteAllText(code, "a file");

            var stepsRun = Run("steps", "--solution", _copy.Folder);
            var schemaRun = Run("schema", "--solution", _copy.Folder, "--code", code);

            Assert.Equal(4, stepsRun.Exit);
            Assert.Equal(new[] { $"Cannot write {steps}: {steps} is a file, not a folder.", "Give an unpacked solution folder you can write to with --solution." }, Lines(stepsRun.Error));
            Assert.Equal("a file where the step files go", File.ReadAllText(steps));
            Assert.Equal(4, schemaRun.Exit);
            Assert.Equal(new[] { $"Cannot write {code}: {code} is a file, not a folder.", "Give a folder you can write to with --code." }, Lines(schemaRun.Error));
        }

        [Fact]
        public void Pack_without_the_data_folder_exits_3_naming_it_and_packs_nothing()
        {
            Directory.Delete(Path.Combine(_copy.Folder, "Data"), recursive: true);
            var zips = Path.Combine(_work, "zips");

            var pack = Run("pack", "--solution", _copy.Folder, "--output", zips);
            var simulate = Run("simulate", "--solution", _copy.Folder, "--output", Path.Combine(_work, "month"));

            Assert.Equal(3, pack.Exit);
            Assert.Equal(
                new[]
                {
                    $"The solution folder {_copy.Folder} lacks Data/ (the default scoring model and agreement).",
                    "Give the whole unpacked solution with --solution, or restore what is missing from source control.",
                },
                Lines(pack.Error));
            Assert.DoesNotContain("Packed", pack.Output, StringComparison.Ordinal);
            Assert.False(Directory.Exists(zips) && Directory.EnumerateFileSystemEntries(zips).Any());
            Assert.Equal(3, simulate.Exit);
            Assert.Equal(Lines(pack.Error), Lines(simulate.Error));
        }

        [Fact]
        public void A_simulation_whose_data_holds_no_agreement_exits_3_saying_what_to_restore()
        {
            File.Delete(Path.Combine(_copy.Folder, "Data", "Agreement.xml"));

            var run = Run("simulate", "--leads", "120", "--reps", "4", "--days", "10", "--solution", _copy.Folder, "--output", Path.Combine(_work, "month"));

            Assert.Equal(3, run.Exit);
            Assert.Equal(
                new[]
                {
                    "The solution's Data/ holds no agreement 1ead5c0e-b000-4000-8000-000000000001: the simulation runs the agreement LeadAlign ships.",
                    "Restore Data/Agreement.xml of the solution from source control.",
                },
                Lines(run.Error));
            Assert.DoesNotContain("day ", run.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void A_solution_with_a_finding_fails_validation_with_5_and_pack_packs_nothing()
        {
            _copy.Break(Path.Combine("Entities", "Lead", "FormXml", "main", "{952aedb5-1f47-5d33-93d2-370496313d96}.xml"), "datafieldname=\"la_recyclereason\"", "datafieldname=\"la_recycle\"");
            var zips = Path.Combine(_work, "zips");

            var validate = Run("validate", "--solution", _copy.Folder);
            var pack = Run("pack", "--solution", _copy.Folder, "--output", zips);

            Assert.Equal(5, validate.Exit);
            Assert.Contains("the column lead.la_recycle does not exist.", validate.Error, StringComparison.Ordinal);
            Assert.Equal("1 findings.", validate.Output.Trim().Split('\n')[^1]);
            Assert.Equal(5, pack.Exit);
            Assert.EndsWith("1 findings: nothing packed. Fix them ('leadalign validate' lists them) and pack again.", pack.Error.Trim(), StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFiles(zips));
            Assert.DoesNotContain(StackFrame, validate.Error + pack.Error, StringComparison.Ordinal);
        }

        [Fact]
        public void An_unexpected_error_is_one_line_naming_the_exception_exits_1_and_verbose_adds_the_trace()
        {
            // A record id that is no GUID: the in-memory Dataverse's data reader does not expect it (Guid.Parse throws).
            _copy.Break(Path.Combine("Data", "Agreement.xml"), "<record id=\"1ead5c0e-b000-4000-8000-000000000001\">", "<record id=\"the-agreement\">");

            var quiet = Run("steps", "--check", "--solution", _copy.Folder);
            var verbose = Run("steps", "--check", "--solution", _copy.Folder, "--verbose");

            Assert.Equal(1, quiet.Exit);
            var line = Assert.Single(Lines(quiet.Error));
            Assert.StartsWith("Unexpected error: FormatException: ", line, StringComparison.Ordinal);
            Assert.EndsWith(" (run with --verbose for details)", line, StringComparison.Ordinal);
            Assert.Equal(1, verbose.Exit);
            Assert.StartsWith("Unexpected error: FormatException: ", verbose.Error, StringComparison.Ordinal);
            Assert.Contains("System.FormatException", verbose.Error, StringComparison.Ordinal);
            Assert.Contains(StackFrame, verbose.Error, StringComparison.Ordinal);
        }

        [Fact]
        public void Help_and_the_readme_document_every_exit_code()
        {
            var root = Run("--help");
            var simulate = Run("simulate", "--help");
            var readme = File.ReadAllText(RepositoryLayout.PathInRepo("README.md"));

            Assert.Equal(0, root.Exit);
            Assert.Equal(0, simulate.Exit);
            foreach (var code in Enum.GetValues<LeadAlign.Cli.ExitCode>())
            {
                Assert.Contains(Environment.NewLine + $"  {(int)code}  ", root.Output, StringComparison.Ordinal);
                Assert.Contains(Environment.NewLine + $"  {(int)code}  ", simulate.Output, StringComparison.Ordinal);
                Assert.Contains($"\n| {(int)code} | ", readme, StringComparison.Ordinal);
            }

            Assert.Contains("--verbose", root.Output, StringComparison.Ordinal);
        }

        private static (int Exit, string Output, string Error) Run(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var exit = LeadAlign.Cli.Program.Run(args, output, error);
            return (exit, output.ToString(), error.ToString());
        }

        private static string[] Lines(string text) => text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        private static int LineOf(string file, string text)
        {
            var content = File.ReadAllText(file);
            var at = content.IndexOf(text, StringComparison.Ordinal);
            Assert.True(at >= 0, $"{file} no longer holds {text}");
            return content[..at].Count(character => character == '\n') + 1;
        }
    }
}
