// Stand-in for .NET Framework 4.6.2's System.Activities (4.0.0.0), net10.0 only; its public API is a strict subset of the
// official one (Tests/LeadAlign.Tests/Compatibility checks it).
// ArgumentDirection: whether an argument's data flows into an activity, out of it, or both.
// Not modelled anywhere in the stand-in: persistence, bookmarks, NativeActivity scheduling, expressions other than
// constants, and tracking.
namespace System.Activities
{
    public enum ArgumentDirection
    {
        In = 0,
        Out = 1,
        InOut = 2,
    }
}
