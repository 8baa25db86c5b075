// Stand-in for .NET Framework 4.6.2's System.Activities (4.0.0.0), net10.0 only; its public API is a strict subset of the
// official one (Tests/LeadAlign.Tests/Compatibility checks it).
// ActivityContext: one run of one activity: its argument values and the host's extensions.
// Not modelled: DataContext, locations and LocationReference (variables, GetLocation), RuntimeArgument, handles
// (GetProperty<THandle>) and Track.
// Not modelled anywhere in the stand-in: persistence, bookmarks, NativeActivity scheduling, expressions other than
// constants, and tracking.
using System.Activities.Hosting;

namespace System.Activities
{
    /// <summary>
    /// The environment of one activity run. Argument values are kept here, per run, never on the <see cref="Argument"/>
    /// objects, so one activity definition can run many times at once. The context can only be used during the call it
    /// was passed to; afterwards every member throws <see cref="ObjectDisposedException"/> (an InvalidOperationException).
    /// </summary>
    public class ActivityContext
    {
        private readonly InstanceExtensions _extensions;
        private readonly string _activityInstanceId;
        private readonly Guid _workflowInstanceId;
        private volatile bool _isDisposed;

        internal ActivityContext(ArgumentEnvironment environment, InstanceExtensions extensions, Guid workflowInstanceId, string activityInstanceId)
        {
            Environment = environment;
            _extensions = extensions;
            _workflowInstanceId = workflowInstanceId;
            _activityInstanceId = activityInstanceId;
        }

        /// <summary>The id of this activity instance within its workflow instance ("1" for the root).</summary>
        public string ActivityInstanceId
        {
            get
            {
                ThrowIfDisposed();
                return _activityInstanceId;
            }
        }

        /// <summary>The id of the running workflow instance: new for each invocation.</summary>
        public Guid WorkflowInstanceId
        {
            get
            {
                ThrowIfDisposed();
                return _workflowInstanceId;
            }
        }

        internal ArgumentEnvironment Environment { get; }

        /// <summary>The first host extension that is a <typeparamref name="T"/> (singletons first, then provided ones), or null.</summary>
        public T GetExtension<T>()
            where T : class
        {
            ThrowIfDisposed();
            return _extensions.Find<T>();
        }

        public object GetValue(Argument argument) => GetValueCore<object>(argument);

        public T GetValue<T>(InArgument<T> argument) => GetValueCore<T>(argument);

        public T GetValue<T>(OutArgument<T> argument) => GetValueCore<T>(argument);

        public T GetValue<T>(InOutArgument<T> argument) => GetValueCore<T>(argument);

        public void SetValue(Argument argument, object value) => SetValueCore(argument, value);

        public void SetValue<T>(InArgument<T> argument, T value) => SetValueCore(argument, value);

        public void SetValue<T>(OutArgument<T> argument, T value) => SetValueCore(argument, value);

        public void SetValue<T>(InOutArgument<T> argument, T value) => SetValueCore(argument, value);

        internal T GetValueCore<T>(Argument argument)
        {
            ThrowIfDisposed();
            if (argument == null)
            {
                throw new ArgumentNullException(nameof(argument));
            }

            return TypeHelper.Convert<T>(Environment.Resolve(argument).Value);
        }

        internal void SetValueCore(Argument argument, object value)
        {
            ThrowIfDisposed();
            if (argument == null)
            {
                throw new ArgumentNullException(nameof(argument));
            }

            var slot = Environment.Resolve(argument);
            slot.Value = TypeHelper.Convert(value, slot.Type);
        }

        /// <summary>Ends the run's access to the context, as WF4 does when the call that received it returns.</summary>
        internal void Dispose() => _isDisposed = true;

        private void ThrowIfDisposed()
        {
            if (_isDisposed)
            {
                throw new ObjectDisposedException(GetType().FullName, "An ActivityContext can only be accessed within the scope of the function it was passed into.");
            }
        }
    }
}
