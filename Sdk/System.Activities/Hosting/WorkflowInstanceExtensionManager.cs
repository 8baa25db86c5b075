// Stand-in for .NET Framework 4.6.2's System.Activities (4.0.0.0), net10.0 only; its public API is a strict subset of the
// official one (Tests/LeadAlign.Tests/Compatibility checks it).
// WorkflowInstanceExtensionManager: the extensions a host offers the activities it runs (in Dataverse: IWorkflowContext,
// IOrganizationServiceFactory, ITracingService).
// Not modelled: IWorkflowInstanceExtension (additional extensions and the instance proxy), extensions activities require or
// provide through their metadata, and persistence and tracking participants.
// Not modelled anywhere in the stand-in: persistence, bookmarks, NativeActivity scheduling, expressions other than
// constants, and tracking.
using System.Collections.Generic;

namespace System.Activities.Hosting
{
    /// <summary>
    /// Singleton extensions (shared by every run) and extension providers (called once per workflow instance, when the
    /// instance is created). The manager becomes read-only once a workflow instance has used it.
    /// </summary>
    public class WorkflowInstanceExtensionManager
    {
        private readonly object _lock = new object();
        private readonly List<object> _singletons = new List<object>();
        private readonly List<Func<object>> _providers = new List<Func<object>>();
        private bool _isReadOnly;

        public WorkflowInstanceExtensionManager()
        {
        }

        /// <summary>Adds an extension shared by every workflow instance that uses this manager.</summary>
        public virtual void Add(object singletonExtension)
        {
            if (singletonExtension == null)
            {
                throw new ArgumentNullException(nameof(singletonExtension));
            }

            lock (_lock)
            {
                ThrowIfReadOnly();
                _singletons.Add(singletonExtension);
            }
        }

        /// <summary>Adds a provider, called once for each workflow instance to create that instance's extension.</summary>
        public virtual void Add<T>(Func<T> extensionCreationFunction)
            where T : class
        {
            if (extensionCreationFunction == null)
            {
                throw new ArgumentNullException(nameof(extensionCreationFunction));
            }

            lock (_lock)
            {
                ThrowIfReadOnly();
                _providers.Add(() => extensionCreationFunction());
            }
        }

        /// <summary>Freezes the extensions; WorkflowInvoker calls it when it first runs a workflow with this manager.</summary>
        public void MakeReadOnly()
        {
            lock (_lock)
            {
                _isReadOnly = true;
            }
        }

        /// <summary>The extensions of one new workflow instance: the singletons, and one value from each provider, created now.</summary>
        internal InstanceExtensions CreateInstanceExtensions()
        {
            object[] singletons;
            Func<object>[] providers;
            lock (_lock)
            {
                singletons = _singletons.ToArray();
                providers = _providers.ToArray();
            }

            var provided = new object[providers.Length];
            for (var i = 0; i < providers.Length; i++)
            {
                provided[i] = providers[i]();
            }

            return new InstanceExtensions(singletons, provided);
        }

        private void ThrowIfReadOnly()
        {
            if (_isReadOnly)
            {
                throw new InvalidOperationException("The WorkflowInstanceExtensionManager cannot be modified once it has been made read-only by a workflow instance that uses it.");
            }
        }
    }
}
