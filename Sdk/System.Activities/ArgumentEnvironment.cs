// Stand-in for .NET Framework 4.6.2's System.Activities (4.0.0.0), net10.0 only (internal).
// ArgumentEnvironment: the argument values of one run of one activity (WF4's LocationEnvironment, for arguments only).
// Each run has its own, so one activity definition can run repeatedly and concurrently; the Argument objects only identify
// the slots. An In argument starts with the invoker's input of its name, else its constant, else default(T); an InOut
// argument with the input or default(T); an Out argument with default(T).
// Not modelled: variables, delegate arguments, location references and environments shared with child activities.
// Not modelled anywhere in the stand-in: persistence, bookmarks, NativeActivity scheduling, expressions other than
// constants, and tracking.
using System.Collections.Generic;

namespace System.Activities
{
    internal sealed class ArgumentEnvironment
    {
        private readonly Dictionary<Argument, ArgumentSlot> _slots = new Dictionary<Argument, ArgumentSlot>(ReferenceEqualityComparer.Instance);
        private readonly List<ArgumentSlot> _ordered = new List<ArgumentSlot>();

        /// <param name="inputs">already validated; null when the host supplied none</param>
        public ArgumentEnvironment(Activity activity, IReadOnlyList<DeclaredArgument> arguments, IDictionary<string, object> inputs)
        {
            Activity = activity;
            foreach (var argument in arguments)
            {
                object value;
                if (argument.Direction != ArgumentDirection.Out && inputs != null && inputs.TryGetValue(argument.Name, out var supplied))
                {
                    value = TypeHelper.Convert(supplied, argument.Type);
                }
                else if (!argument.Argument.TryGetConstant(out value))
                {
                    value = TypeHelper.DefaultOf(argument.Type);
                }

                var slot = new ArgumentSlot(argument.Name, argument.Type, argument.Direction, value);
                _slots.Add(argument.Argument, slot);
                _ordered.Add(slot);
            }
        }

        public Activity Activity { get; }

        /// <summary>The slot of <paramref name="argument"/> in this run, or the InvalidOperationException WF4 raises for an argument that is not this activity's.</summary>
        public ArgumentSlot Resolve(Argument argument)
        {
            if (_slots.TryGetValue(argument, out var slot))
            {
                return slot;
            }

            var binding = argument.Binding;
            if (binding != null && !ReferenceEquals(binding.Owner, Activity))
            {
                throw new InvalidOperationException(
                    "Activity '" + Activity.DisplayName + "' can only get the location of arguments which it owns.  Activity '" + Activity.DisplayName
                    + "' is trying to get the location of argument '" + binding.Name + "' which is owned by activity '" + binding.Owner.DisplayName + "'.");
            }

            throw new InvalidOperationException("The argument of type '" + argument.ArgumentType + "' cannot be used.  Make sure that it is declared on an activity.");
        }

        /// <summary>Assigns the Result Out argument (what CodeActivity&lt;TResult&gt;.Execute returned).</summary>
        public void SetResult(object value)
        {
            var slot = ResultSlot();
            slot.Value = TypeHelper.Convert(value, slot.Type);
        }

        public object GetResult() => ResultSlot().Value;

        /// <summary>Every Out and InOut argument's value by argument name, as WorkflowInvoker returns them.</summary>
        public IDictionary<string, object> Outputs()
        {
            var outputs = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var slot in _ordered)
            {
                if (slot.Direction != ArgumentDirection.In)
                {
                    outputs[slot.Name] = slot.Value;
                }
            }

            return outputs;
        }

        private ArgumentSlot ResultSlot()
        {
            return _ordered.Find(slot => slot.Name == Argument.ResultValue && slot.Direction == ArgumentDirection.Out)
                ?? throw new InvalidOperationException("Activity '" + Activity.DisplayName + "' has no Result argument.");
        }
    }
}
