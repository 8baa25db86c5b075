using System.Collections.Generic;
using System.Linq;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Lifecycle
{
    /// <summary>
    /// Routing where the sales team's open leads pass the platform's AggregateQueryRecordLimit (50,000 rows an aggregate query may
    /// read; "Aggregate queries are limited to 50,000 records": Microsoft Learn, "Aggregate data using FetchXml"). One aggregate over
    /// the whole team's open leads, as routing counted them before, faults there, and every handoff with it; the in-memory Dataverse
    /// answers such a query with the platform's fault.
    /// </summary>
    public sealed class RoutingAtScaleTests
    {
        [Fact]
        public void A_team_holding_55000_open_leads_still_routes_to_the_first_rep_in_rotation_under_the_cap()
        {
            // Given four reps in rotation order whose open leads total 55,000, the first two at the agreement's cap of 20,000
            // (so a batch counts 50,000 / 20,000 = 2 reps at a time), the third under it.
            var fixture = new LifecycleFixture(reps: 4, agreement: new Dictionary<string, object?> { [AgreementTable.MaxOpenLeadsPerRep] = 20_000 });
            var org = fixture.Org;
            var held = new[] { 20_000, 20_000, 15_000, 0 };
            for (var index = 0; index < fixture.Reps.Count; index++)
            {
                org.SystemService.Update(new Entity(SystemUserTable.EntityName, fixture.Reps[index]) { [SystemUserTable.RoutingSequence] = index + 1 });
            }

            org.Seed(fixture.Reps.SelectMany((rep, index) => Enumerable.Range(0, held[index]).Select(number => new Entity(LeadTable.EntityName, org.NewId())
            {
                ["lastname"] = $"Accepted {index}-{number}",
                ["ownerid"] = new EntityReference(SystemUserTable.EntityName, rep),
                [LeadTable.Stage] = new OptionSetValue(LifecycleFixture.Sal),
            })));

            // When marketing creates a qualified lead
            var lead = fixture.HandedOffLead("Novak");

            // Then it is an MQL owned by the third rep: the first batch (two reps at the cap) was counted, then the second.
            Assert.Equal(LifecycleFixture.Mql, fixture.StageOf(lead));
            Assert.Equal(fixture.Reps[2], fixture.OwnerOf(lead));
            var routing = org.Log.Of(typeof(LeadAlign.Plugins.Lifecycle.LeadLifecyclePlugin)).Last(run => run.Depth == 1);
            // The agreement with its holidays (its cache is cold in a new organization), the rotation, then the open leads of two batches of reps.
            Assert.Equal(4, routing.Calls("RetrieveMultiple"));
            Assert.Contains("15000 open leads", routing.Trace);
        }
    }
}
