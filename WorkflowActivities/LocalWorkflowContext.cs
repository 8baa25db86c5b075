using System;
using System.Activities;
using System.Runtime.CompilerServices;
using LeadAlign.Runtime;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadAlign.WorkflowActivities
{
    /// <summary>The <see cref="ILocalWorkflowContext"/> the base class builds for each run.</summary>
    public sealed class LocalWorkflowContext : ILocalWorkflowContext
    {
        private readonly OrganizationServices _services;
        private readonly ExecutionTracer _tracer;

        public LocalWorkflowContext(CodeActivityContext activityContext)
        {
            ActivityContext = activityContext ?? throw new ArgumentNullException(nameof(activityContext));
            WorkflowContext = activityContext.GetExtension<IWorkflowContext>()
                ?? throw new InvalidOperationException("The workflow host offers no IWorkflowContext.");
            _tracer = new ExecutionTracer(() => activityContext.GetExtension<ITracingService>(), WorkflowContext.CorrelationId);
            _services = new OrganizationServices(
                () => activityContext.GetExtension<IOrganizationServiceFactory>()
                    ?? throw new InvalidOperationException("The workflow host offers no IOrganizationServiceFactory."),
                WorkflowContext.UserId,
                WorkflowContext.InitiatingUserId);
        }

        public CodeActivityContext ActivityContext { get; }

        public IWorkflowContext WorkflowContext { get; }

        public IOrganizationService WorkflowUserService => _services.RunAsUser;

        public IOrganizationService InitiatingUserService => _services.InitiatingUser;

        public IOrganizationService SystemUserService => _services.System;

        public IOrganizationServiceFactory OrgSvcFactory => _services.Factory;

        public ITracingService TracingService => _tracer;

        public void Trace(string message, [CallerMemberName] string method = "")
        {
            _tracer.Trace("{0}", string.IsNullOrEmpty(method) ? message : method + ": " + message);
        }
    }
}
