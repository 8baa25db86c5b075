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
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Sla
{
    /// <summary>The marketing–sales SLA as SLA KPI instances: started at handoff, ended when the rep acts, warned and breached by time.</summary>
    public sealed class LeadSlaTests
    {
        private const int InProgress = 0;
        private const int Noncompliant = 1;
        private const int Nearing = 2;
        private const int Succeeded = 4;
        private const int Canceled = 5;
        private readonly LifecycleFixture _fixture;

        public LeadSlaTests()
        {
            _fixture = new LifecycleFixture();
            Org.SystemService.Update(new Entity("systemuser", _fixture.Reps[0]) { ["parentsystemuserid"] = new EntityReference("systemuser", Manager) });
        }

        private InMemoryDataverse Org => _fixture.Org;

        private Guid Manager => _fixture.Admin;

        private Entity Kpi(Guid lead, string lookup) => Org.Get("slakpiinstance", _fixture.Lead(lead).GetAttributeValue<EntityReference>(lookup).Id)!;

        private static int StatusOf(Entity kpi) => kpi.GetAttributeValue<OptionSetValue>("status").Value;

        [Fact]
        public void A_handoff_starts_the_accept_and_first_contact_clocks_in_business_hours()
        {
            var lead = _fixture.HandedOffLead();

            var accept = Kpi(lead, LeadTable.AcceptByKpiId);
            var contact = Kpi(lead, LeadTable.FirstContactByKpiId);
            Assert.Equal("Accept by", accept["name"]);
            Assert.Equal(new EntityReference("lead", lead), accept.GetAttributeValue<EntityReference>("regarding"));
            Assert.Equal(InProgress, StatusOf(accept));
            Assert.Equal(_fixture.Reps[0], accept.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(new DateTime(2026, 1, 5, 13, 0, 0, DateTimeKind.Utc), accept["failuretime"]);
            Assert.Equal(new DateTime(2026, 1, 5, 12, 0, 0, DateTimeKind.Utc), accept["warningtime"]);
            Assert.Equal("First contact by", contact["name"]);
            Assert.Equal(new DateTime(2026, 1, 7, 17, 0, 0, DateTimeKind.Utc), contact["failuretime"]);
            Assert.Equal(new DateTime(2026, 1, 7, 11, 0, 0, DateTimeKind.Utc), contact["warningtime"]);
            // The query that makes a replay start nothing, the two clocks, and (on a create) the update that links them.
            var start = Assert.Single(Org.Log.Of(typeof(StartLeadSlaClocksPlugin)));
            Assert.Equal(4, start.TotalCalls - start.Calls("RetrieveEntity"));
            Assert.True(start.Calls("RetrieveEntity") <= 1, start.ToString());
        }

        [Fact]
        public void Accepting_on_time_succeeds_the_accept_clock_and_costs_at_most_two_calls()
        {
            var lead = _fixture.HandedOffLead();
            Org.Advance(TimeSpan.FromHours(2));
            Org.Log.Clear();

            _fixture.SetStage(_fixture.Reps[0], lead, LifecycleFixture.Sal);

            var accept = Kpi(lead, LeadTable.AcceptByKpiId);
            Assert.Equal(Succeeded, StatusOf(accept));
            Assert.Equal(Org.UtcNow, accept["succeededon"]);
            Assert.Equal(InProgress, StatusOf(Kpi(lead, LeadTable.FirstContactByKpiId)));
            Assert.True(Org.Log.Of(typeof(StopLeadSlaClocksPlugin)).Single().TotalCalls <= 2);
        }

        [Fact]
        public void Accepting_late_makes_the_clock_noncompliant_and_still_records_when()
        {
            var lead = _fixture.HandedOffLead();
            Org.Advance(TimeSpan.FromHours(5));

            _fixture.SetStage(_fixture.Reps[0], lead, LifecycleFixture.Sal);

            var accept = Kpi(lead, LeadTable.AcceptByKpiId);
            Assert.Equal(Noncompliant, StatusOf(accept));
            Assert.Equal(Org.UtcNow, accept["succeededon"]);
        }

        [Fact]
        public void The_first_contact_ends_the_first_contact_clock()
        {
            var lead = _fixture.HandedOffLead();
            Org.Advance(TimeSpan.FromHours(3));
            var call = Org.As(_fixture.Reps[0]).Create(new Entity("phonecall") { ["subject"] = "Intro", ["directioncode"] = true, ["regardingobjectid"] = new EntityReference("lead", lead) });

            Org.As(_fixture.Reps[0]).Execute(new SetStateRequest { EntityMoniker = new EntityReference("phonecall", call), State = new OptionSetValue(1), Status = new OptionSetValue(2) });

            var contact = Kpi(lead, LeadTable.FirstContactByKpiId);
            Assert.Equal(Succeeded, StatusOf(contact));
            Assert.Equal(Org.UtcNow, contact["succeededon"]);
        }

        [Theory]
        [InlineData(LifecycleFixture.Rejected)]
        [InlineData(LifecycleFixture.Nurture)]
        public void Rejecting_or_nurturing_cancels_the_clocks_still_running(int stage)
        {
            var lead = _fixture.HandedOffLead();

            _fixture.SetStage(_fixture.Reps[0], lead, stage, new Dictionary<string, object?> { [LeadTable.RejectionReason] = new OptionSetValue((int)RejectionReason.NotReadyYet) });

            Assert.Equal(Canceled, StatusOf(Kpi(lead, LeadTable.AcceptByKpiId)));
            Assert.Equal(Canceled, StatusOf(Kpi(lead, LeadTable.FirstContactByKpiId)));
        }

        [Fact]
        public void Converting_cancels_the_first_contact_clock_if_it_still_runs_and_leaves_the_ended_accept_clock()
        {
            var lead = _fixture.HandedOffLead();
            _fixture.SetStage(_fixture.Reps[0], lead, LifecycleFixture.Sal);
            _fixture.SetStage(_fixture.Reps[0], lead, LifecycleFixture.Sql, new Dictionary<string, object?> { ["budgetamount"] = new Money(1000m), ["decisionmaker"] = true, ["need"] = new OptionSetValue(0), ["purchasetimeframe"] = new OptionSetValue(0) });

            Org.As(_fixture.Reps[0]).Execute(new QualifyLeadRequest { LeadId = new EntityReference("lead", lead), Status = new OptionSetValue(3) });

            Assert.Equal(Succeeded, StatusOf(Kpi(lead, LeadTable.AcceptByKpiId)));
            Assert.Equal(Canceled, StatusOf(Kpi(lead, LeadTable.FirstContactByKpiId)));
        }

        [Fact]
        public void Replaying_the_end_of_a_clock_changes_nothing()
        {
            var lead = _fixture.HandedOffLead();
            _fixture.SetStage(_fixture.Reps[0], lead, LifecycleFixture.Sal);
            var accept = Kpi(lead, LeadTable.AcceptByKpiId);
            Org.Advance(TimeSpan.FromHours(9));

            var replay = new StepReplay(Org);
            var context = new StubPluginExecutionContext
            {
                MessageName = "Update",
                PrimaryEntityName = "lead",
                PrimaryEntityId = lead,
                Stage = 40,
                OrganizationId = Org.OrganizationId,
                OperationCreatedOn = Org.UtcNow,
            };
            context.InputParameters["Target"] = new Entity("lead", lead) { [LeadTable.Stage] = new OptionSetValue(LifecycleFixture.Sal) };
            new StageChange(LeadStage.Mql, LeadStage.Sal, 0, 65).WriteTo(context.SharedVariables);
            context.PostEntityImages["PostImage"] = _fixture.Lead(lead);
            var trace = replay.Run(new StopLeadSlaClocksPlugin(string.Empty, string.Empty), context);

            var after = Org.Get("slakpiinstance", accept.Id)!;
            Assert.Contains($"Accept clock {accept.Id}: already ended", trace, StringComparison.Ordinal);
            Assert.Equal(Succeeded, StatusOf(after));
            Assert.Equal(accept["succeededon"], after["succeededon"]);
            Assert.Equal(accept.GetAttributeValue<long>("versionnumber"), after.GetAttributeValue<long>("versionnumber"));
        }

        [Fact]
        public void The_shipped_workflow_warns_at_the_warning_time_and_breaches_at_the_failure_time()
        {
            var lead = _fixture.HandedOffLead();
            var accept = Kpi(lead, LeadTable.AcceptByKpiId);

            Org.DrainAsync();
            Assert.Contains(Org.WaitingWorkflows, wait => wait.Row.Id == accept.Id && wait.Until == accept.GetAttributeValue<DateTime>("warningtime"));

            Org.Advance(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(5));
            Org.DrainAsync();
            Assert.Equal(Nearing, StatusOf(Org.Get("slakpiinstance", accept.Id)!));
            Assert.Contains(Org.All("appnotification"), note => note.GetAttributeValue<string>("title") == "Nearly due: Accept by" && note.GetAttributeValue<EntityReference>("ownerid").Id == _fixture.Reps[0]);

            Org.Advance(TimeSpan.FromHours(1));
            Org.DrainAsync();
            Assert.Equal(Noncompliant, StatusOf(Org.Get("slakpiinstance", accept.Id)!));
            Assert.Contains(Org.All("appnotification"), note => note.GetAttributeValue<string>("title") == "Missed: Accept by" && note.GetAttributeValue<EntityReference>("ownerid").Id == _fixture.Reps[0]);
            Assert.Contains(Org.All("appnotification"), note => note.GetAttributeValue<string>("title") == "Missed by Rep 1: Accept by" && note.GetAttributeValue<EntityReference>("ownerid").Id == Manager);
            Assert.DoesNotContain(Org.WaitingWorkflows, wait => wait.Row.Id == accept.Id);
            Assert.Empty(Org.FailedAsyncJobs);
        }

        [Fact]
        public void An_accepted_lead_is_not_warned_when_its_workflow_wakes_up()
        {
            var lead = _fixture.HandedOffLead();
            Org.DrainAsync();
            _fixture.SetStage(_fixture.Reps[0], lead, LifecycleFixture.Sal);

            Org.Advance(TimeSpan.FromHours(6));
            Org.DrainAsync();

            Assert.Equal(Succeeded, StatusOf(Kpi(lead, LeadTable.AcceptByKpiId)));
            Assert.DoesNotContain(Org.All("appnotification"), note => note.GetAttributeValue<string>("title").Contains("Accept by", StringComparison.Ordinal));
        }

        [Fact]
        public void The_evaluate_activity_returns_the_new_status_at_a_moved_clock()
        {
            var lead = _fixture.HandedOffLead();
            var accept = new EntityReference("slakpiinstance", Kpi(lead, LeadTable.AcceptByKpiId).Id);
            var inputs = new Dictionary<string, object?> { ["KpiInstance"] = accept };

            var early = Org.RunWorkflowActivity(new EvaluateLeadSla(), inputs, Org.SystemUserId, accept);
            Org.Advance(TimeSpan.FromHours(3.5));
            var warned = Org.RunWorkflowActivity(new EvaluateLeadSla(), inputs, Org.SystemUserId, accept);
            Org.Advance(TimeSpan.FromHours(1));
            var breached = Org.RunWorkflowActivity(new EvaluateLeadSla(), inputs, Org.SystemUserId, accept);
            var again = Org.RunWorkflowActivity(new EvaluateLeadSla(), inputs, Org.SystemUserId, accept);

            Assert.Equal(new[] { InProgress, Nearing, Noncompliant, Noncompliant }, new[] { early, warned, breached, again }.Select(outputs => (int)outputs["NewStatus"]));
            Assert.Equal(3, Org.All("appnotification").Count(note => note.GetAttributeValue<string>("title").Contains("Accept by", StringComparison.Ordinal)));
        }

        [Fact]
        public void The_sweep_evaluates_due_clocks_a_page_at_a_time()
        {
            for (var index = 0; index < 3; index++)
            {
                _fixture.HandedOffLead("Lead " + index);
            }

            Org.Advance(TimeSpan.FromHours(5));
            var calls = 0;
            var breached = 0;
            bool more;
            do
            {
                var response = Org.SystemService.Execute(new OrganizationRequest("la_EvaluateLeadSlas") { ["PageSize"] = 2 });
                calls++;
                breached += (int)response["Breached"];
                more = (bool)response["MoreRecords"];
            }
            while (more);

            Assert.Equal(2, calls);
            Assert.Equal(3, breached);
            Assert.Equal(3, Org.All("slakpiinstance").Count(kpi => StatusOf(kpi) == Noncompliant));
            Assert.Equal(3, Org.All("slakpiinstance").Count(kpi => StatusOf(kpi) == InProgress));
        }
    }
}
