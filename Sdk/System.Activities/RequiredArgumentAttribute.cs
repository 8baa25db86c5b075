// Stand-in for .NET Framework 4.6.2's System.Activities (4.0.0.0), net10.0 only; its public API is a strict subset of the
// official one (Tests/LeadAlign.Tests/Compatibility checks it).
// RequiredArgumentAttribute: an In argument that must be supplied.
// Not modelled: overload groups (OverloadGroupAttribute) and design-time validation.
// Not modelled anywhere in the stand-in: persistence, bookmarks, NativeActivity scheduling, expressions other than
// constants, and tracking.
namespace System.Activities
{
    /// <summary>
    /// Marks an argument property that must have a value. On a root activity run by <see cref="WorkflowInvoker"/>, an In
    /// argument so marked must either be bound to a constant on the activity or be supplied in the inputs; otherwise the
    /// invocation fails before Execute with an ArgumentException listing "Value for a required activity argument 'X' was not
    /// supplied." (WF4 skips the check for a root activity's Out and InOut arguments.)
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class RequiredArgumentAttribute : Attribute
    {
        public RequiredArgumentAttribute()
        {
        }

        public override object TypeId => this;
    }
}
