// Stand-in for .NET Framework 4.6.2's System.Activities (4.0.0.0), net10.0 only (internal).
// ActivityArguments: what WF4's default CacheMetadata and root validation do for a root activity's arguments:
// - every public instance property of type InArgument<T>, OutArgument<T> or InOutArgument<T> (with a public getter) is an
//   argument named after the property; one left null is given a new unbound argument once, and kept on the activity;
// - one Argument object declared through two properties makes the workflow invalid (InvalidWorkflowException);
// - the invoker's inputs must name In or InOut arguments (case-sensitive), with values of a compatible type, and every
//   [RequiredArgument] In argument must be bound to a constant or supplied (ArgumentException, as WF4 raises for a root).
// Not modelled: non-generic argument properties (InArgument, OutArgument, InOutArgument), overload groups, RuntimeArgument,
// CacheMetadata overrides, and validation of anything other than arguments.
// Not modelled anywhere in the stand-in: persistence, bookmarks, NativeActivity scheduling, expressions other than
// constants, and tracking.
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace System.Activities
{
    internal static class ActivityArguments
    {
        private const string TreeErrorsHeading = "The following errors were encountered while processing the workflow tree:";
        private const string MissingRootArgumentsHeading = "The root activity's argument settings are incorrect.  Either fix the workflow definition or supply input values to fix these errors:";
        private const string InvalidRootInputsHeading = "The values provided for the root activity's arguments did not satisfy the root activity's requirements:";

        private static readonly ConcurrentDictionary<Type, ArgumentProperty[]> PropertiesByType = new ConcurrentDictionary<Type, ArgumentProperty[]>();

        /// <summary>
        /// The activity's arguments, after filling in null argument properties (once, under the activity's lock, as the
        /// activity may be run from several threads at once) and recording which activity and name each argument belongs to.
        /// </summary>
        public static IReadOnlyList<DeclaredArgument> Declare(Activity activity)
        {
            var properties = PropertiesByType.GetOrAdd(activity.GetType(), Discover);
            var declared = new List<DeclaredArgument>(properties.Length);
            lock (activity.MetadataLock)
            {
                foreach (var property in properties)
                {
                    var argument = (Argument)property.Property.GetValue(activity);
                    if (argument == null)
                    {
                        if (!property.CanSet)
                        {
                            continue;
                        }

                        argument = (Argument)Activator.CreateInstance(property.Property.PropertyType);
                        property.Property.SetValue(activity, argument);
                    }

                    declared.Add(new DeclaredArgument(property.Property.Name, argument, property.IsRequired));
                }

                activity.AssignRootId();
            }

            var errors = new List<string>();
            for (var i = 0; i < declared.Count; i++)
            {
                var later = declared.Skip(i + 1).FirstOrDefault(other => ReferenceEquals(other.Argument, declared[i].Argument));
                if (later != null)
                {
                    errors.Add("RuntimeArgument '" + declared[i].Name + "' refers to an Argument which in turn is bound to RuntimeArgument named '" + later.Name
                        + "'. Please ensure that the Argument object is not bound to more than one RuntimeArgument object or shared by more than one public Argument property.");
                }
            }

            if (errors.Count > 0)
            {
                throw new InvalidWorkflowException(Report(TreeErrorsHeading, activity, errors));
            }

            foreach (var argument in declared)
            {
                var binding = argument.Argument.Binding;
                if (binding == null || !ReferenceEquals(binding.Owner, activity) || binding.Name != argument.Name)
                {
                    argument.Argument.Binding = new ArgumentBinding(activity, argument.Name);
                }
            }

            return declared;
        }

        /// <summary>
        /// WF4's check of a root activity's inputs. <paramref name="inputs"/> is null when the host passed none
        /// (<c>Invoke()</c>); the message heading then says the definition itself is incomplete.
        /// </summary>
        public static void ValidateRootInputs(Activity activity, IReadOnlyList<DeclaredArgument> arguments, IDictionary<string, object> inputs)
        {
            var errors = new List<string>();
            foreach (var argument in arguments)
            {
                if (argument.IsRequired && argument.Direction == ArgumentDirection.In && !argument.Argument.TryGetConstant(out _)
                    && (inputs == null || !inputs.ContainsKey(argument.Name)))
                {
                    errors.Add("Value for a required activity argument '" + argument.Name + "' was not supplied.");
                }
            }

            if (inputs != null)
            {
                var unused = new List<string>();
                foreach (var input in inputs)
                {
                    var argument = arguments.FirstOrDefault(a => a.Direction != ArgumentDirection.Out && string.Equals(a.Name, input.Key, StringComparison.Ordinal));
                    if (argument == null)
                    {
                        unused.Add(input.Key);
                    }
                    else if (!TypeHelper.IsCompatible(input.Value, argument.Type))
                    {
                        errors.Add("Expected an input parameter value of type '" + argument.Type + "' for parameter named '" + argument.Name + "'.");
                    }
                }

                if (unused.Count > 0)
                {
                    errors.Add("The following keys from the input dictionary do not map to arguments and must be removed: " + string.Join(", ", unused)
                        + ".  Please note that argument names are case sensitive.");
                }
            }

            if (errors.Count > 0)
            {
                throw new ArgumentException(Report(inputs == null ? MissingRootArgumentsHeading : InvalidRootInputsHeading, activity, errors), "rootArgumentValues");
            }
        }

        private static string Report(string heading, Activity activity, IEnumerable<string> errors)
        {
            return heading + "\n" + string.Join("\n", errors.Select(error => "'" + activity.DisplayName + "': " + error));
        }

        /// <summary>The most derived public instance property of each name whose type is InArgument&lt;T&gt;, OutArgument&lt;T&gt; or InOutArgument&lt;T&gt;.</summary>
        private static ArgumentProperty[] Discover(Type activityType)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var found = new List<ArgumentProperty>();
            var hierarchy = new List<Type>();
            for (var type = activityType; type != null && type != typeof(object); type = type.BaseType)
            {
                hierarchy.Add(type);
            }

            // Most derived first decides which property of a name wins; the list is then ordered base first, as declared.
            var byType = new List<List<ArgumentProperty>>();
            foreach (var type in hierarchy)
            {
                var declaredHere = new List<ArgumentProperty>();
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                {
                    if (!seen.Add(property.Name) || property.GetIndexParameters().Length > 0 || property.GetGetMethod() == null || !IsArgumentType(property.PropertyType))
                    {
                        continue;
                    }

                    declaredHere.Add(new ArgumentProperty(property, property.GetSetMethod() != null, Attribute.IsDefined(property, typeof(RequiredArgumentAttribute), inherit: true)));
                }

                byType.Add(declaredHere);
            }

            for (var i = byType.Count - 1; i >= 0; i--)
            {
                found.AddRange(byType[i]);
            }

            return found.ToArray();
        }

        private static bool IsArgumentType(Type type)
        {
            if (!type.IsGenericType)
            {
                return false;
            }

            var definition = type.GetGenericTypeDefinition();
            return definition == typeof(InArgument<>) || definition == typeof(OutArgument<>) || definition == typeof(InOutArgument<>);
        }

        private sealed class ArgumentProperty
        {
            public ArgumentProperty(PropertyInfo property, bool canSet, bool isRequired)
            {
                Property = property;
                CanSet = canSet;
                IsRequired = isRequired;
            }

            public PropertyInfo Property { get; }

            public bool CanSet { get; }

            public bool IsRequired { get; }
        }
    }
}
