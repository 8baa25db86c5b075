using System;
using System.Collections.Generic;
using LeadAlign.Plugins.Scoring;
using LeadAlign.Runtime;
using LeadAlign.Schema;
using LeadAlign.Tests.Lifecycle;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace LeadAlign.Tests.Configuration
{
    /// <summary>
    /// The configuration caches keep only committed configuration: a change is pending from its synchronous step until its
    /// asynchronous step (run after commit) says it committed, and a load that began before a change is never kept.
    /// </summary>
    public sealed class ConfigurationCacheCommitTests
    {
        private static readonly Guid DefaultModel = new("1ead5c0e-a000-4000-8000-000000000001");
        private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

        private static Entity GhostRule() => new(ScoringRuleTable.EntityName)
        {
            [ScoringRuleTable.Name] = "Job title says Ghost",
            [ScoringRuleTable.ScoringModelId] = new EntityReference(ScoringModelTable.EntityName, DefaultModel),
            [ScoringRuleTable.Category] = new OptionSetValue((int)ScoreCategory.Fit),
            [ScoringRuleTable.Points] = 50,
            [ScoringRuleTable.IsActive] = true,
            [ScoringRuleTable.Column] = "jobtitle",
            [ScoringRuleTable.Operator] = new OptionSetValue((int)FitOperator.Contains),
            [ScoringRuleTable.Value] = "Ghost",
        };

        [Fact]
        public void A_rule_created_in_a_transaction_that_rolled_back_never_scores_a_later_lead()
        {
            var org = LeadAlignOrganization.Start();
            var rep = org.AddUser("Rita Rep");
            org.As(rep).Create(new Entity("lead") { ["lastname"] = "Warm-up" });

            // The rule is created, a lead in the same transaction is scored with it, then the transaction fails and rolls back.
            var transaction = new ExecuteTransactionRequest
            {
                Requests = new OrganizationRequestCollection
                {
                    new CreateRequest { Target = GhostRule() },
                    new CreateRequest { Target = new Entity("lead") { ["lastname"] = "Inside", ["jobtitle"] = "Ghost writer" } },
                    new CreateRequest { Target = new Entity("lead") { ["lastname"] = new string('x', 500) } },
                },
            };
            TestOrganization.Fault(() => org.SystemService.Execute(transaction));
            Assert.DoesNotContain(org.All(ScoringRuleTable.EntityName), rule => rule.GetAttributeValue<string>(ScoringRuleTable.Name) == "Job title says Ghost");
            Assert.Contains("fit 50,", org.Log.Of(typeof(ScoreLeadPlugin))[1].Trace, StringComparison.Ordinal);

            var next = org.As(rep).Create(new Entity("lead") { ["lastname"] = "Next", ["jobtitle"] = "Ghost writer" });
            org.Advance(OrganizationCache<object>.PendingLimit + TimeSpan.FromSeconds(1));
            var later = org.As(rep).Create(new Entity("lead") { ["lastname"] = "Later", ["jobtitle"] = "Ghost writer" });
            var warm = org.As(rep).Create(new Entity("lead") { ["lastname"] = "Warm", ["jobtitle"] = "Ghost writer" });

            Assert.All(new[] { next, later, warm }, id => Assert.Equal(0, org.Get("lead", id)!.GetAttributeValue<int>(LeadTable.Score)));
            var runs = org.Log.Of(typeof(ScoreLeadPlugin));
            Assert.Equal(0, runs[^1].TotalCalls);
        }

        [Fact]
        public void A_committed_rule_is_read_at_once_and_kept_once_its_asynchronous_step_ran()
        {
            var org = LeadAlignOrganization.Start();
            var rep = org.AddUser("Rita Rep");
            org.As(rep).Create(new Entity("lead") { ["lastname"] = "Warm-up" });

            org.SystemService.Create(GhostRule());
            var before = org.As(rep).Create(new Entity("lead") { ["lastname"] = "Before", ["jobtitle"] = "Ghost writer" });
            var stillPending = org.Log.Of(typeof(ScoreLeadPlugin))[^1];
            org.DrainAsync();
            var loaded = org.As(rep).Create(new Entity("lead") { ["lastname"] = "Loaded", ["jobtitle"] = "Ghost writer" });
            var kept = org.As(rep).Create(new Entity("lead") { ["lastname"] = "Kept", ["jobtitle"] = "Ghost writer" });

            Assert.All(new[] { before, loaded, kept }, id => Assert.Equal(50, org.Get("lead", id)!.GetAttributeValue<int>(LeadTable.Score)));
            Assert.Contains("not kept: a change of the configuration is not committed yet", stillPending.Trace, StringComparison.Ordinal);
            var runs = org.Log.Of(typeof(ScoreLeadPlugin));
            // The load: the model with its rules (lead's columns were read by an earlier load and are kept 10 minutes).
            Assert.Equal(1, runs[^2].TotalCalls);
            Assert.Equal(0, runs[^1].TotalCalls);
        }

        [Fact]
        public void A_load_that_began_before_a_change_is_not_kept()
        {
            var cache = new OrganizationCache<string>(TimeSpan.FromSeconds(60));
            var organization = Guid.NewGuid();
            var loads = new List<string>();

            var first = cache.Get(organization, Now, () =>
            {
                loads.Add("old");

                // While this load runs, another thread saves a change, and it commits.
                cache.Changing(organization, "change", Now);
                cache.Committed(organization, "change", Now);
                return "old";
            });
            var second = cache.Get(organization, Now, () =>
            {
                loads.Add("new");
                return "new";
            });
            var third = cache.Get(organization, Now, () =>
            {
                loads.Add("again");
                return "again";
            });

            Assert.Equal(new[] { "old", "new", "new" }, new[] { first, second, third });
            Assert.Equal(new[] { "old", "new" }, loads);
        }

        [Fact]
        public void Two_changes_in_flight_keep_the_cache_pending_until_both_committed()
        {
            var cache = new OrganizationCache<string>(TimeSpan.FromSeconds(60));
            var organization = Guid.NewGuid();

            cache.Changing(organization, "first", Now);
            cache.Changing(organization, "second", Now);
            cache.Committed(organization, "first", Now);
            var whileSecondIsOpen = cache.IsPending(organization, Now);
            cache.Committed(organization, "second", Now);

            Assert.True(whileSecondIsOpen);
            Assert.False(cache.IsPending(organization, Now));
        }

        [Fact]
        public void A_change_that_never_commits_stops_holding_the_cache_after_the_platforms_two_minute_limit()
        {
            var cache = new OrganizationCache<string>(TimeSpan.FromSeconds(60));
            var organization = Guid.NewGuid();
            var loads = 0;
            string Load()
            {
                loads++;
                return "model";
            }

            cache.Changing(organization, "rolled back", Now);
            cache.Get(organization, Now.AddSeconds(119), Load);
            cache.Get(organization, Now.AddSeconds(119), Load);
            cache.Get(organization, Now.AddSeconds(121), Load);
            cache.Get(organization, Now.AddSeconds(121), Load);

            Assert.Equal(3, loads);
            Assert.False(cache.IsPending(organization, Now.AddSeconds(121)));
        }

        [Fact]
        public void An_agreement_changed_in_a_transaction_that_rolled_back_never_times_a_later_handoff()
        {
            var fixture = new LifecycleFixture();
            var org = fixture.Org;
            fixture.HandedOffLead("Warm-up");

            // The accept time is raised and a lead is handed off with it, then the transaction fails and rolls back.
            var transaction = new ExecuteTransactionRequest
            {
                Requests = new OrganizationRequestCollection
                {
                    new UpdateRequest { Target = new Entity(AgreementTable.EntityName, LifecycleFixture.AgreementId) { [AgreementTable.AcceptHours] = 99 } },
                    new CreateRequest { Target = LifecycleFixture.QualifiedLead("Inside") },
                    new CreateRequest { Target = new Entity("lead") { ["lastname"] = new string('x', 500) } },
                },
            };
            TestOrganization.Fault(() => org.SystemService.Execute(transaction));

            var next = fixture.HandedOffLead("Next");

            Assert.Equal(4, org.Get(AgreementTable.EntityName, LifecycleFixture.AgreementId)!.GetAttributeValue<int>(AgreementTable.AcceptHours));
            var accept = org.Get("slakpiinstance", fixture.Lead(next).GetAttributeValue<EntityReference>(LeadTable.AcceptByKpiId).Id)!;
            Assert.Equal(org.UtcNow.AddHours(4), accept["failuretime"]);
        }
    }
}
