using System;
using System.Reflection;
using System.ServiceModel;
using LeadAlign.Dataverse.Faults;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Pipeline
{
    /// <summary>
    /// What the caller receives for a failure: the platform's fault. A plug-in's InvalidPluginExecutionException keeps its message
    /// and code; any other exception is reported as the platform reports an unexpected plug-in exception.
    /// </summary>
    internal static class PluginFault
    {
        public static FaultException<OrganizationServiceFault> From(Exception failure, string? pluginType = null, string? trace = null)
        {
            switch (failure)
            {
                case FaultException<OrganizationServiceFault> fault:
                    return fault;
                case InvalidPluginExecutionException refused:
                    return DataverseFault.Create(refused.ErrorCode != 0 ? refused.ErrorCode : DataverseFault.IsvAborted, refused.Message, traceText: trace);
                case TargetInvocationException { InnerException: { } inner }:
                    return From(inner, pluginType, trace);
                default:
                    return pluginType != null
                        ? DataverseFault.Create(DataverseFault.UnexpectedPluginException, $"Unexpected exception from plug-in (Execute): {pluginType}: {failure.GetType().FullName}: {failure.Message}", traceText: trace)
                        : DataverseFault.Create(DataverseFault.InvalidArgument, failure.Message);
            }
        }
    }
}
