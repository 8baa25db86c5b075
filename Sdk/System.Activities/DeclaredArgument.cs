// Stand-in for .NET Framework 4.6.2's System.Activities (4.0.0.0), net10.0 only (internal).
// DeclaredArgument: one argument of a root activity, as ActivityArguments declares it for one run.
// Not modelled anywhere in the stand-in: persistence, bookmarks, NativeActivity scheduling, expressions other than
// constants, and tracking.
namespace System.Activities
{
    /// <summary>One argument of a root activity, as declared for one run.</summary>
    internal sealed class DeclaredArgument
    {
        public DeclaredArgument(string name, Argument argument, bool isRequired)
        {
            Name = name;
            Argument = argument;
            IsRequired = isRequired;
        }

        public string Name { get; }

        public Argument Argument { get; }

        public bool IsRequired { get; }

        public Type Type => Argument.ArgumentType;

        public ArgumentDirection Direction => Argument.Direction;
    }
}
