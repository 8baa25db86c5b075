// Stand-in for .NET Framework 4.6.2's System.Activities (4.0.0.0), net10.0 only; its public API is a strict subset of the
// official one (Tests/LeadAlign.Tests/Compatibility checks it).
// Activity: the definitions WorkflowInvoker runs.
// Not modelled: Implementation (composite activities built from other activities), Constraints, CacheMetadata and
// ActivityMetadata, dynamic update and ImplementationVersion.
// An activity that derives from Activity directly has no implementation to run, and completes without doing anything, as in WF4.
// Not modelled anywhere in the stand-in: persistence, bookmarks, NativeActivity scheduling, expressions other than
// constants, and tracking.
using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace System.Activities
{
    /// <summary>
    /// An activity definition. Definitions are reusable and thread-safe to run: what one run computes lives in that run's
    /// environment (see <see cref="ActivityContext"/>), never on the activity or on its arguments.
    /// </summary>
    public abstract class Activity
    {
        private string _displayName;
        private bool _isDisplayNameSet;
        private string _id;

        protected Activity()
        {
        }

        /// <summary>The friendly name; by default the type's name (generic arguments spelled out, as WF4 does).</summary>
        public string DisplayName
        {
            get => _isDisplayNameSet ? _displayName : DefaultDisplayName(GetType());
            set
            {
                _displayName = value ?? string.Empty;
                _isDisplayNameSet = true;
            }
        }

        /// <summary>The activity's id in its workflow: null until the activity has been prepared to run; "1" as a root activity.</summary>
        public string Id => _id;

        /// <summary>Guards the one-time preparation of the activity's arguments (null argument properties are filled in once).</summary>
        internal object MetadataLock { get; } = new object();

        [EditorBrowsable(EditorBrowsableState.Never)]
        public bool ShouldSerializeDisplayName() => _isDisplayNameSet;

        /// <summary>"Id: DisplayName", as WF4 formats activities in its messages (": Name" before the first run).</summary>
        public override string ToString() => string.Format(CultureInfo.CurrentCulture, "{0}: {1}", Id, DisplayName);

        /// <summary>WF numbers the root of a workflow "1".</summary>
        internal void AssignRootId() => _id = "1";

        /// <summary>Runs the activity's work. An Activity without an implementation has none.</summary>
        internal virtual void InternalExecute(CodeActivityContext context)
        {
        }

        private static string DefaultDisplayName(Type type)
        {
            if (!type.IsGenericType)
            {
                return type.Name;
            }

            var name = type.Name;
            var tick = name.IndexOf('`');
            var builder = new StringBuilder(tick > 0 ? name.Substring(0, tick) : name).Append('<');
            var arguments = type.GetGenericArguments();
            for (var i = 0; i < arguments.Length; i++)
            {
                builder.Append(i == 0 ? string.Empty : ",").Append(DefaultDisplayName(arguments[i]));
            }

            return builder.Append('>').ToString();
        }
    }
}
