using System;
using System.Runtime.CompilerServices;
using LeadAlign.Runtime;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins
{
    /// <summary>The <see cref="ILocalPluginContext"/> the base class builds for each execution.</summary>
    public sealed class LocalPluginContext : ILocalPluginContext
    {
        private readonly OrganizationServices _services;
        private readonly ExecutionTracer _tracer;
        private readonly Lazy<IServiceEndpointNotificationService?> _notificationService;

        public LocalPluginContext(IServiceProvider serviceProvider)
        {
            ServiceProvider = serviceProvider ?? throw new ArgumentNullException(nameof(serviceProvider));
            PluginExecutionContext = serviceProvider.GetRequired<IPluginExecutionContext>();
            _tracer = new ExecutionTracer(() => serviceProvider.Get<ITracingService>(), PluginExecutionContext.CorrelationId);
            _services = new OrganizationServices(
                () => serviceProvider.GetRequired<IOrganizationServiceFactory>(),
                PluginExecutionContext.UserId,
                PluginExecutionContext.InitiatingUserId);
            _notificationService = new Lazy<IServiceEndpointNotificationService?>(() => serviceProvider.Get<IServiceEndpointNotificationService>());
        }

        public IServiceProvider ServiceProvider { get; }

        public IPluginExecutionContext PluginExecutionContext { get; }

        public IOrganizationService PluginUserService => _services.RunAsUser;

        public IOrganizationService InitiatingUserService => _services.InitiatingUser;

        public IOrganizationService SystemUserService => _services.System;

        public IOrganizationServiceFactory OrgSvcFactory => _services.Factory;

        public ITracingService TracingService => _tracer;

        public IServiceEndpointNotificationService? NotificationService => _notificationService.Value;

        public void Trace(string message, [CallerMemberName] string method = "")
        {
            _tracer.Trace("{0}", string.IsNullOrEmpty(method) ? message : method + ": " + message);
        }
    }
}
