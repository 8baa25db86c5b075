using System.CommandLine;
using System.CommandLine.Invocation;

namespace LeadAlign.Cli
{
    /// <summary>The help of every command, followed by what the exit codes mean (<see cref="ExitCode"/>).</summary>
    internal sealed class HelpWithExitCodes : SynchronousCommandLineAction
    {
        public const string Text =
            "Exit codes:\n" +
            "  0  done.\n" +
            "  1  an unexpected error (one line; --verbose prints the details), or asynchronous jobs that failed in a simulation.\n" +
            "  2  usage: an unknown command or option, or a bad option value.\n" +
            "  3  input: a missing or corrupt input file or folder (the solution folder or a part of it, XML that is not well formed, a built assembly).\n" +
            "  4  output: a folder or file that cannot be written (checked before the work starts).\n" +
            "  5  validation: the solution has findings (validate, pack, schema), or --check found drift.\n";

        private readonly SynchronousCommandLineAction _help;

        public HelpWithExitCodes(SynchronousCommandLineAction help)
        {
            _help = help;
        }

        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var exitCode = _help.Invoke(parseResult);
            parseResult.InvocationConfiguration.Output.Write(Text.Replace("\n", System.Environment.NewLine, System.StringComparison.Ordinal));
            return exitCode;
        }
    }
}
