// Stand-in for .NET Framework 4.6.2's System.Activities (4.0.0.0), net10.0 only (internal).
// ArgumentSlot: the value of one argument in the ArgumentEnvironment of one run of one activity.
// Not modelled anywhere in the stand-in: persistence, bookmarks, NativeActivity scheduling, expressions other than
// constants, and tracking.
namespace System.Activities
{
    internal sealed class ArgumentSlot
    {
        public ArgumentSlot(string name, Type type, ArgumentDirection direction, object value)
        {
            Name = name;
            Type = type;
            Direction = direction;
            Value = value;
        }

        public string Name { get; }

        public Type Type { get; }

        public ArgumentDirection Direction { get; }

        public object Value { get; set; }
    }
}
