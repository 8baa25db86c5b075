using System;
using System.IO;
using Spectre.Console;

namespace LeadAlign.Cli.Progress
{
    /// <summary>
    /// Chooses how <c>leadalign simulate</c> shows its progress: a progress bar on the error stream when that stream is the
    /// process's own and an interactive terminal, otherwise (redirected, piped, a CI log, a test's writer) plain lines on the output.
    /// </summary>
    public static class ProgressDisplay
    {
        public static ISimulationProgress For(TextWriter output, TextWriter error)
        {
            if (ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected)
            {
                // Spectre.Console detects interaction from the standard output, which a user may redirect to keep the report
                // (leadalign simulate > month.txt): the error stream being a terminal is what counts here. A CI system's
                // profile still turns interaction off.
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error), Interactive = InteractionSupport.Yes });
                if (console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi)
                {
                    return new TerminalProgress(console);
                }
            }

            return new PlainProgress(output);
        }
    }
}
