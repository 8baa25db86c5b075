// Stand-in for .NET Framework 4.6.2's System.Activities (4.0.0.0), net10.0 only; its public API is a strict subset of the
// official one (Tests/LeadAlign.Tests/Compatibility checks it).
// ActivityWithResult: the definitions WorkflowInvoker runs that produce a value (Activity<TResult>).
// Not modelled anywhere in the stand-in: persistence, bookmarks, NativeActivity scheduling, expressions other than
// constants, and tracking.
namespace System.Activities
{
    /// <summary>An activity that produces a value (its Result argument). Only <see cref="Activity{TResult}"/> derives from it.</summary>
    public abstract class ActivityWithResult : Activity
    {
        internal ActivityWithResult()
        {
        }

        /// <summary>The type of the value the activity produces.</summary>
        public Type ResultType => InternalResultType;

        internal abstract Type InternalResultType { get; }
    }
}
