// Stand-in for .NET Framework 4.6.2's System.Activities (4.0.0.0), net10.0 only (internal).
// InstanceExtensions: the extensions of one workflow instance, those a WorkflowInstanceExtensionManager offers the
// activities it runs.
// Not modelled anywhere in the stand-in: persistence, bookmarks, NativeActivity scheduling, expressions other than
// constants, and tracking.
using System.Collections.Generic;

namespace System.Activities.Hosting
{
    /// <summary>The extensions of one workflow instance. Lookups are by assignability: singletons first, then provided extensions, in the order added.</summary>
    internal sealed class InstanceExtensions
    {
        private readonly object[] _singletons;
        private readonly object[] _provided;
        private readonly Dictionary<Type, object> _found = new Dictionary<Type, object>();

        public InstanceExtensions(object[] singletons, object[] provided)
        {
            _singletons = singletons;
            _provided = provided;
        }

        public T Find<T>()
            where T : class
        {
            lock (_found)
            {
                if (_found.TryGetValue(typeof(T), out var cached))
                {
                    return (T)cached;
                }

                var found = Array.Find(_singletons, extension => extension is T) ?? Array.Find(_provided, extension => extension is T);
                _found[typeof(T)] = found;
                return (T)found;
            }
        }
    }
}
