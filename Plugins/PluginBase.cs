using System;
using System.Runtime.CompilerServices;
using System.ServiceModel;
using LeadAlign.Runtime;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins
{
    /// <summary>
    /// Base class of every LeadAlign plug-in, in the shape of the <c>pac plugin init</c> template:
    /// <code>
    /// public sealed class XPlugin : PluginBase
    /// {
    ///     public XPlugin(string unsecureConfiguration, string secureConfiguration) : base(typeof(XPlugin)) { }
    ///     protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext) { ... }
    /// }
    /// </code>
    /// The platform creates one instance per registered step and calls <see cref="Execute"/> from many threads at once,
    /// so a plug-in keeps no per-execution state in fields: everything of one execution lives in its
    /// <see cref="ILocalPluginContext"/>, whose services are created on first use.
    /// Faults: a <see cref="BusinessRuleException"/> (a refused action) and an <see cref="InvalidPluginExecutionException"/>
    /// reach the user with their message; a fault of a nested request keeps the platform's message; anything else is
    /// traced in full and reported with a reference support can look up. Each cancels the operation and rolls back its transaction.
    /// </summary>
    public abstract class PluginBase : IPlugin
    {
        protected PluginBase(Type pluginClassName)
        {
            PluginClassName = (pluginClassName ?? throw new ArgumentNullException(nameof(pluginClassName))).FullName ?? pluginClassName.Name;
        }

        /// <summary>The full name of the concrete plug-in class, used in traces.</summary>
        protected string PluginClassName { get; }

        public void Execute(IServiceProvider serviceProvider)
        {
            if (serviceProvider == null)
            {
                throw new InvalidPluginExecutionException(nameof(serviceProvider));
            }

            var localPluginContext = new LocalPluginContext(serviceProvider);
            var context = localPluginContext.PluginExecutionContext;
            localPluginContext.Trace(
                $"Entered {PluginClassName}: {context.MessageName} of {context.PrimaryEntityName} {context.PrimaryEntityId}, stage {context.Stage}, mode {context.Mode}, depth {context.Depth}, user {context.UserId}, initiating user {context.InitiatingUserId}",
                nameof(Execute));
            try
            {
                ExecuteDataversePlugin(localPluginContext);
            }
            catch (BusinessRuleException refused)
            {
                localPluginContext.Trace($"Refused: {refused.Message}", nameof(Execute));
                throw new InvalidPluginExecutionException(refused.Message, refused);
            }
            catch (InvalidPluginExecutionException)
            {
                throw;
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                localPluginContext.Trace($"A nested request failed: {fault.Detail?.ToString() ?? fault.Message}", nameof(Execute));
                throw new InvalidPluginExecutionException(fault.Detail?.Message ?? fault.Message, fault);
            }
            catch (Exception unexpected)
            {
                localPluginContext.Trace($"Unexpected exception: {unexpected}", nameof(Execute));
                throw new InvalidPluginExecutionException(FaultMessages.Unexpected(PluginClassName, context.CorrelationId), unexpected);
            }
            finally
            {
                localPluginContext.Trace($"Exiting {PluginClassName}", nameof(Execute));
            }
        }

        /// <summary>The plug-in's work. Throw <see cref="BusinessRuleException"/> to refuse the operation with a message for the user.</summary>
        protected virtual void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
        }
    }

    /// <summary>What one execution of a plug-in can use. Services are created on first use.</summary>
    public interface ILocalPluginContext
    {
        IServiceProvider ServiceProvider { get; }

        IPluginExecutionContext PluginExecutionContext { get; }

        /// <summary>Runs as the user the step runs as (the calling user unless the step impersonates).</summary>
        IOrganizationService PluginUserService { get; }

        /// <summary>Runs as the user whose action started the operation.</summary>
        IOrganizationService InitiatingUserService { get; }

        /// <summary>Runs as SYSTEM. For the suite's own bookkeeping only.</summary>
        IOrganizationService SystemUserService { get; }

        IOrganizationServiceFactory OrgSvcFactory { get; }

        /// <summary>Stamps each line with the elapsed milliseconds and the correlation id.</summary>
        ITracingService TracingService { get; }

        IServiceEndpointNotificationService? NotificationService { get; }

        void Trace(string message, [CallerMemberName] string method = "");
    }

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
