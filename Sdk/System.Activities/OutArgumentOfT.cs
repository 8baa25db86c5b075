// Stand-in for .NET Framework 4.6.2's System.Activities (4.0.0.0), net10.0 only; its public API is a strict subset of the
// official one (Tests/LeadAlign.Tests/Compatibility checks it).
// OutArgument<T>: data flowing out of an activity, returned by WorkflowInvoker by argument name.
// Not modelled: binding an Out argument to a location (Expression, the Activity<Location<T>>, Variable, DelegateArgument and
// Expression<Func<ActivityContext,T>> constructors and conversions, GetLocation) and argument references.
// Not modelled anywhere in the stand-in: persistence, bookmarks, NativeActivity scheduling, expressions other than
// constants, and tracking.
namespace System.Activities
{
    /// <summary>An Out argument of type <typeparamref name="T"/>: default(T) at the start of each run until set.</summary>
    public sealed class OutArgument<T> : OutArgument
    {
        public OutArgument()
            : base(typeof(T))
        {
        }

        public new T Get(ActivityContext context)
        {
            if (context == null)
            {
                throw new ArgumentNullException(nameof(context));
            }

            return context.GetValue(this);
        }

        public void Set(ActivityContext context, T value)
        {
            if (context == null)
            {
                throw new ArgumentNullException(nameof(context));
            }

            context.SetValue(this, value);
        }
    }
}
