namespace LeadAlign.Cli
{
    /// <summary>
    /// The <c>leadalign</c> command's exit codes, one per class of failure, so that scripts and CI can tell a typo from a
    /// broken solution. <c>--help</c> lists them (<see cref="HelpWithExitCodes"/>), and so does the README.
    /// </summary>
    public enum ExitCode
    {
        /// <summary>The command did what it was asked.</summary>
        Ok = 0,

        /// <summary>Something nobody planned for (said in one line; <c>--verbose</c> prints the trace), or failed asynchronous jobs in a simulation.</summary>
        Unexpected = 1,

        /// <summary>An unknown command or option, or a bad option value.</summary>
        Usage = 2,

        /// <summary>A missing or corrupt input: the solution folder or a part of it, an XML file that is not well formed, a built assembly.</summary>
        Input = 3,

        /// <summary>An output that cannot be written (checked before the work starts).</summary>
        Output = 4,

        /// <summary>The solution is not valid (<c>validate</c>, <c>pack</c>, <c>schema</c>), or <c>--check</c> found drift.</summary>
        Validation = 5,
    }
}
