using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Lifecycle
{
    /// <summary>
    /// Many handoffs in a row, one at a time (the in-memory Dataverse runs one operation at a time for now): the rotation stays
    /// fair, the cap holds, every handoff's history row records its place, and replaying the history gives the same reps.
    /// <see cref="RoutingInvariants"/> is what a load test with parallel handoffs checks too.
    /// </summary>
    public sealed class HandoffLoadTests
    {
        [Fact]
        public void Hundreds_of_handoffs_over_seven_reps_stay_fair_within_one_never_pass_the_cap_and_replay_from_history()
        {
            var fixture = new LifecycleFixture(reps: 7, agreement: new Dictionary<string, object?> { [AgreementTable.MaxOpenLeadsPerRep] = 45 });

            for (var index = 0; index < 300; index++)
            {
                fixture.HandedOffLead("Lead " + index);
            }

            var shares = fixture.Reps.Select(rep => fixture.Org.All(LeadTable.EntityName).Count(lead => lead.GetAttributeValue<EntityReference>("ownerid").Id == rep)).ToList();
            Assert.All(shares, share => Assert.InRange(share, 42, 43));
            Assert.Empty(RoutingInvariants.Check(fixture.Org, LifecycleFixture.AgreementId, fixture.Reps, expectEvenShares: true));

            // 60 more: 15 bring every rep to the cap of 45, the other 45 wait unassigned.
            for (var index = 300; index < 360; index++)
            {
                fixture.HandedOffLead("Lead " + index);
            }

            var leads = fixture.Org.All(LeadTable.EntityName);
            Assert.All(fixture.Reps, rep => Assert.Equal(45, leads.Count(lead => lead.GetAttributeValue<EntityReference>("ownerid").Id == rep)));
            Assert.Equal(45, leads.Count(lead => !lead.Contains(LeadTable.HandoffOn)));
            Assert.Equal(315, fixture.Org.Get(AgreementTable.EntityName, LifecycleFixture.AgreementId)!.GetAttributeValue<int>(AgreementTable.HandoffCount));
            Assert.Empty(RoutingInvariants.Check(fixture.Org, LifecycleFixture.AgreementId, fixture.Reps, expectEvenShares: true));
        }

        [Fact]
        public void Each_handoff_records_its_rotation_position_and_rep_on_its_history_row()
        {
            var fixture = new LifecycleFixture(reps: 3);

            var leads = Enumerable.Range(1, 4).Select(index => fixture.HandedOffLead("Lead " + index)).ToList();

            var rows = leads.Select(lead => Assert.Single(fixture.History(lead))).ToList();
            Assert.Equal(new[] { 1, 2, 3, 4 }, rows.Select(row => row.GetAttributeValue<int>(LeadStageChangeTable.RotationPosition)));
            Assert.Equal(new[] { fixture.Reps[0], fixture.Reps[1], fixture.Reps[2], fixture.Reps[0] }, rows.Select(row => row.GetAttributeValue<EntityReference>(LeadStageChangeTable.RoutedToId).Id));
            Assert.Equal(4, fixture.Org.Get(AgreementTable.EntityName, LifecycleFixture.AgreementId)!.GetAttributeValue<int>(AgreementTable.HandoffCount));
            Assert.Equal(new[] { 4, 2, 3 }, fixture.Reps.Select(rep => fixture.Org.Get(SystemUserTable.EntityName, rep)!.GetAttributeValue<int>(SystemUserTable.RoutingSequence)));
        }

        [Fact]
        public void Changes_other_than_handoffs_take_no_rotation_position()
        {
            var fixture = new LifecycleFixture(reps: 2);
            var lead = fixture.HandedOffLead();

            fixture.SetStage(fixture.Reps[0], lead, LifecycleFixture.Sal);
            fixture.Org.As(fixture.Admin).Update(new Entity(LeadTable.EntityName, lead) { ["ownerid"] = new EntityReference(SystemUserTable.EntityName, fixture.Reps[1]) });

            var history = fixture.History(lead);
            Assert.Equal(3, history.Count);
            Assert.Single(history, row => row.Contains(LeadStageChangeTable.RotationPosition));
            Assert.Empty(RoutingInvariants.Check(fixture.Org, LifecycleFixture.AgreementId, fixture.Reps, expectEvenShares: false));
        }

        [Fact]
        public void A_rep_routed_under_an_earlier_count_is_not_given_a_position_already_taken()
        {
            // Reps who hold rotation positions from before the agreement counted handoffs (an upgrade, or a new agreement).
            var fixture = new LifecycleFixture(reps: 2);
            fixture.Org.SystemService.Update(new Entity(SystemUserTable.EntityName, fixture.Reps[0]) { [SystemUserTable.RoutingSequence] = 40 });
            fixture.Org.SystemService.Update(new Entity(SystemUserTable.EntityName, fixture.Reps[1]) { [SystemUserTable.RoutingSequence] = 41 });

            var first = fixture.HandedOffLead("First");
            var second = fixture.HandedOffLead("Second");

            Assert.Equal(fixture.Reps[0], fixture.OwnerOf(first));
            Assert.Equal(fixture.Reps[1], fixture.OwnerOf(second));
            Assert.Equal(new[] { 42, 43 }, new[] { first, second }.Select(lead => Assert.Single(fixture.History(lead)).GetAttributeValue<int>(LeadStageChangeTable.RotationPosition)));
            Assert.Equal(43, fixture.Org.Get(AgreementTable.EntityName, LifecycleFixture.AgreementId)!.GetAttributeValue<int>(AgreementTable.HandoffCount));
        }

        [Fact]
        public void The_invariants_catch_a_shared_position_a_gap_and_a_history_that_does_not_replay()
        {
            var fixture = new LifecycleFixture(reps: 3);
            var leads = Enumerable.Range(1, 3).Select(index => fixture.HandedOffLead("Lead " + index)).ToList();
            Assert.Empty(RoutingInvariants.Check(fixture.Org, LifecycleFixture.AgreementId, fixture.Reps, expectEvenShares: true));
            var second = Assert.Single(fixture.History(leads[1]));
            var third = Assert.Single(fixture.History(leads[2]));

            // As two handoffs that read the rotation at the same time would leave it: both at position 2, both to the same rep.
            fixture.Org.SystemService.Update(new Entity(LeadStageChangeTable.EntityName, third.Id)
            {
                [LeadStageChangeTable.RotationPosition] = 2,
                [LeadStageChangeTable.RoutedToId] = new EntityReference(SystemUserTable.EntityName, fixture.Reps[1]),
            });

            var findings = RoutingInvariants.Check(fixture.Org, LifecycleFixture.AgreementId, fixture.Reps, expectEvenShares: true);

            Assert.Equal(
                new[]
                {
                    $"Position 2 was taken by 2 handoffs ({second.Id}, {third.Id}).",
                    "The 3 handoffs' positions are not 1 to 3, one each: 1, 2, 2.",
                    $"Rep {fixture.Reps[2]} is at rotation position 3, but the last handoff routed to the rep took 0.",
                    $"The reps' shares differ by more than one: {fixture.Reps[0]}: 1, {fixture.Reps[1]}: 2, {fixture.Reps[2]}: 0.",
                    $"Replaying position 2 routes it to {fixture.Reps[2]}; the history says {fixture.Reps[1]}.",
                },
                findings);
        }
    }
}
