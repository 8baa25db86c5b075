// Stand-in for .NET Framework 4.6.2's System.Activities (4.0.0.0), net10.0 only (internal).
// ArgumentBinding: where an Argument is declared: the owning activity and the property name (the argument's name).
// Not modelled anywhere in the stand-in: persistence, bookmarks, NativeActivity scheduling, expressions other than
// constants, and tracking.
namespace System.Activities
{
    /// <summary>Where an argument is declared: the owning activity and the property name (the argument's name).</summary>
    internal sealed class ArgumentBinding
    {
        public ArgumentBinding(Activity owner, string name)
        {
            Owner = owner;
            Name = name;
        }

        public Activity Owner { get; }

        public string Name { get; }
    }
}
