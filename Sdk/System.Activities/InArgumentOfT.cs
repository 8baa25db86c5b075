// Stand-in for .NET Framework 4.6.2's System.Activities (4.0.0.0), net10.0 only; its public API is a strict subset of the
// official one (Tests/LeadAlign.Tests/Compatibility checks it).
// InArgument<T>: data flowing into an activity, from the invoker's inputs or from a constant.
// Not modelled: Expression and the Activity<T>, Variable, DelegateArgument and Expression<Func<ActivityContext,T>>
// constructors and conversions (an In argument is unbound or a constant), and argument references.
// Not modelled anywhere in the stand-in: persistence, bookmarks, NativeActivity scheduling, expressions other than
// constants, and tracking.
namespace System.Activities
{
    /// <summary>
    /// An In argument of type <typeparamref name="T"/>. Unbound (<c>new InArgument&lt;T&gt;()</c>) it reads default(T) unless
    /// the invoker supplies a value; bound to a constant (<c>new InArgument&lt;T&gt;(value)</c>, or <c>Argument = value</c>) it reads
    /// the constant unless the invoker supplies a value of the same name, which wins.
    /// </summary>
    public sealed class InArgument<T> : InArgument
    {
        private readonly bool _hasConstant;
        private readonly T _constant;

        public InArgument()
            : base(typeof(T))
        {
        }

        public InArgument(T constValue)
            : base(typeof(T))
        {
            _hasConstant = true;
            _constant = constValue;
        }

        public static implicit operator InArgument<T>(T constValue) => FromValue(constValue);

        public static InArgument<T> FromValue(T constValue) => new InArgument<T>(constValue);

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

        internal override bool TryGetConstant(out object value)
        {
            value = _constant;
            return _hasConstant;
        }
    }
}
