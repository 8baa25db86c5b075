using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Plugins.Handoffs;
using LeadAlign.Plugins.Sla;
using LeadAlign.Schema;
using LeadAlign.Tests.Lifecycle;
using LeadAlign.Tests.Support;
using LeadAlign.WorkflowActivities.Sla;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Sla
{
    /// <summary>
    /// The clocks follow the lead's owner: a reassignment moves the clocks still running to the new rep with their original
    /// deadlines (an internal reassignment buys no time), and only the lead's current owner and that owner's manager hear of a
    /// warning or a breach.
    /// </summary>
    public sealed class SlaClockOwnershipTests
    {
        private const int InProgress = 0;
        private const int Succeeded = 4;
        private const int Canceled = 5;
        private static readonly DateTime AcceptFailure = new(2026, 1, 5, 13, 0, 0, DateTimeKind.Utc);
        private static readonly DateTime AcceptWarning = new(2026, 1, 5, 12, 0, 0, DateTimeKind.Utc);
        private static readonly DateTime ContactFailure = new(2026, 1, 7, 17, 0, 0, DateTimeKind.Utc);
        private static readonly DateTime ContactWarning = new(2026, 1, 7, 11, 0, 0, DateTimeKind.Utc);
        private readonly LifecycleFixture _fixture;

        public SlaClockOwnershipTests()
        {
            _fixture = new LifecycleFixture();
            OldManager = _fixture.Admin;
            NewManager = Org.AddUser("Nora Manager");
            Org.SystemService.Update(new Entity(SystemUserTable.EntityName, OldRep) { [SystemUserTable.ManagerId] = new EntityReference(SystemUserTable.EntityName, OldManager) });
            Org.SystemService.Update(new Entity(SystemUserTable.EntityName, NewRep) { [SystemUserTable.ManagerId] = new EntityReference(SystemUserTable.EntityName, NewManager) });
        }

        private InMemoryDataverse Org => _fixture.Org;

        private Guid OldRep => _fixture.Reps[0];

        private Guid NewRep => _fixture.Reps[2];

        private Guid OldManager { get; }

        private Guid NewManager { get; }

        [Fact]
        public void Reassigning_an_mql_moves_both_clocks_to_the_new_owner_with_their_original_deadlines()
        {
            var lead = _fixture.HandedOffLead();
            var old = Linked(lead);
            Org.Advance(TimeSpan.FromHours(1));

            Reassign(lead, NewRep);

            var moved = Linked(lead);
            Assert.All(old, clock => Assert.Equal(Canceled, Status(Org.Get(SlaKpiInstanceTable.EntityName, clock.Id)!)));
            Assert.Empty(moved.Select(clock => clock.Id).Intersect(old.Select(clock => clock.Id)));
            Assert.All(moved, clock => Assert.Equal(NewRep, clock.GetAttributeValue<EntityReference>("ownerid").Id));
            Assert.All(moved, clock => Assert.Equal(InProgress, Status(clock)));
            Assert.Equal(new[] { "Accept by", "First contact by" }, moved.Select(clock => clock.GetAttributeValue<string>("name")));
            Assert.Equal(new[] { AcceptFailure, ContactFailure }, moved.Select(clock => clock.GetAttributeValue<DateTime>("failuretime")));
            Assert.Equal(new[] { AcceptWarning, ContactWarning }, moved.Select(clock => clock.GetAttributeValue<DateTime>("warningtime")));
            Assert.Equal(2, OpenClocksOf(lead).Count);
            Assert.Contains("moved to the new owner", Org.Log.Of(typeof(StartLeadSlaClocksPlugin)).Last().Trace, StringComparison.Ordinal);
        }

        [Fact]
        public void Reassigning_an_accepted_lead_moves_only_the_first_contact_and_decision_clocks_that_still_run()
        {
            var lead = _fixture.HandedOffLead();
            _fixture.SetStage(OldRep, lead, LifecycleFixture.Sal);
            var accept = Linked(lead)[0];

            Reassign(lead, NewRep);

            var linked = Linked(lead);
            Assert.Equal(accept.Id, linked[0].Id);
            Assert.Equal(Succeeded, Status(linked[0]));
            Assert.Equal(OldRep, linked[0].GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(NewRep, linked[1].GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(ContactFailure, linked[1].GetAttributeValue<DateTime>("failuretime"));
            var decision = Org.Get(SlaKpiInstanceTable.EntityName, _fixture.Lead(lead).GetAttributeValue<EntityReference>(LeadTable.DecisionByKpiId).Id)!;
            Assert.Equal(NewRep, decision.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(new[] { linked[1].Id, decision.Id }.OrderBy(id => id), OpenClocksOf(lead).Select(clock => clock.Id).OrderBy(id => id));
        }

        [Fact]
        public void After_a_reassignment_the_shipped_workflow_warns_and_breaches_only_the_new_owner_and_the_new_owners_manager()
        {
            var lead = _fixture.HandedOffLead();
            Org.DrainAsync();
            Org.Advance(TimeSpan.FromHours(1));
            Reassign(lead, NewRep);
            Org.DrainAsync();

            Org.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(5));
            Org.DrainAsync();
            Org.Advance(TimeSpan.FromHours(1));
            Org.DrainAsync();

            var slaNotes = Org.All("appnotification").Where(note => note.GetAttributeValue<string>("title").Contains("Accept by", StringComparison.Ordinal)).ToList();
            Assert.Equal(
                new[] { ("Nearly due: Accept by", NewRep), ("Missed: Accept by", NewRep), ("Missed by Rep 3: Accept by", NewManager) },
                slaNotes.Select(note => (note.GetAttributeValue<string>("title"), note.GetAttributeValue<EntityReference>("ownerid").Id)));
            Assert.DoesNotContain(Org.All("appnotification"), note => note.GetAttributeValue<EntityReference>("ownerid").Id == OldManager);
            Assert.Empty(Org.FailedAsyncJobs);
        }

        [Fact]
        public void Replaying_a_reassignment_three_times_moves_nothing_more()
        {
            var lead = _fixture.HandedOffLead();
            var original = Linked(lead);
            Reassign(lead, NewRep);
            var moved = Linked(lead);

            var traces = Enumerable.Range(0, 3).Select(_ =>
            {
                var context = new StubPluginExecutionContext
                {
                    MessageName = "Update",
                    PrimaryEntityName = LeadTable.EntityName,
                    PrimaryEntityId = lead,
                    Stage = 20,
                    OrganizationId = Org.OrganizationId,
                    OperationCreatedOn = Org.UtcNow,
                    UserId = _fixture.Admin,
                    InitiatingUserId = _fixture.Admin,
                };
                context.InputParameters["Target"] = new Entity(LeadTable.EntityName, lead) { ["ownerid"] = new EntityReference(SystemUserTable.EntityName, NewRep) };
                context.PreEntityImages["PreImage"] = new Entity(LeadTable.EntityName, lead)
                {
                    [LeadTable.Stage] = new OptionSetValue(LifecycleFixture.Mql),
                    [LeadTable.AcceptByKpiId] = original[0].ToEntityReference(),
                    [LeadTable.FirstContactByKpiId] = original[1].ToEntityReference(),
                };
                new Reassignment(new EntityReference(SystemUserTable.EntityName, OldRep), new EntityReference(SystemUserTable.EntityName, NewRep)).WriteTo(context.SharedVariables);
                return new StepReplay(Org).Run(new StartLeadSlaClocksPlugin(string.Empty, string.Empty), context);
            }).ToList();

            Assert.Equal(4, Org.All(SlaKpiInstanceTable.EntityName).Count);
            Assert.Equal(moved.Select(clock => clock.Id).OrderBy(id => id), OpenClocksOf(lead).Select(clock => clock.Id).OrderBy(id => id));
            Assert.All(traces, trace => Assert.Contains("no clock of the lead still runs", trace, StringComparison.Ordinal));
        }

        [Fact]
        public void A_breach_of_a_clock_that_still_names_someone_else_notifies_the_leads_owner_and_that_owners_manager()
        {
            var lead = _fixture.HandedOffLead();
            var accept = Linked(lead)[0];
            Org.SystemService.Update(new Entity(SlaKpiInstanceTable.EntityName, accept.Id) { ["ownerid"] = new EntityReference(SystemUserTable.EntityName, NewRep) });
            Org.Advance(TimeSpan.FromHours(5));

            var outputs = Org.RunWorkflowActivity(new EvaluateLeadSla(), new Dictionary<string, object?> { ["KpiInstance"] = accept.ToEntityReference() }, Org.SystemUserId, accept.ToEntityReference());

            var notes = Org.All("appnotification").Where(note => note.GetAttributeValue<string>("title").Contains("Accept by", StringComparison.Ordinal)).ToList();
            Assert.Equal(1, (int)outputs["NewStatus"]!);
            Assert.Equal(new[] { ("Missed: Accept by", OldRep), ("Missed by Rep 1: Accept by", OldManager) }, notes.Select(note => (note.GetAttributeValue<string>("title"), note.GetAttributeValue<EntityReference>("ownerid").Id)));
            Assert.Contains($"The clock names {NewRep}, who no longer owns the lead and is not notified.", Org.Log.Of(typeof(EvaluateLeadSla)).Last().Trace, StringComparison.Ordinal);
        }

        [Fact]
        public void A_lead_handed_to_a_team_keeps_its_clocks_and_its_breach_notifies_no_one_personally()
        {
            var lead = _fixture.HandedOffLead();
            var clocks = Linked(lead);

            Reassign(lead, _fixture.SalesTeam, "team");
            Org.Advance(TimeSpan.FromHours(5));
            Org.SystemService.Execute(new OrganizationRequest("la_EvaluateLeadSlas"));

            Assert.Equal(clocks.Select(clock => clock.Id), Linked(lead).Select(clock => clock.Id));
            Assert.Equal(1, Status(Org.Get(SlaKpiInstanceTable.EntityName, clocks[0].Id)!));
            Assert.DoesNotContain(Org.All("appnotification"), note => note.GetAttributeValue<string>("title").Contains("Accept by", StringComparison.Ordinal));
            Assert.Contains("no one is notified personally", Org.Log.Of(typeof(EvaluateLeadSlasPlugin)).Last().Trace, StringComparison.Ordinal);
        }

        private void Reassign(Guid lead, Guid owner, string ownerTable = SystemUserTable.EntityName) =>
            Org.As(_fixture.Admin).Update(new Entity(LeadTable.EntityName, lead) { ["ownerid"] = new EntityReference(ownerTable, owner) });

        /// <summary>The lead's two linked clocks: accept by, then first contact by.</summary>
        private IReadOnlyList<Entity> Linked(Guid lead) =>
            new[] { LeadTable.AcceptByKpiId, LeadTable.FirstContactByKpiId }.Select(column => Org.Get(SlaKpiInstanceTable.EntityName, _fixture.Lead(lead).GetAttributeValue<EntityReference>(column).Id)!).ToList();

        private IReadOnlyList<Entity> OpenClocksOf(Guid lead) =>
            Org.All(SlaKpiInstanceTable.EntityName).Where(clock => clock.GetAttributeValue<EntityReference>("regarding")?.Id == lead && Status(clock) is InProgress or 2).ToList();

        private static int Status(Entity clock) => clock.GetAttributeValue<OptionSetValue>("status").Value;
    }
}
