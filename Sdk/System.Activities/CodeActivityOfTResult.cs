// Stand-in for .NET Framework 4.6.2's System.Activities (4.0.0.0), net10.0 only; its public API is a strict subset of the
// official one (Tests/LeadAlign.Tests/Compatibility checks it).
// CodeActivity<TResult>: an activity whose work is one synchronous Execute call that returns its result.
// Not modelled: CacheMetadata(CodeActivityMetadata) (arguments are found by reflection on public argument properties, the
// default WF4 behaviour), runtime arguments declared in code, extensions required through metadata, validation constraints
// and dynamic update.
// Not modelled anywhere in the stand-in: persistence, bookmarks, NativeActivity scheduling, expressions other than
// constants, and tracking.
namespace System.Activities
{
    /// <summary>An activity whose work is <see cref="Execute"/>, whose return value becomes the Result argument.</summary>
    public abstract class CodeActivity<TResult> : Activity<TResult>
    {
        protected CodeActivity()
        {
        }

        /// <summary>The activity's work; the value returned is assigned to the Result Out argument.</summary>
        protected abstract TResult Execute(CodeActivityContext context);

        internal override void InternalExecute(CodeActivityContext context)
        {
            var result = Execute(context);
            context.Environment.SetResult(result);
        }
    }
}
