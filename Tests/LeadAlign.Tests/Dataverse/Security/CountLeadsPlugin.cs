using System;
using System.Globalization;
using LeadAlign.Plugins.Registration;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Tests.Dataverse.Security
{
    /// <summary>
    /// On a task's creation, counts the leads its user service (the calling user's rights) and its SYSTEM service
    /// (<c>CreateOrganizationService(null)</c>) can read, and writes both counts into the task's description.
    /// </summary>
    [PluginStep("7a1f5ec0-0000-4000-8000-000000000001", "Create", "task", PluginStage.PreOperation)]
    public sealed class CountLeadsPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!;
            var asUser = factory.CreateOrganizationService(context.UserId).RetrieveMultiple(new QueryExpression("lead")).Entities.Count;
            var asSystem = factory.CreateOrganizationService(null).RetrieveMultiple(new QueryExpression("lead")).Entities.Count;
            ((Entity)context.InputParameters["Target"])["description"] = string.Format(CultureInfo.InvariantCulture, "as user: {0}, as SYSTEM: {1}", asUser, asSystem);
        }
    }
}
