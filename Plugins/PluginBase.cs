using System;
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
}
