// Stand-in for .NET Framework 4.6.2's System.Activities (4.0.0.0), net10.0 only; its public API is a strict subset of the
// official one (Tests/LeadAlign.Tests/Compatibility checks it).
// Argument: data flowing into and out of an activity.
// Not modelled: Expression (an argument is either unbound or bound to a constant), EvaluationOrder, locations (GetLocation),
// argument references (CreateReference), RuntimeArgument, variables and delegate arguments.
// Not modelled anywhere in the stand-in: persistence, bookmarks, NativeActivity scheduling, expressions other than
// constants, and tracking.
using System.ComponentModel;

namespace System.Activities
{
    /// <summary>
    /// A binding of data into or out of an activity: a public InArgument&lt;T&gt;, OutArgument&lt;T&gt; or InOutArgument&lt;T&gt;
    /// property of the activity, named after the property. Its value during a run lives in that run's context:
    /// read and write it with <see cref="Get(ActivityContext)"/> and <see cref="Set"/> inside Execute.
    /// </summary>
    public abstract class Argument
    {
        /// <summary>The name of the Out argument of an <see cref="Activity{TResult}"/>.</summary>
        public const string ResultValue = "Result";

        private volatile ArgumentBinding _binding;

        internal Argument(Type argumentType, ArgumentDirection direction)
        {
            ArgumentType = argumentType;
            Direction = direction;
        }

        public Type ArgumentType { get; }

        public ArgumentDirection Direction { get; }

        /// <summary>The activity and property this argument was last declared through (metadata only, for messages).</summary>
        internal ArgumentBinding Binding
        {
            get => _binding;
            set => _binding = value;
        }

        /// <summary>Creates an unbound argument: InArgument&lt;T&gt;, OutArgument&lt;T&gt; or InOutArgument&lt;T&gt; of <paramref name="type"/>.</summary>
        public static Argument Create(Type type, ArgumentDirection direction)
        {
            if (type == null)
            {
                throw new ArgumentNullException(nameof(type));
            }

            var definition = direction switch
            {
                ArgumentDirection.In => typeof(InArgument<>),
                ArgumentDirection.Out => typeof(OutArgument<>),
                ArgumentDirection.InOut => typeof(InOutArgument<>),
                _ => throw new InvalidEnumArgumentException(nameof(direction), (int)direction, typeof(ArgumentDirection)),
            };
            return (Argument)Activator.CreateInstance(definition.MakeGenericType(type));
        }

        public object Get(ActivityContext context) => Get<object>(context);

        /// <summary>The argument's value in the run of <paramref name="context"/>, converted to <typeparamref name="T"/> (WF4's implicit conversions).</summary>
        public T Get<T>(ActivityContext context)
        {
            if (context == null)
            {
                throw new ArgumentNullException(nameof(context));
            }

            return context.GetValueCore<T>(this);
        }

        /// <summary>Sets the argument's value in the run of <paramref name="context"/>; the value must convert to <see cref="ArgumentType"/>.</summary>
        public void Set(ActivityContext context, object value)
        {
            if (context == null)
            {
                throw new ArgumentNullException(nameof(context));
            }

            context.SetValueCore(this, value);
        }

        /// <summary>The constant the argument was created with, if any (a bound In argument).</summary>
        internal virtual bool TryGetConstant(out object value)
        {
            value = null;
            return false;
        }
    }
}
