using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LeadAlign.Plugins.Handoffs;
using LeadAlign.Schema;
using LeadAlign.Sla;
using LeadAlign.Tests.Lifecycle;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Plugins
{
    /// <summary>
    /// Steps hand values to each other as typed hand-offs of SDK types the platform serializes, never as text split by
    /// position; the in-memory Dataverse refuses a shared variable the platform could not serialize, so the scenarios prove them.
    /// </summary>
    public sealed class TypedHandoffTests
    {
        [Fact]
        public void Each_handoff_reads_back_what_it_wrote()
        {
            var shared = new ParameterCollection();
            var acceptBy = new SlaDeadline(new DateTime(2026, 11, 30, 13, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc));
            var contactBy = new SlaDeadline(new DateTime(2026, 12, 1, 17, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 1, 11, 0, 0, DateTimeKind.Utc));
            var rep = Guid.NewGuid();
            var rules = new[] { Guid.NewGuid(), Guid.NewGuid() };

            new StageChange(LeadStage.Inquiry, LeadStage.Mql, 42, 65).WriteTo(shared);
            new Handoff(rep, 7, acceptBy, contactBy).WriteTo(shared);
            new Reassignment(new EntityReference("systemuser", rep), new EntityReference("team", Guid.Empty)).WriteTo(shared);
            new EngagementToApply(rep, rules, contactBy.Warning).WriteTo(shared);

            var change = StageChange.ReadFrom(shared)!;
            var handoff = Handoff.ReadFrom(shared)!;
            Assert.Equal((LeadStage.Inquiry, LeadStage.Mql, 42, 65), (change.From, change.To, change.MinutesInPreviousStage, change.Score));
            Assert.Equal((rep, 7, acceptBy.Failure, acceptBy.Warning, contactBy.Failure, contactBy.Warning), (handoff.RepId, handoff.Position, handoff.AcceptBy.Failure, handoff.AcceptBy.Warning, handoff.FirstContactBy.Failure, handoff.FirstContactBy.Warning));
            Assert.Equal("team", Reassignment.ReadFrom(shared)!.To.LogicalName);
            Assert.Equal(rules, EngagementToApply.ReadFrom(shared)!.RuleIds);
            Assert.Equal(contactBy.Warning, EngagementToApply.ReadFrom(shared)!.HappenedOn);
            Assert.All(shared.Values, value => Assert.True(value is int or Guid or DateTime or EntityReference or EntityReferenceCollection, value?.GetType().Name));
        }

        [Fact]
        public void A_save_that_changes_nothing_hands_nothing_on()
        {
            var shared = new ParameterCollection();

            Assert.Null(StageChange.ReadFrom(shared));
            Assert.Null(Handoff.ReadFrom(shared));
            Assert.Null(Reassignment.ReadFrom(shared));
            Assert.Null(EngagementToApply.ReadFrom(shared));
        }

        [Fact]
        public void A_handoff_passes_through_the_pipeline_as_serializable_values_and_starts_both_clocks_at_its_deadlines()
        {
            var fixture = new LifecycleFixture();

            var lead = fixture.HandedOffLead();

            var accept = fixture.Org.Get(SlaKpiInstanceTable.EntityName, fixture.Lead(lead).GetAttributeValue<EntityReference>(LeadTable.AcceptByKpiId).Id)!;
            var notification = Assert.Single(fixture.Org.All("appnotification"));
            Assert.Contains(accept.GetAttributeValue<DateTime>(SlaKpiInstanceTable.FailureTime).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), notification.GetAttributeValue<string>("body"));
            Assert.DoesNotContain(fixture.Org.Log.Records, run => !run.Succeeded);
        }

        [Fact]
        public void No_plugin_or_shared_source_splits_text_by_position()
        {
            var sources = new[] { "Plugins", "Shared", "WorkflowActivities" }
                .SelectMany(folder => Directory.EnumerateFiles(RepositoryLayout.PathInRepo(folder), "*.cs", SearchOption.AllDirectories))
                .Where(path => !path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal));

            var splits = sources.SelectMany(path => File.ReadAllLines(path).Select((line, index) => (Path.GetRelativePath(RepositoryLayout.RepoRoot, path), index + 1, line)))
                .Where(entry => Regex.IsMatch(entry.line, @"\.Split\(\s*'\|'"))
                .Select(entry => $"{entry.Item1}:{entry.Item2}")
                .ToList();

            Assert.Empty(splits);
        }
    }
}
