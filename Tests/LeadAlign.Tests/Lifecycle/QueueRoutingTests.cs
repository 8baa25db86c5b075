using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Plugins.Lifecycle;
using LeadAlign.Schema;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Lifecycle
{
    /// <summary>
    /// Routing to the sales queue (the agreement's Routing mode Sales queue): an MQL waits in the queue, unassigned to a rep and
    /// with no clock; a rep picks it (PickFromQueue) and the handoff happens then, with the clocks from the pick and the minutes
    /// it waited recorded.
    /// </summary>
    public sealed class QueueRoutingTests
    {
        [Fact]
        public void In_queue_mode_an_mql_lands_in_the_sales_queue_owned_by_the_sales_team_with_no_rep_and_no_clock()
        {
            var given = new QueueMode();

            var id = given.Fixture.HandedOffLead();

            var lead = given.Fixture.Lead(id);
            Assert.Equal(LifecycleFixture.Mql, given.Fixture.StageOf(id));
            Assert.Equal(given.Fixture.SalesTeam, given.Fixture.OwnerOf(id));
            Assert.Equal(given.Org.UtcNow, lead.GetAttributeValue<DateTime>(LeadTable.QueuedOn));
            Assert.False(lead.Contains(LeadTable.HandoffOn));
            Assert.False(lead.Contains(LeadTable.RoutedToId));
            Assert.False(lead.Contains(LeadTable.AcceptByKpiId));
            Assert.Empty(given.Org.All("slakpiinstance"));
            Assert.Empty(given.Org.All("appnotification"));
            var item = Assert.Single(given.Org.All("queueitem"));
            Assert.Equal(id, item.GetAttributeValue<EntityReference>("objectid").Id);
            Assert.Equal(given.SalesQueue, item.GetAttributeValue<EntityReference>("queueid").Id);
            Assert.False(item.Contains("workerid"));
            Assert.Equal("Inquiry → MQL", Assert.Single(given.Fixture.History(id))[LeadStageChangeTable.Name]);
        }

        [Fact]
        public void A_rep_who_picks_the_lead_owns_it_and_its_accept_clock_runs_from_the_pick_with_the_minutes_in_queue_recorded()
        {
            var given = new QueueMode();
            var id = given.Fixture.HandedOffLead();
            var rep = given.Fixture.Reps[1];
            given.Org.Advance(TimeSpan.FromMinutes(30));

            given.Pick(rep, id);

            var lead = given.Fixture.Lead(id);
            Assert.Equal(rep, given.Fixture.OwnerOf(id));
            Assert.Equal(given.Org.UtcNow, lead.GetAttributeValue<DateTime>(LeadTable.HandoffOn));
            Assert.Equal(rep, lead.GetAttributeValue<EntityReference>(LeadTable.RoutedToId).Id);
            Assert.Equal(30, lead.GetAttributeValue<int>(LeadTable.MinutesInQueue));
            var accept = given.Org.Get("slakpiinstance", lead.GetAttributeValue<EntityReference>(LeadTable.AcceptByKpiId).Id)!;
            Assert.Equal(given.Org.UtcNow.AddHours(4), accept.GetAttributeValue<DateTime>(SlaKpiInstanceTable.FailureTime));
            Assert.Equal(rep, accept.GetAttributeValue<EntityReference>("ownerid").Id);
            var picked = given.Fixture.History(id).Last();
            Assert.Equal("Picked from the sales queue", picked[LeadStageChangeTable.Name]);
            Assert.Equal(rep, picked.GetAttributeValue<EntityReference>(LeadStageChangeTable.ChangedBy).Id);
            Assert.Equal(rep, picked.GetAttributeValue<EntityReference>(LeadStageChangeTable.RoutedToId).Id);
            Assert.Equal(1, picked.GetAttributeValue<int>(LeadStageChangeTable.RotationPosition));
            Assert.Equal(30, picked.GetAttributeValue<int>(LeadStageChangeTable.MinutesInPreviousStage));
            Assert.Equal(rep, Assert.Single(given.Org.All("queueitem")).GetAttributeValue<EntityReference>("workerid").Id);
            Assert.Equal(rep, Assert.Single(given.Org.All("appnotification")).GetAttributeValue<EntityReference>("ownerid").Id);

            // The picker accepts: the minutes to accept count from the pick, not from the queue.
            given.Org.Advance(TimeSpan.FromMinutes(10));
            given.Fixture.SetStage(rep, id, LifecycleFixture.Sal);
            Assert.Equal(10, given.Fixture.Lead(id).GetAttributeValue<int>(LeadTable.MinutesToAccept));
        }

        [Fact]
        public void A_picked_lead_is_one_handoff_in_the_report_and_the_weeks_close_not_two()
        {
            var given = new QueueMode();
            var monday = given.Org.UtcNow.Date.AddDays(-(((int)given.Org.UtcNow.DayOfWeek + 6) % 7));
            var id = given.Fixture.HandedOffLead();
            given.Org.Advance(TimeSpan.FromMinutes(30));
            given.Pick(given.Fixture.Reps[1], id);
            Assert.Equal(2, given.Fixture.History(id).Count(row => row.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.ToStage)?.Value == LifecycleFixture.Mql));

            var report = System.Text.Json.Nodes.JsonNode.Parse((string)Reporting.AlignmentReportTests.Report(given.Org.As(given.Fixture.Admin), monday, monday.AddDays(7)).Results["Report"])!;

            Assert.Equal(1, (int)report["waterfall"]![1]!["count"]!);
            Assert.Equal(1, report["weeklyMql"]!.AsArray().Sum(week => (int)week!["mql"]!));
            Assert.Equal(1, (int)report["speedToLead"]!["salesQueue"]!["leads"]!);
            Assert.Equal(30m, (decimal)report["speedToLead"]!["salesQueue"]!["waitMedianMinutes"]!);
        }

        [Fact]
        public void A_second_pick_of_a_lead_another_rep_works_on_is_refused_and_the_lead_stays_theirs()
        {
            var given = new QueueMode();
            var id = given.Fixture.HandedOffLead();
            given.Pick(given.Fixture.Reps[0], id);

            var refused = Assert.Throws<FaultException<OrganizationServiceFault>>(() => given.Pick(given.Fixture.Reps[1], id));

            Assert.Equal(DataverseFault.IsvAborted, refused.Detail.ErrorCode);
            Assert.Contains("Rep 1 already picked this lead from the queue", refused.Detail.Message);
            Assert.Equal(given.Fixture.Reps[0], given.Fixture.OwnerOf(id));
            Assert.Equal(given.Fixture.Reps[0], Assert.Single(given.Org.All("queueitem")).GetAttributeValue<EntityReference>("workerid").Id);
            Assert.Single(given.Fixture.History(id), row => (string)row[LeadStageChangeTable.Name] == "Picked from the sales queue");
        }

        [Fact]
        public void The_queue_item_of_a_lead_rejected_while_it_waited_cannot_be_picked()
        {
            var given = new QueueMode();
            var id = given.Fixture.HandedOffLead();
            given.Fixture.SetStage(given.Fixture.Admin, id, LifecycleFixture.Rejected, new Dictionary<string, object?> { [LeadTable.RejectionReason] = new OptionSetValue((int)RejectionReason.BadContactData) });
            var owner = given.Fixture.OwnerOf(id);

            var refused = Assert.Throws<FaultException<OrganizationServiceFault>>(() => given.Pick(given.Fixture.Reps[0], id));

            Assert.Equal(DataverseFault.IsvAborted, refused.Detail.ErrorCode);
            Assert.Contains("no longer waits in the sales queue", refused.Detail.Message);
            Assert.Equal(owner, given.Fixture.OwnerOf(id));
            Assert.Equal(LifecycleFixture.Rejected, given.Fixture.StageOf(id));
        }

        [Fact]
        public void An_admin_who_assigns_a_queued_lead_to_a_rep_hands_it_off_as_a_pick_does()
        {
            var given = new QueueMode();
            var id = given.Fixture.HandedOffLead();
            given.Org.Advance(TimeSpan.FromMinutes(12));

            given.Org.As(given.Fixture.Admin).Update(new Entity("lead", id) { ["ownerid"] = new EntityReference("systemuser", given.Fixture.Reps[2]) });

            var lead = given.Fixture.Lead(id);
            Assert.Equal(given.Org.UtcNow, lead.GetAttributeValue<DateTime>(LeadTable.HandoffOn));
            Assert.Equal(12, lead.GetAttributeValue<int>(LeadTable.MinutesInQueue));
            Assert.NotNull(lead.GetAttributeValue<EntityReference>(LeadTable.AcceptByKpiId));
            var history = given.Fixture.History(id).Last();
            Assert.Equal("Picked from the sales queue", history[LeadStageChangeTable.Name]);
            Assert.Equal(given.Fixture.Admin, history.GetAttributeValue<EntityReference>(LeadStageChangeTable.ChangedBy).Id);
            Assert.DoesNotContain(given.Fixture.History(id), row => (string)row[LeadStageChangeTable.Name] == "Reassigned");
        }

        [Fact]
        public void A_lead_recycled_to_nurture_and_qualified_again_waits_in_the_queue_again_and_another_rep_can_pick_it()
        {
            var given = new QueueMode();
            var id = given.Fixture.HandedOffLead();
            given.Pick(given.Fixture.Reps[0], id);
            given.Fixture.SetStage(given.Fixture.Reps[0], id, LifecycleFixture.Nurture);
            Assert.False(given.Fixture.Lead(id).Contains(LeadTable.QueuedOn));

            given.Org.As(given.Fixture.Marketer).Update(new Entity("lead", id) { ["jobtitle"] = "Chief Executive Officer" });
            Assert.Equal(LifecycleFixture.Mql, given.Fixture.StageOf(id));
            Assert.Equal(given.Fixture.SalesTeam, given.Fixture.OwnerOf(id));
            given.Pick(given.Fixture.Reps[1], id);

            Assert.Equal(given.Fixture.Reps[1], given.Fixture.OwnerOf(id));
            Assert.Equal(given.Fixture.Reps[1], Assert.Single(given.Org.All("queueitem")).GetAttributeValue<EntityReference>("workerid").Id);
            Assert.Equal(2, given.Fixture.History(id).Count(row => (string)row[LeadStageChangeTable.Name] == "Picked from the sales queue"));
        }

        [Fact]
        public void A_pick_that_removes_the_item_from_the_queue_leaves_nothing_to_pick_again()
        {
            var given = new QueueMode();
            var id = given.Fixture.HandedOffLead();
            var item = Assert.Single(given.Org.All("queueitem")).Id;
            given.Org.As(given.Fixture.Reps[0]).Execute(new PickFromQueueRequest { QueueItemId = item, WorkerId = given.Fixture.Reps[0], RemoveQueueItem = true });

            var refused = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
                given.Org.As(given.Fixture.Reps[1]).Execute(new PickFromQueueRequest { QueueItemId = item, WorkerId = given.Fixture.Reps[1] }));

            Assert.Equal(DataverseFault.ObjectDoesNotExist, refused.Detail.ErrorCode);
            Assert.Empty(given.Org.All("queueitem"));
            Assert.Equal(given.Fixture.Reps[0], given.Fixture.OwnerOf(id));
        }

        [Fact]
        public void With_the_shipped_sales_rep_role_a_member_of_the_sales_team_picks_and_a_rep_outside_it_cannot_read_the_queue()
        {
            // Security enforced; the two users hold only LeadAlign Sales Rep (Read on queues at Basic: their own and their teams').
            var given = new QueueMode(ShippedRoles.Organization());
            var member = given.Org.AddUser("Sam Sales");
            given.Org.SystemService.Execute(new AddMembersTeamRequest { TeamId = given.Fixture.SalesTeam, MemberIds = new[] { member } });
            given.Org.AssignRole(member, ShippedRoles.SalesRep);
            var outsider = given.Org.AddUser("Otto Outsider");
            given.Org.AssignRole(outsider, ShippedRoles.SalesRep);
            var id = given.Fixture.HandedOffLead();

            var refused = Assert.Throws<FaultException<OrganizationServiceFault>>(() => given.Pick(outsider, id));
            Assert.Contains("prvReadQueue", refused.Detail.Message);
            Assert.Equal(given.Fixture.SalesTeam, given.Fixture.OwnerOf(id));
            Assert.False(Assert.Single(given.Org.All("queueitem")).Contains("workerid"));

            given.Pick(member, id);
            Assert.Equal(member, given.Fixture.OwnerOf(id));
            Assert.NotNull(given.Fixture.Lead(id).GetAttributeValue<EntityReference>(LeadTable.AcceptByKpiId));
        }

        [Fact]
        public void An_agreement_set_to_route_to_a_queue_without_one_is_refused_naming_what_to_set()
        {
            var fixture = new LifecycleFixture();

            var refused = Assert.Throws<FaultException<OrganizationServiceFault>>(() => fixture.Org.As(fixture.Admin).Update(new Entity(AgreementTable.EntityName, LifecycleFixture.AgreementId)
            {
                [AgreementTable.RoutingMode] = new OptionSetValue((int)RoutingMode.SalesQueue),
            }));

            Assert.Contains("Routing mode is Sales queue, but no Sales queue is set", refused.Detail.Message);
        }

        [Fact]
        public void Queueing_an_mql_costs_two_calls_and_a_pick_eleven_with_its_clocks()
        {
            // Warm caches (agreement, scoring model, whether lead is enabled for SLAs), as in a running org.
            var given = new QueueMode();
            var warm = given.Fixture.HandedOffLead("Warm-up");
            given.Pick(given.Fixture.Reps[0], warm);
            var org = given.Org;
            var unqualified = LifecycleFixture.QualifiedLead("Later");
            unqualified.Attributes.Remove("telephone1");
            var later = org.As(given.Fixture.Marketer).Create(unqualified);
            org.Log.Clear();

            // Queued: no routing lock and no clock; after the save, the history row and AddToQueue (as SYSTEM).
            org.As(given.Fixture.Marketer).Update(new Entity("lead", later) { ["telephone1"] = "+1 555 0100" });
            var lifecycle = new[] { typeof(LeadLifecyclePlugin), typeof(LeadLifecyclePostPlugin) }.Select(type => type.FullName).ToHashSet();
            var queueing = org.Log.Records.Where(run => lifecycle.Contains(run.Handler)).Sum(run => run.TotalCalls);
            var queueingAll = org.Log.Records.Where(run => run.Depth == 1 && run.Handler != null && run.Handler.StartsWith("LeadAlign.Plugins", StringComparison.Ordinal)).Sum(run => run.TotalCalls);
            org.Log.Clear();

            // Picked, 11: the lead read and updated as SYSTEM (2); routing 3 (the lock, the handoff count, the new count); the clocks 3 (the replay
            // query, two creates); after the save 3 (the history row, the notification, the rep's place).
            given.Pick(given.Fixture.Reps[1], later);
            var picking = org.Log.Records.Where(run => run.Handler != null && run.Handler.StartsWith("LeadAlign.Plugins", StringComparison.Ordinal)).Sum(run => run.TotalCalls);

            Assert.Equal(2, queueing);
            Assert.Equal(2, queueingAll);
            Assert.Equal(11, picking);
            Assert.Equal(given.Fixture.Reps[1], given.Fixture.OwnerOf(later));
        }

        /// <summary>The lifecycle organization with the agreement routing to the sales queue ("the reps' lead queue").</summary>
        internal sealed class QueueMode
        {
            public QueueMode(LifecycleFixture? fixture = null, IReadOnlyDictionary<string, object?>? agreement = null)
            {
                Fixture = fixture ?? new LifecycleFixture();
                SalesQueue = Org.SystemService.Create(new Entity("queue") { ["name"] = "Reps' lead queue", ["ownerid"] = new EntityReference("team", Fixture.SalesTeam) });
                var update = new Entity(AgreementTable.EntityName, LifecycleFixture.AgreementId)
                {
                    [AgreementTable.RoutingMode] = new OptionSetValue((int)RoutingMode.SalesQueue),
                    [AgreementTable.SalesQueueId] = new EntityReference("queue", SalesQueue),
                };
                foreach (var column in agreement ?? new Dictionary<string, object?>())
                {
                    update[column.Key] = column.Value;
                }

                Org.SystemService.Update(update);
                Org.DrainAsync();
            }

            public LifecycleFixture Fixture { get; }

            public LeadAlign.Dataverse.InMemoryDataverse Org => Fixture.Org;

            public Guid SalesQueue { get; }

            /// <summary>The rep clicks Pick on the lead's queue item: PickFromQueue for themselves, the item kept in the queue.</summary>
            public void Pick(Guid rep, Guid lead)
            {
                var item = Org.All("queueitem").Single(row => row.GetAttributeValue<EntityReference>("objectid").Id == lead);
                Org.As(rep).Execute(new PickFromQueueRequest { QueueItemId = item.Id, WorkerId = rep, RemoveQueueItem = false });
            }
        }
    }
}
