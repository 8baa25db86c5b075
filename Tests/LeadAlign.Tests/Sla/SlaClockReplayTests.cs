using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Plugins.Handoffs;
using LeadAlign.Plugins.Sla;
using LeadAlign.Schema;
using LeadAlign.Sla;
using LeadAlign.Tests.Lifecycle;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Sla
{
    /// <summary>
    /// The clock start is idempotent per handoff: the step run again for the same handoff (the same context again, a duplicate
    /// delivery, a retried job) leaves exactly the two clocks the first run started, and a later handoff starts its own.
    /// </summary>
    public sealed class SlaClockReplayTests
    {
        private const int InProgress = 0;
        private const int Canceled = 5;
        private readonly LifecycleFixture _fixture = new();

        private InMemoryDataverse Org => _fixture.Org;

        [Fact]
        public void Replaying_the_start_of_an_update_handoff_three_times_with_the_same_context_leaves_two_open_clocks()
        {
            var lead = HandedOffByUpdate();
            var started = ClocksOf(lead).Select(clock => clock.Id).OrderBy(id => id).ToList();
            var context = HandoffContext(lead, "Update", 20);

            var traces = Enumerable.Range(0, 3).Select(_ => new StepReplay(Org).Run(new StartLeadSlaClocksPlugin(string.Empty, string.Empty), context)).ToList();

            Assert.Equal(2, started.Count);
            Assert.Equal(started, ClocksOf(lead).Select(clock => clock.Id).OrderBy(id => id));
            Assert.Equal(2, ClocksOf(lead).Count(clock => Status(clock) == InProgress));
            Assert.All(traces, trace => Assert.Contains("a replay starts nothing", trace, StringComparison.Ordinal));
            Assert.False(((Entity)context.InputParameters["Target"]).Contains(LeadTable.AcceptByKpiId));
        }

        [Fact]
        public void Replaying_the_start_of_a_create_handoff_three_times_starts_nothing_and_leaves_the_lead_as_it_is()
        {
            var lead = _fixture.HandedOffLead();
            var version = _fixture.Lead(lead).GetAttributeValue<long>("versionnumber");

            for (var replay = 0; replay < 3; replay++)
            {
                new StepReplay(Org).Run(new StartLeadSlaClocksPlugin(string.Empty, string.Empty), HandoffContext(lead, "Create", 40));
            }

            var clocks = ClocksOf(lead);
            Assert.Equal(2, clocks.Count);
            Assert.All(clocks, clock => Assert.Equal(InProgress, Status(clock)));
            Assert.Equal(new[] { _fixture.Lead(lead).GetAttributeValue<EntityReference>(LeadTable.AcceptByKpiId).Id, _fixture.Lead(lead).GetAttributeValue<EntityReference>(LeadTable.FirstContactByKpiId).Id }.OrderBy(id => id), clocks.Select(clock => clock.Id).OrderBy(id => id));
            Assert.Equal(version, _fixture.Lead(lead).GetAttributeValue<long>("versionnumber"));
        }

        [Fact]
        public void A_handoffs_clocks_are_named_by_the_lead_and_its_rotation_position()
        {
            var lead = _fixture.HandedOffLead();

            var position = _fixture.History(lead).Single().GetAttributeValue<int>(LeadStageChangeTable.RotationPosition);
            Assert.Equal(SlaClocks.HandoffClockId(lead, position, SlaKpiInstanceTable.AcceptByName), _fixture.Lead(lead).GetAttributeValue<EntityReference>(LeadTable.AcceptByKpiId).Id);
            Assert.Equal(SlaClocks.HandoffClockId(lead, position, SlaKpiInstanceTable.FirstContactByName), _fixture.Lead(lead).GetAttributeValue<EntityReference>(LeadTable.FirstContactByKpiId).Id);
            Assert.NotEqual(SlaClocks.HandoffClockId(lead, position + 1, SlaKpiInstanceTable.AcceptByName), SlaClocks.HandoffClockId(lead, position, SlaKpiInstanceTable.AcceptByName));
        }

        [Fact]
        public void A_genuine_handoff_after_a_recycle_starts_two_new_clocks_and_replaying_the_first_one_still_starts_nothing()
        {
            var lead = _fixture.HandedOffLead();
            var first = HandoffContext(lead, "Create", 40);
            var firstClocks = ClocksOf(lead).Select(clock => clock.Id).ToList();
            _fixture.SetStage(_fixture.Reps[0], lead, LifecycleFixture.Sal);
            Org.Advance(TimeSpan.FromDays(1));
            _fixture.SetStage(_fixture.Reps[0], lead, LifecycleFixture.Nurture);

            Org.As(_fixture.Marketer).Update(new Entity(LeadTable.EntityName, lead) { ["jobtitle"] = "Chief Executive Officer" });
            new StepReplay(Org).Run(new StartLeadSlaClocksPlugin(string.Empty, string.Empty), first);

            var clocks = ClocksOf(lead);
            var open = clocks.Where(clock => Status(clock) == InProgress).ToList();
            Assert.Equal(LifecycleFixture.Mql, _fixture.StageOf(lead));
            // The first handoff's two clocks, the acceptance's decision clock (canceled when the rep nurtured the lead), the new two.
            Assert.Equal(5, clocks.Count);
            Assert.Equal(Canceled, Status(clocks.Single(clock => clock.GetAttributeValue<string>("name") == SlaKpiInstanceTable.DecisionByName)));
            Assert.Equal(2, open.Count);
            Assert.DoesNotContain(open, clock => firstClocks.Contains(clock.Id));
            Assert.All(open, clock => Assert.Equal(_fixture.Reps[1], clock.GetAttributeValue<EntityReference>("ownerid").Id));
            Assert.Equal(Canceled, Status(clocks.Single(clock => clock.Id == firstClocks[1])));
            Assert.Equal(open.Select(clock => clock.Id).OrderBy(id => id), new[] { LeadTable.AcceptByKpiId, LeadTable.FirstContactByKpiId }.Select(column => _fixture.Lead(lead).GetAttributeValue<EntityReference>(column).Id).OrderBy(id => id));
        }

        /// <summary>A lead created short of a required column, then completed: handed off by an Update (PreOperation clocks).</summary>
        private Guid HandedOffByUpdate()
        {
            var unqualified = LifecycleFixture.QualifiedLead("Later");
            unqualified.Attributes.Remove("telephone1");
            var lead = Org.As(_fixture.Marketer).Create(unqualified);
            Org.As(_fixture.Marketer).Update(new Entity(LeadTable.EntityName, lead) { ["telephone1"] = "+1 555 0100" });
            Assert.Equal(LifecycleFixture.Mql, _fixture.StageOf(lead));
            return lead;
        }

        /// <summary>The clock step's context for the lead's latest handoff, as the pipeline filled it: the handoff the lifecycle handed on, its Target and pre-image.</summary>
        private StubPluginExecutionContext HandoffContext(Guid lead, string message, int stage)
        {
            var handoff = _fixture.History(lead).Last(row => row.Contains(LeadStageChangeTable.RotationPosition));
            var accept = Org.Get(SlaKpiInstanceTable.EntityName, _fixture.Lead(lead).GetAttributeValue<EntityReference>(LeadTable.AcceptByKpiId).Id)!;
            var contact = Org.Get(SlaKpiInstanceTable.EntityName, _fixture.Lead(lead).GetAttributeValue<EntityReference>(LeadTable.FirstContactByKpiId).Id)!;
            var context = new StubPluginExecutionContext
            {
                MessageName = message,
                PrimaryEntityName = LeadTable.EntityName,
                PrimaryEntityId = lead,
                Stage = stage,
                OrganizationId = Org.OrganizationId,
                OperationCreatedOn = handoff.GetAttributeValue<DateTime>(LeadStageChangeTable.ChangedOn),
                UserId = _fixture.Marketer,
                InitiatingUserId = _fixture.Marketer,
            };
            context.InputParameters["Target"] = new Entity(LeadTable.EntityName, lead) { ["telephone1"] = "+1 555 0100" };
            if (message == "Update")
            {
                context.PreEntityImages["PreImage"] = new Entity(LeadTable.EntityName, lead) { [LeadTable.Stage] = new OptionSetValue(LifecycleFixture.Inquiry) };
            }

            new Handoff(
                handoff.GetAttributeValue<EntityReference>(LeadStageChangeTable.RoutedToId).Id,
                handoff.GetAttributeValue<int>(LeadStageChangeTable.RotationPosition),
                new SlaDeadline(accept.GetAttributeValue<DateTime>("failuretime"), accept.GetAttributeValue<DateTime>("warningtime")),
                new SlaDeadline(contact.GetAttributeValue<DateTime>("failuretime"), contact.GetAttributeValue<DateTime>("warningtime"))).WriteTo(context.SharedVariables);
            return context;
        }

        private IReadOnlyList<Entity> ClocksOf(Guid lead) =>
            Org.All(SlaKpiInstanceTable.EntityName).Where(clock => clock.GetAttributeValue<EntityReference>("regarding")?.Id == lead).ToList();

        private static int Status(Entity clock) => clock.GetAttributeValue<OptionSetValue>("status").Value;
    }
}
