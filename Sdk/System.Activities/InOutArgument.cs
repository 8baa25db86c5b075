// Stand-in for .NET Framework 4.6.2's System.Activities (4.0.0.0), net10.0 only; its public API is a strict subset of the
// official one (Tests/LeadAlign.Tests/Compatibility checks it).
// InOutArgument: data flowing into and back out of an activity; the activities declare InOutArgument<T>.
// Not modelled anywhere in the stand-in: persistence, bookmarks, NativeActivity scheduling, expressions other than
// constants, and tracking.
namespace System.Activities
{
    public abstract class InOutArgument : Argument
    {
        internal InOutArgument(Type argumentType)
            : base(argumentType, ArgumentDirection.InOut)
        {
        }
    }
}
