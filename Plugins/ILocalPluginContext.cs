using System;
using System.Runtime.CompilerServices;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins
{
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
}
