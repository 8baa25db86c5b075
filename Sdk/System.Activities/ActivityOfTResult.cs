// Stand-in for .NET Framework 4.6.2's System.Activities (4.0.0.0), net10.0 only; its public API is a strict subset of the
// official one (Tests/LeadAlign.Tests/Compatibility checks it).
// Activity<TResult>: the definitions WorkflowInvoker runs that produce a TResult in their Result argument.
// Not modelled: Activity<TResult>.FromValue/FromVariable and the implicit conversions to Activity<TResult> (they build
// expressions).
// Not modelled anywhere in the stand-in: persistence, bookmarks, NativeActivity scheduling, expressions other than
// constants, and tracking.
namespace System.Activities
{
    /// <summary>An activity that produces a <typeparamref name="TResult"/> in its <see cref="Result"/> Out argument.</summary>
    public abstract class Activity<TResult> : ActivityWithResult
    {
        protected Activity()
        {
        }

        /// <summary>The Out argument named "Result"; filled in with a new argument the first time the activity is run if left null.</summary>
        public OutArgument<TResult> Result { get; set; }

        internal override Type InternalResultType => typeof(TResult);
    }
}
