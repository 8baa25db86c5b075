using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.IO;
using System.Linq;
using System.Xml;

namespace LeadAlign.Cli
{
    /// <summary>
    /// The <c>leadalign</c> command. It never prints a stack trace unless asked: a bad command line exits with
    /// <see cref="ExitCode.Usage"/> and the usage, a failure the user can act on (<see cref="CommandFailure"/>) with its message
    /// and code, and anything unexpected with one line naming the exception (<c>--verbose</c> adds the trace) and exit code 1.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            return Run(args, Console.Out, Console.Error);
        }

        /// <summary>Runs the command line with the given output and error writers; returns the exit code (<see cref="ExitCode"/>).</summary>
        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            var verbose = new Option<bool>("--verbose") { Description = "On an unexpected error, print its details (the exception with its stack trace).", Recursive = true };
            var root = BuildRootCommand(output, error);
            root.Options.Add(verbose);
            var help = root.Options.OfType<HelpOption>().Single();
            help.Action = new HelpWithExitCodes((SynchronousCommandLineAction)help.Action!);
            var parsed = root.Parse(args);
            if (parsed.Action is ParseErrorAction)
            {
                CommandLineUsage.WriteErrors(parsed, error);
                return (int)ExitCode.Usage;
            }

            var showDetails = parsed.GetValue(verbose);
            try
            {
                return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
            }
            catch (CommandFailure failure)
            {
                error.WriteLine(failure.Message);
                if (failure.Code == ExitCode.Usage)
                {
                    error.WriteLine(CommandLineUsage.Usage(parsed.CommandResult));
                }

                if (showDetails && failure.InnerException != null)
                {
                    error.WriteLine(failure.InnerException);
                }

                return (int)failure.Code;
            }
            catch (XmlException corrupt)
            {
                // A reader the solution check did not cover (the solution check names every corrupt file of the solution itself).
                var file = SolutionInput.FileOf(corrupt);
                error.WriteLine(file == null ? $"An XML input is not well formed: {corrupt.Message}" : SolutionInput.Describe(file, corrupt));
                error.WriteLine("Fix the file (or restore it from source control) and run the command again.");
                if (showDetails)
                {
                    error.WriteLine(corrupt);
                }

                return (int)ExitCode.Input;
            }
            catch (InvalidDataException invalid)
            {
                // A reader of the solution refused what it read (a command that knows better says so itself, as a CommandFailure).
                error.WriteLine(invalid.Message);
                error.WriteLine("Fix the solution ('leadalign validate' lists what it finds) and run the command again.");
                if (showDetails)
                {
                    error.WriteLine(invalid);
                }

                return (int)ExitCode.Validation;
            }
            catch (Exception unexpected)
            {
                error.WriteLine($"Unexpected error: {TypeName(unexpected.GetType())}: {OneLine(unexpected.Message)}" + (showDetails ? string.Empty : " (run with --verbose for details)"));
                if (showDetails)
                {
                    error.WriteLine(unexpected);
                }

                return (int)ExitCode.Unexpected;
            }
        }

        /// <summary>A type's name as C# writes it: <c>FaultException&lt;OrganizationServiceFault&gt;</c>, not <c>FaultException`1</c>.</summary>
        private static string TypeName(Type type) =>
            type.IsGenericType
                ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", type.GetGenericArguments().Select(TypeName)) + ">"
                : type.Name;

        private static string OneLine(string message) =>
            string.Join(" ", message.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        internal static RootCommand BuildRootCommand(TextWriter outputWriter, TextWriter error)
        {
            var output0 = outputWriter;
            var root = new RootCommand("LeadAlign: the sales and marketing agreement, enforced inside Dynamics 365. Packs the solution and runs the suite on an embedded Dataverse.");

            var assemblies = new Command("assemblies", "Print each deployable (net462) assembly: path, target framework, identity, signature and the Dataverse SDK assemblies it binds to.");
            assemblies.SetAction(_ => Commands.PrintAssemblies(output0, error));
            root.Subcommands.Add(assemblies);

            var solution = new Option<DirectoryInfo?>("--solution") { HelpName = "folder", Description = "The unpacked solution folder (default: the solution carried with the tool, or Solution/ of the repository a development build came from)." };
            var check = new Option<bool>("--check") { Description = "Change nothing: list how the step files differ from the declarations, and fail if they do." };
            var steps = new Command("steps", "Write Solution/SdkMessageProcessingSteps from the [PluginStep] declarations on the plug-in classes (the one source of truth for registration).");
            steps.Options.Add(solution);
            steps.Options.Add(check);
            steps.SetAction(parsed => Commands.Steps(parsed.GetValue(solution)?.FullName, parsed.GetValue(check), output0, error));
            root.Subcommands.Add(steps);

            var customApisSolution = new Option<DirectoryInfo?>("--solution") { HelpName = "folder", Description = "The unpacked solution folder (default: the solution carried with the tool, or Solution/ of the repository a development build came from)." };
            var customApisCheck = new Option<bool>("--check") { Description = "Change nothing: list how the customapis files differ from the declarations, and fail if they do." };
            var customApis = new Command("customapis", "Write Solution/customapis from the [CustomApi] declarations on the plug-in classes and the [CustomApiParameter] and [CustomApiResponseProperty] properties of their request and response classes, in the shape of a managed export.");
            customApis.Options.Add(customApisSolution);
            customApis.Options.Add(customApisCheck);
            customApis.SetAction(parsed => Commands.CustomApis(parsed.GetValue(customApisSolution)?.FullName, parsed.GetValue(customApisCheck), output0, error));
            root.Subcommands.Add(customApis);

            var componentsSolution = new Option<DirectoryInfo?>("--solution") { HelpName = "folder", Description = "The unpacked solution folder (default: the solution carried with the tool, or Solution/ of the repository a development build came from)." };
            var componentsCheck = new Option<bool>("--check") { Description = "Change nothing: list how Other/Solution.xml's RootComponents differ from the solution's folders, and fail if they do." };
            var components = new Command("components", "Write the RootComponents of Solution/Other/Solution.xml from the solution's folders and the built assemblies (tables with their behaviour, option sets, roles, workflows, dashboards, site map, app module, assemblies, steps), as a real export lists them.");
            components.Options.Add(componentsSolution);
            components.Options.Add(componentsCheck);
            components.SetAction(parsed => Commands.Components(parsed.GetValue(componentsSolution)?.FullName, parsed.GetValue(componentsCheck), output0, error));
            root.Subcommands.Add(components);

            var schemaSolution = new Option<DirectoryInfo?>("--solution") { HelpName = "folder", Description = "The unpacked solution folder (default: the solution carried with the tool, or Solution/ of the repository a development build came from)." };
            var schemaCode = new Option<DirectoryInfo?>("--code") { HelpName = "folder", Description = "The folder of the generated schema code (default: Shared/Schema/Generated of this repository)." };
            var schemaCheck = new Option<bool>("--check") { Description = "Change nothing: list how the generated schema code differs from the solution's tables, columns and choices, and fail if it does." };
            var schema = new Command("schema", "Write Shared/Schema/Generated from the solution's Entities and OptionSets: one class per table with its logical name and the names of the columns the solution declares on it, one enum per choice (the one declaration of LeadAlign's names and choice values the code uses).");
            schema.Options.Add(schemaSolution);
            schema.Options.Add(schemaCode);
            schema.Options.Add(schemaCheck);
            schema.SetAction(parsed => Commands.Schema(parsed.GetValue(schemaSolution)?.FullName, parsed.GetValue(schemaCode)?.FullName, parsed.GetValue(schemaCheck), output0, error));
            root.Subcommands.Add(schema);

            var leads = new Option<int>("--leads") { HelpName = "count", Description = "How many leads the month brings.", DefaultValueFactory = _ => 5000 };
            var reps = new Option<int>("--reps") { HelpName = "count", Description = "How many sales reps work them.", DefaultValueFactory = _ => 10 };
            var days = new Option<int>("--days") { HelpName = "count", Description = "How many days the simulated month lasts.", DefaultValueFactory = _ => 30 };
            var seed = new Option<int>("--seed") { HelpName = "number", Description = "The random seed: the same seed gives the same report.", DefaultValueFactory = _ => 42 };
            var output = new Option<DirectoryInfo?>("--output") { HelpName = "folder", Description = "Where to write report.html, .txt, .csv and .json (with --compare, also report-compare.txt, .csv and .json) (default: ./simulation)." };
            var simulateSolution = new Option<DirectoryInfo?>("--solution") { HelpName = "folder", Description = "The unpacked solution folder (default: the solution carried with the tool, or Solution/ of the repository a development build came from)." };
            var compare = new Option<string?>("--compare")
            {
                HelpName = "change",
                Description = "Run the same seeded month twice, as shipped and with one change, and report both side by side with the differences: "
                    + "mql-threshold=<n> (the scoring model's MQL threshold), accept-hours=<n> (the agreement's accept SLA), reps=<n>, or routing=round-robin|queue.",
            };
            var simulate = new Command("simulate", "Run a synthetic month of leads through LeadAlign's real plug-ins, workflows and activities on an embedded, in-memory Dataverse, and report the funnel, SLA, rejections and score quality.");
            simulate.Options.Add(leads);
            simulate.Options.Add(reps);
            simulate.Options.Add(days);
            simulate.Options.Add(seed);
            simulate.Options.Add(output);
            simulate.Options.Add(simulateSolution);
            simulate.Options.Add(compare);
            simulate.SetAction(parsed => Commands.Simulate(
                parsed.GetValue(simulateSolution)?.FullName,
                parsed.GetValue(leads),
                parsed.GetValue(reps),
                parsed.GetValue(days),
                parsed.GetValue(seed),
                parsed.GetValue(output)?.FullName,
                parsed.GetValue(compare),
                outputWriter,
                error));
            root.Subcommands.Add(simulate);

            var packSolution = new Option<DirectoryInfo?>("--solution") { HelpName = "folder", Description = "The unpacked solution folder (default: the solution carried with the tool, or Solution/ of the repository a development build came from)." };
            var packOutput = new Option<DirectoryInfo?>("--output") { HelpName = "folder", Description = "Where to write the zips (default: ./out)." };
            var pack = new Command("pack", "Validate the solution (as 'validate' does; any finding stops the pack), then pack the managed and unmanaged solution zips from Solution/ and the net462 assemblies, with the RootComponents computed from the folders and customizations.xml validated against the solution schema.");
            pack.Options.Add(packSolution);
            pack.Options.Add(packOutput);
            pack.SetAction(parsed => Commands.Pack(parsed.GetValue(packSolution)?.FullName, parsed.GetValue(packOutput)?.FullName, output0, error));
            root.Subcommands.Add(pack);

            var validateSolution = new Option<DirectoryInfo?>("--solution") { HelpName = "folder", Description = "The unpacked solution folder (default: the solution carried with the tool, or Solution/ of the repository a development build came from)." };
            var validate = new Command("validate", "Check the unpacked solution: step tables, filtering attributes and image columns, plug-in types, workflow activities, Custom API plug-in types, and the columns forms, views and charts name, and the export shape: RootComponents, Yes/No options, system columns, Custom API files. Each finding gives its file and line.");
            validate.Options.Add(validateSolution);
            validate.SetAction(parsed => Commands.Validate(parsed.GetValue(validateSolution)?.FullName, output0, error));
            root.Subcommands.Add(validate);

            return root;
        }
    }
}
