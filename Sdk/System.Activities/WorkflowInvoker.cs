// Stand-in for .NET Framework 4.6.2's System.Activities (4.0.0.0), net10.0 only; its public API is a strict subset of the
// official one (Tests/LeadAlign.Tests/Compatibility checks it).
// WorkflowInvoker: runs one activity as the root of a workflow, synchronously on the calling thread, as WF4 does for a
// CodeActivity: prepare the activity's arguments (InvalidWorkflowException if the definition is invalid), validate the inputs
// (ArgumentException), create the instance's extensions, run Execute with a context of its own, return the outputs.
// An exception thrown by the activity propagates unchanged (the same exception object).
// Not modelled: timeouts (the TimeSpan overloads), the asynchronous API (BeginInvoke/EndInvoke, InvokeAsync, InvokeCompleted,
// CancelAsync), Invoke<TResult> with additional outputs, and child activities.
// Not modelled anywhere in the stand-in: persistence, bookmarks, NativeActivity scheduling, expressions other than
// constants, and tracking.
using System.Activities.Hosting;
using System.Collections.Generic;

namespace System.Activities
{
    /// <summary>Runs a workflow (here: one activity) synchronously, once per call; the same activity can be invoked concurrently.</summary>
    public sealed class WorkflowInvoker
    {
        private const string RootActivityInstanceId = "1";
        private readonly Activity _workflow;

        public WorkflowInvoker(Activity workflow)
        {
            _workflow = workflow ?? throw new ArgumentNullException(nameof(workflow));
            Extensions = new WorkflowInstanceExtensionManager();
        }

        /// <summary>The extensions offered to the activity, found with <see cref="ActivityContext.GetExtension{T}"/>. Read-only after the first Invoke.</summary>
        public WorkflowInstanceExtensionManager Extensions { get; }

        public static IDictionary<string, object> Invoke(Activity workflow) => new WorkflowInvoker(workflow).Invoke();

        /// <summary>Runs <paramref name="workflow"/> with <paramref name="inputs"/> bound to its In and InOut arguments by name.</summary>
        /// <returns>Every Out and InOut argument's value by argument name.</returns>
        public static IDictionary<string, object> Invoke(Activity workflow, IDictionary<string, object> inputs) => new WorkflowInvoker(workflow).Invoke(inputs);

        /// <returns>The value of the activity's Result argument.</returns>
        public static TResult Invoke<TResult>(Activity<TResult> workflow) => Invoke(workflow, null);

        /// <param name="inputs">may be null (no inputs), unlike the non-generic overloads</param>
        /// <returns>The value of the activity's Result argument.</returns>
        public static TResult Invoke<TResult>(Activity<TResult> workflow, IDictionary<string, object> inputs)
        {
            var environment = new WorkflowInvoker(workflow).Run(inputs);
            return (TResult)environment.GetResult();
        }

        public IDictionary<string, object> Invoke() => Run(null).Outputs();

        /// <summary>Runs the activity with <paramref name="inputs"/> bound to its In and InOut arguments by name.</summary>
        /// <returns>Every Out and InOut argument's value by argument name (default(T) for one the activity did not set).</returns>
        public IDictionary<string, object> Invoke(IDictionary<string, object> inputs)
        {
            if (inputs == null)
            {
                throw new ArgumentNullException(nameof(inputs));
            }

            return Run(inputs).Outputs();
        }

        private ArgumentEnvironment Run(IDictionary<string, object> inputs)
        {
            Extensions.MakeReadOnly();
            var arguments = ActivityArguments.Declare(_workflow);
            ActivityArguments.ValidateRootInputs(_workflow, arguments, inputs);

            var environment = new ArgumentEnvironment(_workflow, arguments, inputs);
            var context = new CodeActivityContext(environment, Extensions.CreateInstanceExtensions(), Guid.NewGuid(), RootActivityInstanceId);
            try
            {
                _workflow.InternalExecute(context);
            }
            finally
            {
                context.Dispose();
            }

            return environment;
        }
    }
}
