// Stand-in for .NET Framework 4.6.2's System.Activities (4.0.0.0), net10.0 only; its public API is a strict subset of the
// official one (Tests/LeadAlign.Tests/Compatibility checks it).
// CodeActivity: an activity whose work is one synchronous Execute call, the shape of every Dataverse custom workflow
// activity.
// Not modelled: CacheMetadata(CodeActivityMetadata) (arguments are found by reflection on public argument properties, the
// default WF4 behaviour), runtime arguments declared in code, extensions required through metadata, validation constraints
// and dynamic update.
// Not modelled anywhere in the stand-in: persistence, bookmarks, NativeActivity scheduling, expressions other than
// constants, and tracking.
namespace System.Activities
{
    /// <summary>An activity whose work is <see cref="Execute"/>, run synchronously on the invoking thread.</summary>
    public abstract class CodeActivity : Activity
    {
        protected CodeActivity()
        {
        }

        /// <summary>
        /// The activity's work. Read arguments with <c>Get(context)</c>, write Out arguments with <c>Set(context, value)</c>,
        /// and reach host services with <see cref="ActivityContext.GetExtension{T}"/>. The context is only valid during this call.
        /// </summary>
        protected abstract void Execute(CodeActivityContext context);

        internal override void InternalExecute(CodeActivityContext context) => Execute(context);
    }
}
