using System;
using System.Linq;
using LeadAlign.Plugins.Lifecycle;
using LeadAlign.Plugins.Scoring;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Lifecycle
{
    /// <summary>Inquiry → MQL and the handoff: routing, stamps, the history row and the rep's notification.</summary>
    public sealed class HandoffTests
    {
        [Fact]
        public void A_lead_whose_score_and_data_qualify_it_becomes_an_MQL_and_is_handed_off()
        {
            var fixture = new LifecycleFixture();
            var org = fixture.Org;

            var id = fixture.HandedOffLead();

            var lead = fixture.Lead(id);
            var rep = fixture.Reps[0];
            Assert.Equal(65, lead.GetAttributeValue<int>(LeadTable.Score));
            Assert.Equal(LifecycleFixture.Mql, fixture.StageOf(id));
            Assert.Equal(org.UtcNow, lead.GetAttributeValue<DateTime>(LeadTable.MqlOn));
            Assert.Equal(org.UtcNow, lead.GetAttributeValue<DateTime>(LeadTable.HandoffOn));
            Assert.Equal(rep, fixture.OwnerOf(id));
            Assert.Equal(rep, lead.GetAttributeValue<EntityReference>(LeadTable.RoutedToId).Id);
            var history = Assert.Single(fixture.History(id));
            Assert.Equal("Inquiry → MQL", history[LeadStageChangeTable.Name]);
            Assert.Equal(65, history[LeadStageChangeTable.Score]);
            Assert.Equal(fixture.Marketer, history.GetAttributeValue<EntityReference>(LeadStageChangeTable.ChangedBy).Id);
            var notification = Assert.Single(org.All("appnotification"));
            Assert.Equal(rep, notification.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal("New MQL for you: Novak", notification["title"]);
            Assert.Contains("Accept it by 2026-01-05 13:00 UTC", notification.GetAttributeValue<string>("body"));
            Assert.Contains("etn=lead&id=" + id, notification.GetAttributeValue<string>("data"));
            Assert.Equal(1, org.Get("systemuser", rep)!.GetAttributeValue<int>(SystemUserTable.RoutingSequence));
        }

        [Fact]
        public void A_lead_below_the_threshold_or_missing_a_required_column_stays_an_inquiry()
        {
            var fixture = new LifecycleFixture();
            var low = fixture.Org.As(fixture.Marketer).Create(new Entity("lead") { ["lastname"] = "Low", ["companyname"] = "Contoso", ["jobtitle"] = "Analyst", ["telephone1"] = "1" });
            var incomplete = LifecycleFixture.QualifiedLead("NoCompany");
            incomplete["companyname"] = null;

            var missing = fixture.Org.As(fixture.Marketer).Create(incomplete);

            Assert.Equal(LifecycleFixture.Inquiry, fixture.StageOf(low));
            Assert.Equal(LifecycleFixture.Inquiry, fixture.StageOf(missing));
            Assert.False(fixture.Lead(missing).Contains(LeadTable.HandoffOn));
            fixture.Org.As(fixture.Marketer).Update(new Entity("lead", missing) { ["companyname"] = "Contoso" });
            Assert.Equal(LifecycleFixture.Mql, fixture.StageOf(missing));
        }

        [Fact]
        public void An_mql_stays_an_mql_when_its_score_drops()
        {
            var fixture = new LifecycleFixture();
            var id = fixture.HandedOffLead();

            fixture.Org.As(fixture.Marketer).Update(new Entity("lead", id) { ["jobtitle"] = "Intern", ["numberofemployees"] = 5 });

            Assert.True(fixture.Lead(id).GetAttributeValue<int>(LeadTable.Score) < 60);
            Assert.Equal(LifecycleFixture.Mql, fixture.StageOf(id));
        }

        [Fact]
        public void Round_robin_over_seven_reps_for_a_thousand_handoffs_gives_each_the_same_share_within_one()
        {
            var fixture = new LifecycleFixture(reps: 7, agreement: new System.Collections.Generic.Dictionary<string, object?> { [AgreementTable.MaxOpenLeadsPerRep] = 100_000 });

            for (var index = 0; index < 1000; index++)
            {
                fixture.HandedOffLead("Lead " + index);
            }

            var counts = fixture.Org.All("lead").GroupBy(lead => lead.GetAttributeValue<EntityReference>("ownerid").Id).ToDictionary(group => group.Key, group => group.Count());
            Assert.Equal(7, counts.Count);
            Assert.All(fixture.Reps, rep => Assert.InRange(counts[rep], 142, 143));
        }

        [Fact]
        public void Unavailable_reps_and_reps_at_the_cap_are_skipped()
        {
            var fixture = new LifecycleFixture(reps: 3, agreement: new System.Collections.Generic.Dictionary<string, object?> { [AgreementTable.MaxOpenLeadsPerRep] = 1 });
            fixture.Org.SystemService.Update(new Entity("systemuser", fixture.Reps[0]) { [SystemUserTable.IsUnavailable] = true });

            var first = fixture.HandedOffLead("First");
            var second = fixture.HandedOffLead("Second");
            var third = fixture.HandedOffLead("Third");

            Assert.Equal(fixture.Reps[1], fixture.OwnerOf(first));
            Assert.Equal(fixture.Reps[2], fixture.OwnerOf(second));
            Assert.Equal(LifecycleFixture.Mql, fixture.StageOf(third));
            Assert.False(fixture.Lead(third).Contains(LeadTable.HandoffOn));
            Assert.Contains("the agreement's cap", fixture.Org.Log.Of(typeof(LeadLifecyclePlugin)).Last().Trace);
        }

        [Fact]
        public void Routing_by_country_hands_a_lead_only_to_reps_of_its_country()
        {
            var fixture = new LifecycleFixture(reps: 3, agreement: new System.Collections.Generic.Dictionary<string, object?> { [AgreementTable.RoutingFilter] = new OptionSetValue((int)RoutingFilter.Country) });
            fixture.Org.SystemService.Update(new Entity("systemuser", fixture.Reps[2]) { ["address1_country"] = "Germany" });

            var german = fixture.Org.As(fixture.Marketer).Create(LifecycleFixture.QualifiedLead("Müller", "Germany"));
            var alsoGerman = fixture.Org.As(fixture.Marketer).Create(LifecycleFixture.QualifiedLead("Schmidt", "Germany"));

            Assert.Equal(fixture.Reps[2], fixture.OwnerOf(german));
            Assert.Equal(fixture.Reps[2], fixture.OwnerOf(alsoGerman));
        }

        [Fact]
        public void Reassigning_an_mql_by_hand_is_allowed_and_recorded()
        {
            var fixture = new LifecycleFixture();
            var id = fixture.HandedOffLead();

            fixture.Org.As(fixture.Admin).Update(new Entity("lead", id) { ["ownerid"] = new EntityReference("systemuser", fixture.Reps[2]) });

            Assert.Equal(fixture.Reps[2], fixture.OwnerOf(id));
            var record = fixture.History(id).Last();
            Assert.Equal("Reassigned", record[LeadStageChangeTable.Name]);
            Assert.Contains(fixture.Reps[0].ToString(), record.GetAttributeValue<string>(LeadStageChangeTable.Note));
            Assert.Equal(fixture.Admin, record.GetAttributeValue<EntityReference>(LeadStageChangeTable.ChangedBy).Id);
        }

        [Fact]
        public void A_save_that_changes_no_stage_costs_no_extra_calls_and_a_handoff_eight_for_routing_and_history()
        {
            var fixture = new LifecycleFixture();
            var org = fixture.Org;
            fixture.Org.As(fixture.Marketer).Create(new Entity("lead") { ["lastname"] = "Warm-up" });
            org.Log.Clear();

            var id = fixture.HandedOffLead();
            var lifecycle = new[] { typeof(ValidateLeadStagePlugin), typeof(LeadLifecyclePlugin), typeof(LeadLifecyclePostPlugin), typeof(ScoreLeadPlugin) }.Select(type => type.FullName).ToHashSet();
            var handoffCalls = org.Log.Records.Where(run => run.Depth == 1 && lifecycle.Contains(run.Handler)).Sum(run => run.TotalCalls);
            org.Log.Clear();
            org.As(fixture.Reps[0]).Update(new Entity("lead", id) { ["jobtitle"] = "Chief Executive Officer" });

            // The agreement's first read with its holidays, one query (its cache is cold: the warm-up lead was not handed off), the routing lock, the rotation
            // query, the open leads of the reps, the agreement's handoff count; then the history row, the notification and the rep's rotation.
            Assert.Equal(8, handoffCalls);
            Assert.All(org.Log.Records, run => Assert.Equal(0, run.TotalCalls));
            Assert.Contains(org.Log.Records, run => run.Handler == typeof(LeadLifecyclePlugin).FullName);
            Assert.Contains(org.Log.Records, run => run.Handler == typeof(ScoreLeadPlugin).FullName);
        }

        [Fact]
        public void A_handoff_with_its_two_clocks_costs_ten_calls_on_an_update_and_eleven_on_a_create()
        {
            // Warm caches (agreement, scoring model, whether lead is enabled for SLAs), as in a running org.
            var fixture = new LifecycleFixture();
            var org = fixture.Org;
            fixture.HandedOffLead("Warm-up");
            var unqualified = LifecycleFixture.QualifiedLead("Later");
            unqualified.Attributes.Remove("telephone1");
            var later = org.As(fixture.Marketer).Create(unqualified);
            Assert.Equal(LifecycleFixture.Inquiry, fixture.StageOf(later));
            org.Log.Clear();

            // On an update, 10: routing 4 (the lock on the agreement, taken first so parallel handoffs queue; one query for the
            // rotation, one for the open leads of its first batch of reps (RoutingCandidates); the agreement's new handoff count), the clocks 3 (one query that makes a replay start
            // nothing, two creates, linked in the Target), and 3 after the save (the history row with the rotation position, the
            // notification, the rep's rotation).
            org.As(fixture.Marketer).Update(new Entity("lead", later) { ["telephone1"] = "+1 555 0100" });
            var onUpdate = org.Log.Records.Sum(run => run.TotalCalls);
            org.Log.Clear();

            // On a create the row does not exist before PostOperation, so the clocks are linked with one more update of the lead: 11.
            var created = fixture.HandedOffLead("Created");
            var onCreate = org.Log.Records.Sum(run => run.TotalCalls);

            Assert.Equal(LifecycleFixture.Mql, fixture.StageOf(later));
            Assert.NotNull(fixture.Lead(later).GetAttributeValue<EntityReference>(LeadTable.AcceptByKpiId));
            Assert.NotNull(fixture.Lead(created).GetAttributeValue<EntityReference>(LeadTable.FirstContactByKpiId));
            Assert.Equal(10, onUpdate);
            Assert.Equal(11, onCreate);
        }
    }
}
