using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;

namespace LeadAlign.Cli
{
    /// <summary>
    /// What <c>leadalign</c> says when the command line does not parse (<see cref="ExitCode.Usage"/>): one line per problem,
    /// with the nearest command or option for a typo, then the usage of the command and where its help is.
    /// </summary>
    internal static class CommandLineUsage
    {
        public static void WriteErrors(ParseResult parsed, TextWriter error)
        {
            var command = parsed.CommandResult.Command;
            var name = CommandName(parsed.CommandResult);
            var lines = new List<string>();
            foreach (var token in parsed.UnmatchedTokens)
            {
                var what = token.StartsWith('-') ? $"'{token}' is not an option of {name}." : command.Subcommands.Count > 0 ? $"'{token}' is not a command of {name}." : $"{name} takes no argument '{token}'.";
                var nearest = Nearest(token, command.Subcommands.Select(subcommand => subcommand.Name).Concat(Options(parsed.CommandResult).Select(option => option.Name)));
                lines.Add(nearest == null ? what : $"{what} Did you mean '{nearest}'?");
            }

            foreach (var problem in parsed.Errors.Where(problem => problem.SymbolResult is not CommandResult))
            {
                lines.Add(problem.Message);
            }

            if (lines.Count == 0)
            {
                lines.Add(command.Subcommands.Count > 0 ? $"{name} needs a command." : string.Join(" ", parsed.Errors.Select(problem => problem.Message)));
            }

            foreach (var line in lines.Distinct(StringComparer.Ordinal))
            {
                error.WriteLine(line);
            }

            error.WriteLine(Usage(parsed.CommandResult));
        }

        /// <summary>The usage line of the command that was parsed: its subcommands, or its options, and where its help is.</summary>
        public static string Usage(CommandResult result)
        {
            var command = result.Command;
            var name = CommandName(result);
            if (command.Subcommands.Count > 0)
            {
                return $"Usage: {name} <command> [options], the command one of {string.Join(", ", command.Subcommands.Select(subcommand => subcommand.Name))} ('{name} --help' describes them).";
            }

            var options = Options(result).Select(option => option.ValueType == typeof(bool) ? $"[{option.Name}]" : $"[{option.Name} <{option.HelpName ?? option.Name.TrimStart('-')}>]");
            return $"Usage: {name} {string.Join(" ", options)} ('{name} --help' describes them).";
        }

        /// <summary>The options of the command and the recursive ones of its parents, without help and version.</summary>
        private static IEnumerable<Option> Options(CommandResult result)
        {
            var options = result.Command.Options.ToList();
            for (var parent = result.Parent as CommandResult; parent != null; parent = parent.Parent as CommandResult)
            {
                options.AddRange(parent.Command.Options.Where(option => option.Recursive));
            }

            return options.Where(option => option is not HelpOption and not VersionOption);
        }

        private static string CommandName(CommandResult result)
        {
            var names = new List<string>();
            for (CommandResult? each = result; each != null; each = each.Parent as CommandResult)
            {
                names.Insert(0, each.Command is RootCommand ? "leadalign" : each.Command.Name);
            }

            return string.Join(" ", names);
        }

        /// <summary>The candidate nearest to a mistyped token (at most two edits, or the token as its start), or null.</summary>
        private static string? Nearest(string token, IEnumerable<string> candidates) => candidates
            .Select(candidate => (Candidate: candidate, Distance: candidate.StartsWith(token, StringComparison.OrdinalIgnoreCase) && token.TrimStart('-').Length > 0 ? 0 : Distance(token.ToLowerInvariant(), candidate.ToLowerInvariant())))
            .Where(each => each.Distance <= 2)
            .OrderBy(each => each.Distance)
            .ThenBy(each => each.Candidate, StringComparer.Ordinal)
            .Select(each => each.Candidate)
            .FirstOrDefault();

        /// <summary>The edit distance (insertions, deletions, substitutions) between two words.</summary>
        private static int Distance(string from, string to)
        {
            var previous = Enumerable.Range(0, to.Length + 1).ToArray();
            for (var i = 1; i <= from.Length; i++)
            {
                var current = new int[to.Length + 1];
                current[0] = i;
                for (var j = 1; j <= to.Length; j++)
                {
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (from[i - 1] == to[j - 1] ? 0 : 1));
                }

                previous = current;
            }

            return previous[to.Length];
        }
    }
}
