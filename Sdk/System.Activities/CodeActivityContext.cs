// Stand-in for .NET Framework 4.6.2's System.Activities (4.0.0.0), net10.0 only; its public API is a strict subset of the
// official one (Tests/LeadAlign.Tests/Compatibility checks it).
// CodeActivityContext: the ActivityContext of one run of a CodeActivity: its argument values and the host's extensions.
// Not modelled: DataContext, locations and LocationReference (variables, GetLocation), RuntimeArgument, handles
// (GetProperty<THandle>) and Track.
// Not modelled anywhere in the stand-in: persistence, bookmarks, NativeActivity scheduling, expressions other than
// constants, and tracking.
using System.Activities.Hosting;

namespace System.Activities
{
    /// <summary>The context passed to <see cref="CodeActivity.Execute"/> and <see cref="CodeActivity{TResult}.Execute"/>.</summary>
    public class CodeActivityContext : ActivityContext
    {
        internal CodeActivityContext(ArgumentEnvironment environment, InstanceExtensions extensions, Guid workflowInstanceId, string activityInstanceId)
            : base(environment, extensions, workflowInstanceId, activityInstanceId)
        {
        }
    }
}
