using System;
using System.CommandLine;
using System.IO;

namespace LeadAlign.Cli
{
    /// <summary>The <c>leadalign</c> command.</summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            return Run(args, Console.Out, Console.Error);
        }

        /// <summary>Runs the command line with the given output and error writers; returns the exit code.</summary>
        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            var configuration = new InvocationConfiguration { Output = output, Error = error };
            return BuildRootCommand(output, error).Parse(args).Invoke(configuration);
        }

        internal static RootCommand BuildRootCommand(TextWriter output, TextWriter error)
        {
            var root = new RootCommand("LeadAlign: the sales and marketing agreement, enforced inside Dynamics 365. Packs the solution and runs the suite on an embedded Dataverse.");

            var assemblies = new Command("assemblies", "Print each deployable (net462) assembly: path, target framework, identity, signature and the Dataverse SDK assemblies it binds to.");
            assemblies.SetAction(_ => Commands.PrintAssemblies(output, error));
            root.Subcommands.Add(assemblies);

            var solution = new Option<DirectoryInfo?>("--solution") { Description = "The unpacked solution folder (default: Solution/ of this repository)." };
            var check = new Option<bool>("--check") { Description = "Change nothing: list how the step files differ from the declarations, and fail if they do." };
            var steps = new Command("steps", "Write Solution/SdkMessageProcessingSteps from the [PluginStep] declarations on the plug-in classes (the one source of truth for registration).");
            steps.Options.Add(solution);
            steps.Options.Add(check);
            steps.SetAction(parsed => Commands.Steps(parsed.GetValue(solution)?.FullName, parsed.GetValue(check), output, error));
            root.Subcommands.Add(steps);

            return root;
        }
    }
}
