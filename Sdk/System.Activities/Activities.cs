// Stand-in for .NET Framework 4.6.2's System.Activities (4.0.0.0), net10.0 only. The public API is a strict subset of the
// official one (Tests/LeadAlign.Tests/Compatibility proves it). It runs CodeActivity the way Windows Workflow Foundation 4
// runs a single activity through WorkflowInvoker: arguments bound by name, required arguments validated before Execute,
// argument values kept per invocation (so one cached activity instance serves concurrent runs), extensions by type.
// Not modelled: persistence, bookmarks, NativeActivity scheduling, variables, expressions other than constant values,
// tracking, timeouts (Invoke overloads with a timeout are omitted).
using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace System.Activities
{
    public enum ArgumentDirection
    {
        In = 0,
        Out = 1,
        InOut = 2,
    }

    /// <summary>Marks an argument the caller must supply; a run without it fails validation before Execute.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class RequiredArgumentAttribute : Attribute
    {
        public RequiredArgumentAttribute()
        {
        }

        public override object TypeId => base.TypeId;
    }

    /// <summary>The workflow is not valid to run (for example a required argument has no value).</summary>
    [Serializable]
    public class InvalidWorkflowException : Exception
    {
        public InvalidWorkflowException()
        {
        }

        public InvalidWorkflowException(string message)
            : base(message)
        {
        }

        public InvalidWorkflowException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }

    public abstract class Activity
    {
        private string _displayName;

        protected Activity()
        {
            _displayName = GetType().Name;
        }

        public string DisplayName
        {
            get => _displayName;
            set => _displayName = value ?? string.Empty;
        }

        public string Id => null;

        public override string ToString() => DisplayName;

        internal abstract void Run(CodeActivityContext context);
    }

    /// <summary>An activity whose work is one synchronous Execute call.</summary>
    public abstract class CodeActivity : Activity
    {
        protected CodeActivity()
        {
        }

        protected abstract void Execute(CodeActivityContext context);

        internal override void Run(CodeActivityContext context) => Execute(context);
    }

    /// <summary>The environment of one activity run: argument values and host extensions.</summary>
    public class ActivityContext
    {
        private readonly Activity _activity;
        private readonly Dictionary<Argument, object> _values;
        private readonly Func<Type, object> _extension;
        private bool _isDisposed;

        internal ActivityContext(Activity activity, Dictionary<Argument, object> values, Func<Type, object> extension, Guid workflowInstanceId)
        {
            _activity = activity;
            _values = values;
            _extension = extension;
            WorkflowInstanceId = workflowInstanceId;
            ActivityInstanceId = "1";
        }

        public string ActivityInstanceId { get; }

        public Guid WorkflowInstanceId { get; }

        /// <summary>The host extension of type <typeparamref name="T"/>, or null when the host registered none.</summary>
        public T GetExtension<T>()
            where T : class
        {
            ThrowIfDisposed();
            return (T)_extension(typeof(T));
        }

        public object GetValue(Argument argument)
        {
            ThrowIfDisposed();
            return Read(argument);
        }

        public T GetValue<T>(InArgument<T> argument) => (T)GetValue((Argument)argument);

        public T GetValue<T>(OutArgument<T> argument) => (T)GetValue((Argument)argument);

        public void SetValue(Argument argument, object value)
        {
            ThrowIfDisposed();
            Write(argument, value);
        }

        public void SetValue<T>(InArgument<T> argument, T value) => SetValue((Argument)argument, value);

        public void SetValue<T>(OutArgument<T> argument, T value) => SetValue((Argument)argument, value);

        internal void Dispose() => _isDisposed = true;

        private object Read(Argument argument)
        {
            if (argument == null)
            {
                throw new ArgumentNullException(nameof(argument));
            }

            if (!_values.TryGetValue(argument, out var value))
            {
                throw NotInScope(argument);
            }

            return value;
        }

        private void Write(Argument argument, object value)
        {
            if (argument == null)
            {
                throw new ArgumentNullException(nameof(argument));
            }

            if (!_values.ContainsKey(argument))
            {
                throw NotInScope(argument);
            }

            _values[argument] = Argument.Coerce(argument.ArgumentType, value, argument.Name);
        }

        private InvalidOperationException NotInScope(Argument argument)
        {
            return new InvalidOperationException(
                "Argument '" + argument.Name + "' cannot be used. Make sure that it is declared on an activity; '" + _activity.DisplayName + "' is executing.");
        }

        private void ThrowIfDisposed()
        {
            if (_isDisposed)
            {
                throw new ObjectDisposedException(nameof(ActivityContext), "An ActivityContext can only be accessed within the scope of the function it was passed into.");
            }
        }
    }

    public class CodeActivityContext : ActivityContext
    {
        internal CodeActivityContext(Activity activity, Dictionary<Argument, object> values, Func<Type, object> extension, Guid workflowInstanceId)
            : base(activity, values, extension, workflowInstanceId)
        {
        }
    }

    /// <summary>A binding of data into or out of an activity. Values live in the run's context, never on the argument.</summary>
    public abstract class Argument
    {
        internal Argument(Type argumentType, ArgumentDirection direction)
        {
            ArgumentType = argumentType;
            Direction = direction;
        }

        public Type ArgumentType { get; }

        public ArgumentDirection Direction { get; }

        internal string Name { get; set; } = "(unbound)";

        internal abstract bool HasConstant { get; }

        internal abstract object Constant { get; }

        public object Get(ActivityContext context) => (context ?? throw new ArgumentNullException(nameof(context))).GetValue(this);

        public T Get<T>(ActivityContext context) => (T)Get(context);

        public void Set(ActivityContext context, object value) => (context ?? throw new ArgumentNullException(nameof(context))).SetValue(this, value);

        internal static object Coerce(Type type, object value, string name)
        {
            if (value == null)
            {
                if (type.IsValueType && Nullable.GetUnderlyingType(type) == null)
                {
                    throw new ArgumentException("The value for argument '" + name + "' cannot be null: it is of type " + type + ".");
                }

                return null;
            }

            if (!type.IsInstanceOfType(value))
            {
                throw new ArgumentException("The value for argument '" + name + "' is of type " + value.GetType() + ", but the argument is of type " + type + ".");
            }

            return value;
        }

        internal static object DefaultOf(Type type) => type.IsValueType ? Activator.CreateInstance(type) : null;
    }

    public abstract class InArgument : Argument
    {
        internal InArgument(Type argumentType)
            : base(argumentType, ArgumentDirection.In)
        {
        }
    }

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

        internal override bool HasConstant => _hasConstant;

        internal override object Constant => _constant;

        public static implicit operator InArgument<T>(T constValue) => new InArgument<T>(constValue);

        public static InArgument<T> FromValue(T constValue) => new InArgument<T>(constValue);

        public new T Get(ActivityContext context) => (T)base.Get(context);

        public void Set(ActivityContext context, T value) => base.Set(context, value);
    }

    public abstract class OutArgument : Argument
    {
        internal OutArgument(Type argumentType)
            : base(argumentType, ArgumentDirection.Out)
        {
        }
    }

    public sealed class OutArgument<T> : OutArgument
    {
        public OutArgument()
            : base(typeof(T))
        {
        }

        internal override bool HasConstant => false;

        internal override object Constant => null;

        public new T Get(ActivityContext context) => (T)base.Get(context);

        public void Set(ActivityContext context, T value) => base.Set(context, value);
    }

    /// <summary>Runs one activity synchronously on the calling thread, as WF4's WorkflowInvoker does.</summary>
    public sealed class WorkflowInvoker
    {
        private static readonly object ArgumentSetup = new object();
        private readonly Activity _workflow;

        public WorkflowInvoker(Activity workflow)
        {
            _workflow = workflow ?? throw new ArgumentNullException(nameof(workflow));
            Extensions = new Hosting.WorkflowInstanceExtensionManager();
        }

        public Hosting.WorkflowInstanceExtensionManager Extensions { get; }

        public static IDictionary<string, object> Invoke(Activity workflow) => new WorkflowInvoker(workflow).Invoke();

        public static IDictionary<string, object> Invoke(Activity workflow, IDictionary<string, object> inputs) => new WorkflowInvoker(workflow).Invoke(inputs);

        public IDictionary<string, object> Invoke() => Invoke(new Dictionary<string, object>());

        /// <summary>
        /// Binds <paramref name="inputs"/> to the activity's In arguments by name, validates required arguments, runs Execute,
        /// and returns every Out argument's value by name. An exception thrown by the activity propagates unchanged.
        /// </summary>
        public IDictionary<string, object> Invoke(IDictionary<string, object> inputs)
        {
            inputs ??= new Dictionary<string, object>();
            var arguments = DeclaredArguments(_workflow);
            var unknown = inputs.Keys.Where(name => !arguments.Any(a => a.Name == name && a.Argument.Direction != ArgumentDirection.Out)).ToList();
            if (unknown.Count > 0)
            {
                throw new ArgumentException(
                    "The values provided for the root activity's arguments did not satisfy the root activity's requirements:\n'"
                    + _workflow.DisplayName + "': The following keys from the input dictionary do not map to arguments and must be removed: "
                    + string.Join(", ", unknown) + ".  Please note that argument names are case sensitive.",
                    nameof(inputs));
            }

            var values = new Dictionary<Argument, object>();
            var missing = new List<string>();
            foreach (var (name, argument, required) in arguments)
            {
                if (argument.Direction == ArgumentDirection.Out)
                {
                    values[argument] = Argument.DefaultOf(argument.ArgumentType);
                }
                else if (inputs.TryGetValue(name, out var supplied))
                {
                    values[argument] = Argument.Coerce(argument.ArgumentType, supplied, name);
                }
                else if (argument.HasConstant)
                {
                    values[argument] = argument.Constant;
                }
                else
                {
                    if (required)
                    {
                        missing.Add(name);
                    }

                    values[argument] = Argument.DefaultOf(argument.ArgumentType);
                }
            }

            if (missing.Count > 0)
            {
                throw new InvalidWorkflowException(
                    "The following errors were encountered while processing the workflow tree:\n"
                    + string.Join("\n", missing.Select(name => "'" + _workflow.DisplayName + "': Value for a required activity argument '" + name + "' was not supplied.")));
            }

            var created = new Dictionary<Type, object>();
            object Extension(Type type) => Extensions.Resolve(type, created);
            var context = new CodeActivityContext(_workflow, values, Extension, Guid.NewGuid());
            try
            {
                _workflow.Run(context);
            }
            finally
            {
                context.Dispose();
            }

            return arguments.Where(a => a.Argument.Direction != ArgumentDirection.In).ToDictionary(a => a.Name, a => values[a.Argument]);
        }

        /// <summary>The public argument properties; a property left null gets an argument instance once, as WF's CacheMetadata does.</summary>
        private static List<(string Name, Argument Argument, bool Required)> DeclaredArguments(Activity activity)
        {
            var declared = new List<(string, Argument, bool)>();
            lock (ArgumentSetup)
            {
                foreach (var property in activity.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => typeof(Argument).IsAssignableFrom(p.PropertyType)))
                {
                    var argument = (Argument)property.GetValue(activity);
                    if (argument == null)
                    {
                        argument = (Argument)Activator.CreateInstance(property.PropertyType);
                        property.SetValue(activity, argument);
                    }

                    argument.Name = property.Name;
                    declared.Add((property.Name, argument, property.GetCustomAttribute<RequiredArgumentAttribute>() != null));
                }
            }

            return declared;
        }
    }
}

namespace System.Activities.Hosting
{
    /// <summary>The extensions a host offers its activities: singletons, or providers called once per run.</summary>
    public class WorkflowInstanceExtensionManager
    {
        private readonly List<object> _singletons = new List<object>();
        private readonly List<(Type Type, Func<object> Create)> _providers = new List<(Type, Func<object>)>();

        public WorkflowInstanceExtensionManager()
        {
        }

        public virtual void Add(object singletonExtension)
        {
            _singletons.Add(singletonExtension ?? throw new ArgumentNullException(nameof(singletonExtension)));
        }

        public virtual void Add<T>(Func<T> extensionCreationFunction)
            where T : class
        {
            if (extensionCreationFunction == null)
            {
                throw new ArgumentNullException(nameof(extensionCreationFunction));
            }

            _providers.Add((typeof(T), () => extensionCreationFunction()));
        }

        internal object Resolve(Type type, Dictionary<Type, object> created)
        {
            var singleton = _singletons.FirstOrDefault(type.IsInstanceOfType);
            if (singleton != null)
            {
                return singleton;
            }

            foreach (var (providedType, create) in _providers.Where(p => type.IsAssignableFrom(p.Type)))
            {
                if (!created.TryGetValue(providedType, out var instance))
                {
                    instance = create();
                    created[providedType] = instance;
                }

                return instance;
            }

            return null;
        }
    }
}
