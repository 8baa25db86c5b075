using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Schema;
using LeadAlign.Tests.Lifecycle;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Dataverse.Concurrency
{
    /// <summary>
    /// LeadAlign's own plug-ins, with the solution imported, saving from many threads at once: every save commits, every lead is
    /// handed off with its history, and the log holds exactly the executions one thread would have made.
    /// </summary>
    public sealed class ConcurrentLeadAlignTests
    {
        private const int Threads = 8;
        private const int LeadsEach = 15;

        /// <summary>No cap on a rep's open leads: every qualified lead is handed off.</summary>
        private static readonly IReadOnlyDictionary<string, object?> NoCap = new Dictionary<string, object?> { [AgreementTable.MaxOpenLeadsPerRep] = 100_000 };

        [Fact]
        public void Eight_marketers_creating_qualified_leads_at_once_hand_off_every_lead_as_one_marketer_would()
        {
            var sequential = new LifecycleFixture(reps: 4, agreement: NoCap);
            var concurrent = new LifecycleFixture(reps: 4, agreement: NoCap);
            var marketers = Enumerable.Range(1, Threads).Select(index => concurrent.Org.AddUser("Marketer " + index)).ToList();
            for (var index = 0; index < Threads; index++)
            {
                sequential.Org.AddUser("Marketer " + (index + 1));
            }

            var baseline = ExecutionCounts(sequential.Org);
            var before = ExecutionCounts(concurrent.Org);
            for (var lead = 0; lead < Threads * LeadsEach; lead++)
            {
                sequential.Org.As(sequential.Marketer).Create(LifecycleFixture.QualifiedLead("Lead " + lead));
            }

            var workers = marketers.Select(marketer => concurrent.Org.As(marketer)).Select(service => Worker.Start(() =>
            {
                for (var lead = 0; lead < LeadsEach; lead++)
                {
                    service.Create(LifecycleFixture.QualifiedLead("Lead " + lead));
                }
            })).ToList();
            workers.ForEach(worker => worker.Succeeded());

            var leads = concurrent.Org.All("lead");
            Assert.Equal(Threads * LeadsEach, leads.Count);
            Assert.All(leads, lead =>
            {
                Assert.Equal(LifecycleFixture.Mql, lead.GetAttributeValue<OptionSetValue>(LeadTable.Stage).Value);
                Assert.Contains(lead.GetAttributeValue<EntityReference>("ownerid").Id, concurrent.Reps);
                Assert.NotEmpty(concurrent.History(lead.Id));
            });
            Assert.Equal(sequential.Org.All(LeadStageChangeTable.EntityName).Count, concurrent.Org.All(LeadStageChangeTable.EntityName).Count);
            Assert.Equal(Delta(baseline, ExecutionCounts(sequential.Org)), Delta(before, ExecutionCounts(concurrent.Org)));
            Assert.All(concurrent.Org.Log.Records, run => Assert.True(run.Succeeded, run.ToString()));
            Assert.Equal(sequential.Org.PendingAsyncJobs, concurrent.Org.PendingAsyncJobs);
            Assert.Equal(sequential.Org.DrainAsync(), concurrent.Org.DrainAsync());
            Assert.Empty(concurrent.Org.FailedAsyncJobs);
        }

        /// <summary>How many times each plug-in or activity ran, by class.</summary>
        private static Dictionary<string, int> ExecutionCounts(InMemoryDataverse org) =>
            org.Log.Records.GroupBy(run => run.Handler).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);

        private static SortedDictionary<string, int> Delta(Dictionary<string, int> before, Dictionary<string, int> after) =>
            new(after.ToDictionary(pair => pair.Key, pair => pair.Value - before.GetValueOrDefault(pair.Key)).Where(pair => pair.Value != 0).ToDictionary(pair => pair.Key, pair => pair.Value), StringComparer.Ordinal);
    }
}
