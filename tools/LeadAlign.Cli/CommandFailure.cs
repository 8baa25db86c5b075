using System;

namespace LeadAlign.Cli
{
    /// <summary>
    /// A failure the user can act on: its message (one or two lines) says what is wrong and what to do, its code the class of
    /// failure. <see cref="Program.Run"/> prints the message, never a stack trace, and exits with the code.
    /// </summary>
    public sealed class CommandFailure : Exception
    {
        public CommandFailure(ExitCode code, string message, Exception? cause = null)
            : base(message, cause)
        {
            Code = code;
        }

        public ExitCode Code { get; }
    }
}
