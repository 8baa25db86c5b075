using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using LeadAlign.Plugins;
using LeadAlign.Plugins.Registration;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Tests.Dataverse.Pipeline
{
    // Plug-ins that exist to exercise the in-memory pipeline. Each declares its steps once, here, as LeadAlign's plug-ins do;
    // a test loads the plug-in classes it needs and the pipeline runs the step XML generated from these declarations.

    /// <summary>Writes into the Target in PreOperation: the change must be saved without a second Update.</summary>
    [PluginStep("7a1f0001-0000-4000-8000-000000000001", "Create", "lead", PluginStage.PreOperation)]
    public sealed class StampDescriptionPlugin : PluginBase
    {
        public StampDescriptionPlugin(string unsecure, string secure)
            : base(typeof(StampDescriptionPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            context.GetTargetEntity()!["description"] = "stamped at " + context.OperationCreatedOn.ToString("O", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Traces what the platform put in its context, at every stage of a contact's creation.</summary>
    [PluginStep("7a1f0002-0000-4000-8000-000000000001", "Create", "contact", PluginStage.PreValidation)]
    [PluginStep("7a1f0002-0000-4000-8000-000000000002", "Create", "contact", PluginStage.PreOperation, Rank = 2)]
    [PluginStep("7a1f0002-0000-4000-8000-000000000003", "Create", "contact", PluginStage.PostOperation)]
    [PluginStep("7a1f0002-0000-4000-8000-000000000004", "Create", "contact", PluginStage.PostOperation, Mode = PluginMode.Asynchronous)]
    public sealed class ContextProbePlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var trace = (ITracingService)serviceProvider.GetService(typeof(ITracingService))!;
            context.SharedVariables.TryGetValue("seenBy", out var seenBy);
            context.SharedVariables["seenBy"] = seenBy + "|" + context.Stage.ToString(CultureInfo.InvariantCulture);
            trace.Trace("Message={0}", context.MessageName);
            trace.Trace("Entity={0}", context.PrimaryEntityName);
            trace.Trace("EntityId={0}", context.PrimaryEntityId);
            trace.Trace("Stage={0}", context.Stage);
            trace.Trace("Mode={0}", context.Mode);
            trace.Trace("Depth={0}", context.Depth);
            trace.Trace("UserId={0}", context.UserId);
            trace.Trace("InitiatingUserId={0}", context.InitiatingUserId);
            trace.Trace("BusinessUnitId={0}", context.BusinessUnitId);
            trace.Trace("InTransaction={0}", context.IsInTransaction);
            trace.Trace("CreatedOn={0}", context.OperationCreatedOn.ToString("O", CultureInfo.InvariantCulture));
            trace.Trace("Outputs={0}", string.Join(",", context.OutputParameters.Keys));
            trace.Trace("Shared={0}", seenBy);
            trace.Trace("HasParent={0}", context.ParentContext != null);
            trace.Trace("Correlation={0}", context.CorrelationId);
        }
    }

    /// <summary>An Update step with filtering attributes and images: traces which columns each image holds.</summary>
    [PluginStep("7a1f0003-0000-4000-8000-000000000001", "Update", "contact", PluginStage.PostOperation,
        FilteringAttributes = "jobtitle", PreImageAttributes = "firstname,jobtitle", PostImageAttributes = "jobtitle")]
    public sealed class JobTitleImagesPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var trace = (ITracingService)serviceProvider.GetService(typeof(ITracingService))!;
            var pre = context.PreEntityImages["PreImage"];
            var post = context.PostEntityImages["PostImage"];
            trace.Trace("Pre={0}", string.Join(",", pre.Attributes.Select(attribute => attribute.Key + ":" + attribute.Value).OrderBy(text => text, StringComparer.Ordinal)));
            trace.Trace("Post={0}", string.Join(",", post.Attributes.Select(attribute => attribute.Key + ":" + attribute.Value).OrderBy(text => text, StringComparer.Ordinal)));
        }
    }

    /// <summary>Creates a follow-up task for every new account, then refuses accounts named "Fail...": the task must roll back too.</summary>
    [PluginStep("7a1f0004-0000-4000-8000-000000000001", "Create", "account", PluginStage.PostOperation)]
    public sealed class FollowUpThenRefusePlugin : PluginBase
    {
        public FollowUpThenRefusePlugin(string unsecure, string secure)
            : base(typeof(FollowUpThenRefusePlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var account = context.GetTargetEntity()!;
            localPluginContext.PluginUserService.Create(new Entity("task")
            {
                ["subject"] = "Call " + account.GetAttributeValue<string>("name"),
                ["regardingobjectid"] = new EntityReference("account", context.PrimaryEntityId),
            });
            if (account.GetAttributeValue<string>("name")?.StartsWith("Fail", StringComparison.Ordinal) == true)
            {
                throw new InvalidPluginExecutionException("Accounts named Fail cannot be saved: rename it and save again.");
            }
        }
    }

    /// <summary>Updates the task it was triggered by, which triggers it again: the platform must stop it at depth 8.</summary>
    [PluginStep("7a1f0005-0000-4000-8000-000000000001", "Update", "task", PluginStage.PostOperation, FilteringAttributes = "description")]
    public sealed class EndlessTaskPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!;
            factory.CreateOrganizationService(context.UserId).Update(new Entity("task", context.PrimaryEntityId)
            {
                ["description"] = "depth " + context.Depth.ToString(CultureInfo.InvariantCulture),
            });
        }
    }

    /// <summary>After a phone call is created, asynchronously, creates a follow-up task regarding the same lead.</summary>
    [PluginStep("7a1f0006-0000-4000-8000-000000000001", "Create", "phonecall", PluginStage.PostOperation, Mode = PluginMode.Asynchronous, PostImageAttributes = "subject,regardingobjectid")]
    public sealed class AsyncFollowUpPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var trace = (ITracingService)serviceProvider.GetService(typeof(ITracingService))!;
            trace.Trace("Mode={0} InTransaction={1} Depth={2}", context.Mode, context.IsInTransaction, context.Depth);
            var call = context.PostEntityImages["PostImage"];
            var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!;
            factory.CreateOrganizationService(context.UserId).Create(new Entity("task")
            {
                ["subject"] = "Follow up: " + call.GetAttributeValue<string>("subject"),
                ["regardingobjectid"] = call.GetAttributeValue<EntityReference>("regardingobjectid"),
            });
        }
    }

    /// <summary>
    /// Deliberately stateful (a field counts executions) and configured: shows that the platform hands the step's
    /// configuration to the constructor and reuses one instance, which is why real plug-ins must keep no state.
    /// </summary>
    [PluginStep("7a1f0007-0000-4000-8000-000000000001", "Create", "appointment", PluginStage.PreOperation, Configuration = "unsecure-setting")]
    public sealed class StatefulConfiguredPlugin : IPlugin
    {
        private readonly string _unsecure;
        private readonly string _secure;
        private int _executions;

        public StatefulConfiguredPlugin(string unsecure, string secure)
        {
            _unsecure = unsecure;
            _secure = secure;
        }

        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var count = Interlocked.Increment(ref _executions);
            ((Entity)context.InputParameters["Target"])["description"] = $"{_unsecure}|{_secure}|{count}";
        }
    }

    /// <summary>Fails with an unexpected exception for campaigns named "crash".</summary>
    [PluginStep("7a1f0008-0000-4000-8000-000000000001", "Create", "campaign", PluginStage.PreOperation)]
    public sealed class CrashingPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            if (((Entity)context.InputParameters["Target"]).GetAttributeValue<string>("name") == "crash")
            {
                throw new DivideByZeroException("the plug-in divided by zero");
            }
        }
    }

    /// <summary>PreValidation refusal: leads named "Refused" are stopped before the transaction opens.</summary>
    [PluginStep("7a1f0009-0000-4000-8000-000000000001", "Create", "lead", PluginStage.PreValidation)]
    public sealed class RefuseInPreValidationPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            if (((Entity)context.InputParameters["Target"]).GetAttributeValue<string>("lastname") == "Refused")
            {
                throw new InvalidPluginExecutionException("This lead is refused before validation.");
            }
        }
    }

    /// <summary>Ranks: two PreOperation steps on task creation, appending to the subject in rank order.</summary>
    [PluginStep("7a1f000a-0000-4000-8000-000000000002", "Create", "task", PluginStage.PreOperation, Rank = 2)]
    [PluginStep("7a1f000a-0000-4000-8000-000000000001", "Create", "task", PluginStage.PreOperation, Rank = 1)]
    public sealed class RankedSubjectPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var target = (Entity)context.InputParameters["Target"];
            var step = context.OwningExtension.Id.ToString("D").EndsWith("1", StringComparison.Ordinal) ? "rank1" : "rank2";
            target["subject"] = target.GetAttributeValue<string>("subject") + "+" + step;
        }
    }

    /// <summary>The main operation of the test Custom API la_Echo: reads the row count of leads and echoes the text.</summary>
    public sealed class EchoApiPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!;
            var leads = factory.CreateOrganizationService(context.UserId).RetrieveMultiple(new Microsoft.Xrm.Sdk.Query.QueryExpression("lead")).Entities.Count;
            context.OutputParameters["Reply"] = "echo: " + (string)context.InputParameters["Text"] + " (" + leads.ToString(CultureInfo.InvariantCulture) + " leads)";
        }
    }

    /// <summary>
    /// Passes values from PreOperation to PostOperation through SharedVariables, as the platform's sample does: what it passes depends
    /// on the task's subject ("hint": a class of its own; "list": a List; "row holding a hint": an Entity whose column holds one;
    /// anything else: one value of each SDK type the platform serializes). PostOperation traces each shared variable's type and value.
    /// </summary>
    [PluginStep("7a1f000b-0000-4000-8000-000000000001", "Create", "task", PluginStage.PreOperation)]
    [PluginStep("7a1f000b-0000-4000-8000-000000000002", "Create", "task", PluginStage.PostOperation)]
    public sealed class SharedVariablesPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var trace = (ITracingService)serviceProvider.GetService(typeof(ITracingService))!;
            if (context.Stage == 40)
            {
                foreach (var variable in context.SharedVariables.OrderBy(variable => variable.Key, StringComparer.Ordinal))
                {
                    trace.Trace("{0}={1}:{2}", variable.Key, variable.Value?.GetType().Name ?? "null", variable.Value is Array array ? array.Length : variable.Value);
                }

                return;
            }

            var shared = context.SharedVariables;
            switch (((Entity)context.InputParameters["Target"]).GetAttributeValue<string>("subject"))
            {
                case "hint":
                    shared["hint"] = new ScoringHint { Points = 20 };
                    break;
                case "list":
                    shared["hint"] = new System.Collections.Generic.List<string> { "Director", "VP" };
                    break;
                case "row holding a hint":
                    shared["hint"] = new Entity("lead") { ["lastname"] = "Novak", ["la_hint"] = new ScoringHint { Points = 5 } };
                    break;
                default:
                    var lead = new EntityReference("lead", new Guid("00000000-0000-4000-8000-0000000000aa"));
                    shared["text"] = "MQL|SAL|0|65";
                    shared["count"] = 3;
                    shared["flag"] = true;
                    shared["id"] = lead.Id;
                    shared["when"] = context.OperationCreatedOn;
                    shared["amount"] = 12.5m;
                    shared["ratio"] = 0.25;
                    shared["lead"] = lead;
                    shared["row"] = new Entity("lead") { ["lastname"] = "Novak", ["leadqualitycode"] = new OptionSetValue(2), ["parentcontactid"] = lead };
                    shared["stage"] = new OptionSetValue(2);
                    shared["budget"] = new Money(5000m);
                    shared["rows"] = new EntityCollection(new[] { new Entity("lead") { ["lastname"] = "Novak" } });
                    shared["ids"] = new[] { lead.Id, Guid.Empty };
                    shared["names"] = new[] { "Director", "VP" };
                    shared["nothing"] = null;
                    break;
            }
        }
    }

    /// <summary>A plug-in's own class: not a type the platform can serialize into SharedVariables.</summary>
    public sealed class ScoringHint
    {
        public int Points { get; set; }
    }
}
