using System;
using System.Activities;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Tests.Support;
using LeadAlign.WorkflowActivities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using Xunit;

namespace LeadAlign.Tests.WorkflowActivities
{
    public class WorkflowActivityBaseTests
    {
        private readonly StubWorkflowContext _workflow = new StubWorkflowContext();
        private readonly RecordingTracingService _tracing = new RecordingTracingService();
        private readonly CountingServiceFactory _factory = new CountingServiceFactory();

        [Fact]
        public void An_activity_reads_its_arguments_and_services_as_the_workflow_user()
        {
            var outputs = Invoke(new Probe(local =>
            {
                _ = local.WorkflowUserService;
                return local.WorkflowContext.PrimaryEntityName;
            }), new Dictionary<string, object> { ["Input"] = "x" });

            Assert.Equal("lead|x", outputs["Output"]);
            Assert.Equal(new Guid?[] { _workflow.UserId }, _factory.CreatedFor.ToArray());
            Assert.All(_tracing.Lines, line => Assert.StartsWith("[+", line));
            Assert.Contains(_tracing.Lines, line => line.Contains("Entered LeadAlign.Tests.WorkflowActivities.WorkflowActivityBaseTests+Probe"));
        }

        [Fact]
        public void An_unexpected_exception_fails_the_step_with_a_support_reference()
        {
            var fault = Assert.Throws<InvalidPluginExecutionException>(() => Invoke(new Probe(_ => throw new InvalidOperationException("bug")), new Dictionary<string, object>()));

            Assert.Contains(_workflow.CorrelationId.ToString(), fault.Message);
            Assert.Contains(_tracing.Lines, line => line.Contains("System.InvalidOperationException: bug"));
        }

        [Fact]
        public void An_InvalidPluginExecutionException_passes_through_with_its_message()
        {
            var fault = Assert.Throws<InvalidPluginExecutionException>(() => Invoke(new Probe(_ => throw new InvalidPluginExecutionException("Configure a marketing team on the agreement.")), new Dictionary<string, object>()));

            Assert.Equal("Configure a marketing team on the agreement.", fault.Message);
        }

        private IDictionary<string, object> Invoke(Activity activity, IDictionary<string, object> inputs)
        {
            var invoker = new WorkflowInvoker(activity);
            invoker.Extensions.Add<IWorkflowContext>(() => _workflow);
            invoker.Extensions.Add<ITracingService>(() => _tracing);
            invoker.Extensions.Add<IOrganizationServiceFactory>(() => _factory);
            return invoker.Invoke(inputs);
        }

        public sealed class Probe : WorkflowActivityBase
        {
            private readonly Func<ILocalWorkflowContext, string> _body;

            public Probe(Func<ILocalWorkflowContext, string> body)
                : base(typeof(Probe))
            {
                _body = body;
            }

            [Input("Input")]
            public InArgument<string> Input { get; set; } = null!;

            [Output("Output")]
            public OutArgument<string> Output { get; set; } = null!;

            protected override void ExecuteWorkflowActivity(ILocalWorkflowContext localContext)
            {
                Output.Set(localContext.ActivityContext, _body(localContext) + "|" + Input.Get(localContext.ActivityContext));
            }
        }

        private sealed class StubWorkflowContext : IWorkflowContext
        {
            public int Mode => 1;

            public int IsolationMode => 2;

            public int Depth => 1;

            public string MessageName => "Update";

            public string PrimaryEntityName => "lead";

            public Guid? RequestId => null;

            public string SecondaryEntityName => "none";

            public ParameterCollection InputParameters { get; } = new ParameterCollection();

            public ParameterCollection OutputParameters { get; } = new ParameterCollection();

            public ParameterCollection SharedVariables { get; } = new ParameterCollection();

            public Guid UserId { get; } = Guid.NewGuid();

            public Guid InitiatingUserId { get; } = Guid.NewGuid();

            public Guid BusinessUnitId => Guid.Empty;

            public Guid OrganizationId => Guid.Empty;

            public string OrganizationName => "contoso";

            public Guid PrimaryEntityId { get; } = Guid.NewGuid();

            public EntityImageCollection PreEntityImages { get; } = new EntityImageCollection();

            public EntityImageCollection PostEntityImages { get; } = new EntityImageCollection();

            public EntityReference OwningExtension => null!;

            public Guid CorrelationId { get; } = Guid.NewGuid();

            public bool IsExecutingOffline => false;

            public bool IsOfflinePlayback => false;

            public bool IsInTransaction => false;

            public Guid OperationId => Guid.Empty;

            public DateTime OperationCreatedOn => DateTime.UtcNow;

            public string StageName => string.Empty;

            public int WorkflowCategory => 0;

            public int WorkflowMode => 0;

            public IWorkflowContext ParentContext => null!;
        }
    }
}
