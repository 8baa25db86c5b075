using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Registration;
using LeadAlign.Plugins.Lifecycle;
using LeadAlign.Plugins.Registration;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace LeadAlign.Tests.Lifecycle
{
    /// <summary>
    /// Traces, as a step of the test's own, every write of the routing lock columns on the agreement and every query of the
    /// agreement table, in the order they happen: an Update names the columns it writes, a query says whether it is FetchXML
    /// (the routing query) or a QueryExpression (the agreement cache loading the agreement).
    /// </summary>
    [PluginStep("7a1f0300-0000-4000-8000-000000000001", "Update", AgreementTable.EntityName, PluginStage.PreOperation,
        FilteringAttributes = AgreementTable.LastRoutingOn + "," + AgreementTable.HandoffCount)]
    [PluginStep("7a1f0300-0000-4000-8000-000000000002", "RetrieveMultiple", AgreementTable.EntityName, PluginStage.PreOperation)]
    public sealed class AgreementCallProbePlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var tracing = (ITracingService)serviceProvider.GetService(typeof(ITracingService))!;
            tracing.Trace(context.InputParameters.TryGetValue("Target", out var written) && written is Entity target
                ? string.Join(",", target.Attributes.Keys.Where(column => column != AgreementTable.Id).OrderBy(column => column, StringComparer.Ordinal))
                : context.InputParameters.TryGetValue("Query", out var query) && query is FetchExpression ? "fetch" : "query");
        }
    }

    /// <summary>
    /// Handoffs serialize on the active agreement: each takes the lock (an update of la_lastroutingon) before it reads the
    /// rotation and the open leads, then records its position as the agreement's handoff count; the lock runs no agreement step.
    /// </summary>
    public sealed class RoutingLockTests
    {
        [Fact]
        public void A_handoff_takes_the_lock_before_it_reads_the_rotation_then_records_its_position()
        {
            var fixture = new LifecycleFixture(organization: options => options with
            {
                Steps = options.Steps.Concat(StepRegistration.FromTypes(new[] { typeof(AgreementCallProbePlugin) })).ToList(),
                PluginAssemblies = options.PluginAssemblies.Concat(new[] { typeof(AgreementCallProbePlugin).Assembly }).ToList(),
            });
            var org = fixture.Org;
            fixture.HandedOffLead("Warm-up");
            org.Log.Clear();

            fixture.HandedOffLead("Second");

            var calls = org.Log.Of(typeof(AgreementCallProbePlugin)).Select(run => run.Message + " " + run.Trace.Trim()).ToList();
            Assert.Equal(new[] { "Update " + AgreementTable.LastRoutingOn, "RetrieveMultiple fetch", "Update " + AgreementTable.HandoffCount }, calls);
            var lifecycle = org.Log.Records.ToList().FindIndex(run => run.Handler == typeof(LeadLifecyclePlugin).FullName);
            var firstProbe = org.Log.Records.ToList().FindIndex(run => run.Handler == typeof(AgreementCallProbePlugin).FullName);
            Assert.InRange(lifecycle, 0, firstProbe - 1);
            Assert.All(org.Log.Of(typeof(AgreementCallProbePlugin)), run => Assert.Equal(2, run.Depth));
            var routing = org.Log.Of(typeof(LeadLifecyclePlugin)).Single(run => run.Depth == 1);
            Assert.Equal(2, routing.Calls("Update"));
            // The rotation, then the open leads of the first batch of reps (RoutingCandidates: the platform's aggregate limit).
            Assert.Equal(2, routing.Calls("RetrieveMultiple"));
        }

        [Fact]
        public void The_lock_and_the_count_run_no_agreement_step_and_keep_the_cached_agreement()
        {
            var fixture = new LifecycleFixture(organization: options => options with
            {
                Steps = options.Steps.Concat(StepRegistration.FromTypes(new[] { typeof(AgreementCallProbePlugin) })).ToList(),
                PluginAssemblies = options.PluginAssemblies.Concat(new[] { typeof(AgreementCallProbePlugin).Assembly }).ToList(),
            });
            var org = fixture.Org;
            fixture.HandedOffLead("Warm-up");
            org.Log.Clear();

            for (var index = 0; index < 5; index++)
            {
                fixture.HandedOffLead("Lead " + index);
            }

            Assert.DoesNotContain(org.Log.Records, run => run.Handler == typeof(AgreementChangedPlugin).FullName || run.Handler == typeof(ValidateAgreementPlugin).FullName);
            Assert.DoesNotContain(org.Log.Of(typeof(AgreementCallProbePlugin)), run => run.Trace.Trim() == "query");
            Assert.Equal(6, org.Get(AgreementTable.EntityName, LifecycleFixture.AgreementId)!.GetAttributeValue<int>(AgreementTable.HandoffCount));
        }

        [Fact]
        public void An_agreement_change_still_runs_its_steps_and_reaches_the_next_handoff()
        {
            var fixture = new LifecycleFixture(reps: 3);
            fixture.HandedOffLead("Warm-up");
            fixture.Org.Log.Clear();

            fixture.Org.As(fixture.Admin).Update(new Entity(AgreementTable.EntityName, LifecycleFixture.AgreementId) { [AgreementTable.MaxOpenLeadsPerRep] = 1 });
            var second = fixture.HandedOffLead("Second");
            var third = fixture.HandedOffLead("Third");
            var waiting = fixture.HandedOffLead("Waiting");

            Assert.Single(fixture.Org.Log.Of(typeof(AgreementChangedPlugin)));
            Assert.Equal(new[] { fixture.Reps[1], fixture.Reps[2] }, new[] { second, third }.Select(fixture.OwnerOf));
            Assert.False(fixture.Lead(waiting).Contains(LeadTable.HandoffOn));
        }

        [Fact]
        public void A_marketer_with_the_shipped_role_hands_off_through_the_lock_though_the_role_cannot_write_the_agreement()
        {
            var fixture = new LifecycleFixture(organization: options => options with { EnforceSecurityRoles = true });
            var org = fixture.Org;
            org.AddRole("Basic User", new Dictionary<string, PrivilegeDepths>
            {
                ["prvReadUser"] = PrivilegeDepths.Global,
                ["prvReadTeam"] = PrivilegeDepths.Global,
                ["prvReadBusinessUnit"] = PrivilegeDepths.Global,
            });
            org.AssignRole(fixture.Marketer, "Basic User");
            org.AssignRole(fixture.Marketer, "LeadAlign Marketing User");

            var lead = org.As(fixture.Marketer).Create(LifecycleFixture.QualifiedLead());
            var refused = TestOrganization.Fault(() => org.As(fixture.Marketer).Update(new Entity(AgreementTable.EntityName, LifecycleFixture.AgreementId) { [AgreementTable.LastRoutingOn] = org.UtcNow }));

            Assert.Equal(fixture.Reps[0], fixture.OwnerOf(lead));
            var agreement = org.Get(AgreementTable.EntityName, LifecycleFixture.AgreementId)!;
            Assert.Equal(1, agreement.GetAttributeValue<int>(AgreementTable.HandoffCount));
            Assert.Equal(org.SystemUserId, agreement.GetAttributeValue<EntityReference>("modifiedby").Id);
            Assert.Contains("missing prvWrite" + AgreementTable.EntityName + " privilege", refused.Message, StringComparison.Ordinal);
        }
    }
}
