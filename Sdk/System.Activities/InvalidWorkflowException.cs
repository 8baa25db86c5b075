// Stand-in for .NET Framework 4.6.2's System.Activities (4.0.0.0), net10.0 only; its public API is a strict subset of the
// official one (Tests/LeadAlign.Tests/Compatibility checks it).
// InvalidWorkflowException: the workflow definition itself is invalid.
// Not modelled: the serialization constructor (obsolete on .NET 10), and most of WF4's tree validation (constraints,
// variables, expressions, children); the stand-in raises it for what it can check on a CodeActivity: one Argument object
// declared by more than one argument property.
// Not modelled anywhere in the stand-in: persistence, bookmarks, NativeActivity scheduling, expressions other than
// constants, and tracking.
namespace System.Activities
{
    /// <summary>
    /// Thrown when the workflow definition fails validation, before anything runs. The message starts
    /// "The following errors were encountered while processing the workflow tree:" and lists one "'DisplayName': error" a line.
    /// </summary>
    [Serializable]
    public class InvalidWorkflowException : Exception
    {
        public InvalidWorkflowException()
        {
        }

        public InvalidWorkflowException(string message)
            : base(message)
        {
        }

        public InvalidWorkflowException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
