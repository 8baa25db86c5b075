// Stand-in for .NET Framework 4.6.2's System.Activities (4.0.0.0), net10.0 only; its public API is a strict subset of the
// official one (Tests/LeadAlign.Tests/Compatibility checks it).
// InOutArgument<T>: data flowing into and back out of an activity.
// Not modelled: binding to a location (Expression, the Activity<Location<T>>, Variable and Expression<Func<ActivityContext,T>>
// constructors and conversions, GetLocation) and argument references.
// Not modelled anywhere in the stand-in: persistence, bookmarks, NativeActivity scheduling, expressions other than
// constants, and tracking.
namespace System.Activities
{
    /// <summary>An InOut argument of type <typeparamref name="T"/>: the invoker's input of that name (or default(T)), returned as an output.</summary>
    public sealed class InOutArgument<T> : InOutArgument
    {
        public InOutArgument()
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
