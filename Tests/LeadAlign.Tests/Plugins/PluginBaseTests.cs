using System;
using System.Linq;
using System.ServiceModel;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using LeadAlign.Plugins;
using LeadAlign.Runtime;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Plugins
{
    public class PluginBaseTests
    {
        private readonly StubPluginExecutionContext _context = new StubPluginExecutionContext();
        private readonly RecordingTracingService _tracing = new RecordingTracingService();
        private readonly CountingServiceFactory _factory = new CountingServiceFactory();
        private readonly StubServiceProvider _provider;

        public PluginBaseTests()
        {
            _provider = new StubServiceProvider()
                .With<IPluginExecutionContext>(_context)
                .With<ITracingService>(_tracing)
                .With<IOrganizationServiceFactory>(_factory);
        }

        [Fact]
        public void A_plugin_that_uses_no_service_creates_none()
        {
            new ProbePlugin(_ => { }).Execute(_provider);

            Assert.Empty(_factory.CreatedFor);
            Assert.False(_provider.Requests.ContainsKey(typeof(IOrganizationServiceFactory)));
            Assert.False(_provider.Requests.ContainsKey(typeof(IServiceEndpointNotificationService)));
        }

        [Fact]
        public void Each_service_is_created_once_per_execution_for_its_own_user()
        {
            new ProbePlugin(local =>
            {
                _ = local.InitiatingUserService;
                _ = local.InitiatingUserService;
                _ = local.PluginUserService;
                _ = local.SystemUserService;
                _ = local.SystemUserService;
            }).Execute(_provider);

            Assert.Equal(new Guid?[] { _context.InitiatingUserId, _context.UserId, null }, _factory.CreatedFor.ToArray());
        }

        [Fact]
        public void Each_trace_line_carries_the_elapsed_milliseconds_and_the_correlation_id()
        {
            new ProbePlugin(local => local.TracingService.Trace("Scored lead {0}", "L-1")).Execute(_provider);

            Assert.NotEmpty(_tracing.Lines);
            Assert.All(_tracing.Lines, line => Assert.Matches(new Regex(@"^\[\+\d+ms c0ffee00\] "), line));
            Assert.Contains(_tracing.Lines, line => line.EndsWith("Scored lead L-1", StringComparison.Ordinal));
        }

        [Fact]
        public void The_entry_trace_names_the_plugin_message_table_stage_and_depth()
        {
            new ProbePlugin(_ => { }).Execute(_provider);

            var entry = _tracing.Lines.First();
            Assert.Contains("Entered LeadAlign.Tests.Plugins.PluginBaseTests+ProbePlugin", entry);
            Assert.Contains("Update of lead", entry);
            Assert.Contains("stage 20", entry);
            Assert.Contains("depth 1", entry);
            Assert.Contains("Exiting", _tracing.Lines.Last());
        }

        [Fact]
        public void Braces_in_a_traced_message_do_not_break_tracing()
        {
            new ProbePlugin(local => local.Trace("rule {fit} matched {0}")).Execute(_provider);

            Assert.Contains(_tracing.Lines, line => line.EndsWith("rule {fit} matched {0}", StringComparison.Ordinal));
        }

        [Fact]
        public void A_refused_business_rule_reaches_the_user_with_its_own_message()
        {
            var plugin = new ProbePlugin(_ => throw new BusinessRuleException("A rejection reason is required to reject this lead."));

            var fault = Assert.Throws<InvalidPluginExecutionException>(() => plugin.Execute(_provider));

            Assert.Equal("A rejection reason is required to reject this lead.", fault.Message);
            Assert.Equal(OperationStatus.Failed, fault.Status);
            Assert.Contains(_tracing.Lines, line => line.Contains("Refused: A rejection reason is required"));
        }

        [Fact]
        public void An_InvalidPluginExecutionException_passes_through_unchanged()
        {
            var thrown = new InvalidPluginExecutionException("Stage SQL needs a budget.");
            var plugin = new ProbePlugin(_ => throw thrown);

            var fault = Assert.Throws<InvalidPluginExecutionException>(() => plugin.Execute(_provider));

            Assert.Same(thrown, fault);
        }

        [Fact]
        public void A_failed_nested_request_keeps_the_platforms_message()
        {
            _factory.OnExecute = _ => throw new FaultException<OrganizationServiceFault>(
                new OrganizationServiceFault { ErrorCode = unchecked((int)0x80040217), Message = "lead With Id = 42 Does Not Exist" },
                new FaultReason("lead With Id = 42 Does Not Exist"));
            var plugin = new ProbePlugin(local => local.PluginUserService.Execute(new OrganizationRequest("WhoAmI")));

            var fault = Assert.Throws<InvalidPluginExecutionException>(() => plugin.Execute(_provider));

            Assert.Equal("lead With Id = 42 Does Not Exist", fault.Message);
            Assert.IsType<FaultException<OrganizationServiceFault>>(fault.InnerException);
        }

        [Fact]
        public void An_unexpected_exception_is_traced_in_full_and_reported_with_a_support_reference()
        {
            var plugin = new ProbePlugin(_ => throw new NullReferenceException("bug"));

            var fault = Assert.Throws<InvalidPluginExecutionException>(() => plugin.Execute(_provider));

            Assert.Contains("unexpected error", fault.Message);
            Assert.Contains(_context.CorrelationId.ToString(), fault.Message);
            Assert.Contains("Nothing was saved", fault.Message);
            Assert.IsType<NullReferenceException>(fault.InnerException);
            Assert.Contains(_tracing.Lines, line => line.Contains("System.NullReferenceException: bug"));
        }

        [Fact]
        public void One_plugin_instance_serves_concurrent_executions_without_mixing_their_contexts()
        {
            var plugin = new ProbePlugin(local =>
            {
                var context = local.PluginExecutionContext;
                context.OutputParameters["seen"] = context.PrimaryEntityId;
            });

            var contexts = Enumerable.Range(0, 64).Select(_ => new StubPluginExecutionContext { PrimaryEntityId = Guid.NewGuid() }).ToArray();
            Parallel.ForEach(contexts, context => plugin.Execute(new StubServiceProvider()
                .With<IPluginExecutionContext>(context)
                .With<ITracingService>(new RecordingTracingService())));

            Assert.All(contexts, context => Assert.Equal(context.PrimaryEntityId, context.OutputParameters["seen"]));
        }

        public sealed class ProbePlugin : PluginBase
        {
            private readonly Action<ILocalPluginContext> _body;

            public ProbePlugin(Action<ILocalPluginContext> body)
                : base(typeof(ProbePlugin))
            {
                _body = body;
            }

            protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext) => _body(localPluginContext);
        }
    }
}
