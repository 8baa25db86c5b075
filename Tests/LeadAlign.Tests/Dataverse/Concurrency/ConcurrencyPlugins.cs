using System;
using System.ServiceModel;
using LeadAlign.Plugins.Registration;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Tests.Dataverse.Concurrency
{
    // Plug-ins that exist to exercise transactions, locks and isolation. Each declares its steps, as TestPlugins.cs does.

    /// <summary>
    /// Stops in PostOperation of an account's create or update whose description names a <see cref="Pause"/>: its transaction is
    /// open, its writes are made and its locks held until the test releases it. It traces the number of employees it reads back
    /// itself (a transaction sees its own writes), and refuses the operation afterwards when the description asks it to.
    /// </summary>
    [PluginStep("c0c00001-0000-4000-8000-000000000001", "Create", "account", PluginStage.PostOperation)]
    [PluginStep("c0c00001-0000-4000-8000-000000000002", "Update", "account", PluginStage.PostOperation, FilteringAttributes = "description")]
    public sealed class PauseInTransactionPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var target = (Entity)context.InputParameters["Target"];
            var description = target.GetAttributeValue<string>("description");
            if (description == null || !description.StartsWith("pause", StringComparison.Ordinal))
            {
                return;
            }

            var service = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(null);
            var own = service.Retrieve("account", context.PrimaryEntityId, new ColumnSet("numberofemployees"));
            ((ITracingService)serviceProvider.GetService(typeof(ITracingService))!).Trace("sees={0}", own.GetAttributeValue<int?>("numberofemployees"));
            if (Pause.HoldIfMarked(description))
            {
                throw new InvalidPluginExecutionException("Refused after the pause.");
            }
        }
    }

    /// <summary>
    /// "+1" (or "-1") in an account's description: PreOperation reads the account's number of employees through the service and
    /// saves one more (or one less). A read-modify-write, as plug-ins do: it gives the right count only if the row it reads is the
    /// one it then writes.
    /// </summary>
    [PluginStep("c0c00002-0000-4000-8000-000000000001", "Update", "account", PluginStage.PreOperation, FilteringAttributes = "description")]
    public sealed class IncrementEmployeesPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var target = (Entity)context.InputParameters["Target"];
            var step = target.GetAttributeValue<string>("description") switch
            {
                "+1" => 1,
                "-1" => -1,
                _ => 0,
            };
            if (step == 0)
            {
                return;
            }

            var service = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(context.UserId);
            var current = service.Retrieve("account", target.Id, new ColumnSet("numberofemployees"));
            target["numberofemployees"] = (current.GetAttributeValue<int?>("numberofemployees") ?? 0) + step;
        }
    }

    /// <summary>
    /// A plug-in that ignores the fault of a service call: in PostOperation of a contact's create it logs a task, reads an account
    /// that does not exist and swallows the fault, then, for a contact named "Carry on", logs a second task.
    /// </summary>
    [PluginStep("c0c00003-0000-4000-8000-000000000001", "Create", "contact", PluginStage.PostOperation)]
    public sealed class SwallowNestedFaultPlugin : IPlugin
    {
        public static readonly Guid MissingAccount = new("c0c00003-0000-4000-8000-00000000dead");

        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var service = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(null);
            service.Create(new Entity("task") { ["subject"] = "Welcome call" });
            try
            {
                service.Retrieve("account", MissingAccount, new ColumnSet("name"));
            }
            catch (FaultException<OrganizationServiceFault>)
            {
                // Ignored: the contact has no account yet.
            }

            if (((Entity)context.InputParameters["Target"]).GetAttributeValue<string>("lastname") == "Carry on")
            {
                service.Create(new Entity("task") { ["subject"] = "Second call" });
            }
        }
    }

    /// <summary>The same swallowed fault in PreValidation of a lead's create, at depth 1: outside the transaction, so nothing is doomed.</summary>
    [PluginStep("c0c00004-0000-4000-8000-000000000001", "Create", "lead", PluginStage.PreValidation)]
    public sealed class SwallowInPreValidationPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var service = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(null);
            try
            {
                service.Retrieve("account", SwallowNestedFaultPlugin.MissingAccount, new ColumnSet("name"));
            }
            catch (FaultException<OrganizationServiceFault>)
            {
                // Ignored: PreValidation at depth 1 is outside the transaction.
            }

            service.Create(new Entity("task") { ["subject"] = "Screen the lead" });
        }
    }

    /// <summary>
    /// A plug-in that swallows the deadlock fault of its own update: in PostOperation of a task's update whose description names a
    /// pause, it stops there, updates the account the task is about and ignores any fault, then logs a follow-up task.
    /// </summary>
    [PluginStep("c0c00005-0000-4000-8000-000000000001", "Update", "task", PluginStage.PostOperation, FilteringAttributes = "description")]
    public sealed class SwallowDeadlockPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var target = (Entity)context.InputParameters["Target"];
            Pause.HoldIfMarked(target.GetAttributeValue<string>("description"));
            var service = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(null);
            var task = service.Retrieve("task", target.Id, new ColumnSet("regardingobjectid"));
            try
            {
                service.Update(new Entity("account", task.GetAttributeValue<EntityReference>("regardingobjectid").Id) { ["numberofemployees"] = 7 });
            }
            catch (FaultException<OrganizationServiceFault>)
            {
                // Ignored: the plug-in carries on whatever happened.
            }

            service.Create(new Entity("task") { ["subject"] = "Follow up" });
        }
    }
}
