using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Dataverse.Pipeline;
using LeadAlign.Plugins.Sla;
using LeadAlign.Schema;
using LeadAlign.Sla;
using LeadAlign.Tests.Lifecycle;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;
using Xunit;

namespace LeadAlign.Tests.Sla
{
    /// <summary>
    /// Organizations whose admin has not enabled Lead for SLAs: an SLA KPI instance cannot regard a lead there, so LeadAlign hands
    /// leads off without clocks, says why, and shows the admin a warning on the agreement; the enabled organization keeps its clocks.
    /// </summary>
    public sealed class SlaLessOrganizationTests
    {
        private const string WarningStart = "Lead is not enabled for SLAs: clocks are not started.";

        private static LifecycleFixture SlaLess() =>
            new(organization: options => options with { SlaEnabledTables = new Dictionary<string, bool> { ["lead"] = false } });

        private static Entity Agreement(LifecycleFixture fixture) => fixture.Org.Get(AgreementTable.EntityName, LifecycleFixture.AgreementId)!;

        /// <summary>
        /// The RetrieveEntity calls of lead saves but the scoring model's loads, which read lead's columns with one of their own
        /// (the import's validation of the scoring model and agreement reads them too, before any lead is saved).
        /// </summary>
        private static int RetrieveEntityCalls(InMemoryDataverse org) => LeadSaveRuns(org).Sum(run => run.Calls("RetrieveEntity"));

        private static IEnumerable<ExecutionRecord> LeadSaveRuns(InMemoryDataverse org) =>
            org.Log.Records.Where(run => run.PrimaryEntity == LeadTable.EntityName && !run.Trace.Contains("Scoring model cache: loaded", StringComparison.Ordinal));

        [Fact]
        public void A_qualifying_lead_created_where_lead_is_not_enabled_for_SLAs_is_saved_and_handed_off_without_clocks()
        {
            var fixture = SlaLess();

            var lead = fixture.HandedOffLead();

            var saved = fixture.Lead(lead);
            Assert.Equal(LifecycleFixture.Mql, fixture.StageOf(lead));
            Assert.Equal(fixture.Reps[0], fixture.OwnerOf(lead));
            Assert.True(saved.Contains(LeadTable.HandoffOn));
            Assert.False(saved.Contains(LeadTable.AcceptByKpiId));
            Assert.False(saved.Contains(LeadTable.FirstContactByKpiId));
            Assert.Empty(fixture.Org.All("slakpiinstance"));
            Assert.Contains(fixture.Org.All("appnotification"), note => note.GetAttributeValue<EntityReference>("ownerid").Id == fixture.Reps[0]);
            var start = Assert.Single(fixture.Org.Log.Of(typeof(StartLeadSlaClocksPlugin)));
            Assert.True(start.Succeeded, start.ToString());
            Assert.Contains("No clocks started: lead is not enabled for SLAs in this organization", start.Trace, StringComparison.Ordinal);
            Assert.StartsWith(WarningStart, Agreement(fixture).GetAttributeValue<string>(AgreementTable.SlaWarning), StringComparison.Ordinal);
            Assert.Contains("Enable it in the table settings of Lead", Agreement(fixture).GetAttributeValue<string>(AgreementTable.SlaWarning), StringComparison.Ordinal);
        }

        [Fact]
        public void A_lead_that_qualifies_when_a_rep_updates_it_is_handed_off_without_clocks_and_the_save_succeeds()
        {
            var fixture = SlaLess();
            var lead = fixture.Org.As(fixture.Marketer).Create(new Entity("lead") { ["lastname"] = "Novak", ["companyname"] = "Contoso" });
            Assert.Equal(LifecycleFixture.Inquiry, fixture.StageOf(lead));
            var qualified = LifecycleFixture.QualifiedLead();
            qualified.Id = lead;

            fixture.Org.As(fixture.Marketer).Update(qualified);

            Assert.Equal(LifecycleFixture.Mql, fixture.StageOf(lead));
            Assert.Equal(fixture.Reps[0], fixture.OwnerOf(lead));
            Assert.False(fixture.Lead(lead).Contains(LeadTable.AcceptByKpiId));
            Assert.Empty(fixture.Org.All("slakpiinstance"));
            Assert.Contains("No clocks started", fixture.Org.Log.Of(typeof(StartLeadSlaClocksPlugin)).Last().Trace, StringComparison.Ordinal);
            Assert.StartsWith(WarningStart, Agreement(fixture).GetAttributeValue<string>(AgreementTable.SlaWarning), StringComparison.Ordinal);
        }

        [Fact]
        public void The_warning_is_written_once_not_at_every_handoff()
        {
            var fixture = SlaLess();
            fixture.HandedOffLead("First");
            var warned = Agreement(fixture);
            fixture.Org.Advance(TimeSpan.FromSeconds(10));
            fixture.Org.Log.Clear();

            fixture.HandedOffLead("Second");
            fixture.HandedOffLead("Third");

            // The agreement row itself changes at every handoff (the routing lock and the handoff count): the warning does not.
            var after = Agreement(fixture);
            Assert.Equal(warned.GetAttributeValue<int>(AgreementTable.HandoffCount) + 2, after.GetAttributeValue<int>(AgreementTable.HandoffCount));
            Assert.Equal(warned[AgreementTable.SlaWarning], after[AgreementTable.SlaWarning]);
            Assert.Equal(2, fixture.Org.Log.Of(typeof(StartLeadSlaClocksPlugin)).Count);
            Assert.All(fixture.Org.Log.Of(typeof(StartLeadSlaClocksPlugin)), run => Assert.Equal(0, run.Calls("Update")));
        }

        [Fact]
        public void Creating_a_kpi_instance_regarding_a_table_not_enabled_for_SLAs_is_refused_with_the_platforms_error()
        {
            var fixture = SlaLess();
            var lead = fixture.Org.As(fixture.Marketer).Create(new Entity("lead") { ["lastname"] = "Novak" });

            var refused = TestOrganization.Fault(() => fixture.Org.SystemService.Create(new Entity("slakpiinstance")
            {
                ["name"] = "Accept by",
                ["regarding"] = new EntityReference("lead", lead),
                ["failuretime"] = fixture.Org.UtcNow.AddHours(4),
            }));

            Assert.Equal(DataverseFault.SlaNotEnabledEntity, refused.ErrorCode);
            Assert.Equal(unchecked((int)0x80055003), refused.ErrorCode);
            Assert.StartsWith("SLA is not enabled for this entity.", refused.Message, StringComparison.Ordinal);
            Assert.Contains("'lead'", refused.Message, StringComparison.Ordinal);
            Assert.Empty(fixture.Org.All("slakpiinstance"));
        }

        // Shape: <IsSLAEnabled> among a table's settings in Entity.xml, as a real 2026 export writes it (meandtech2001/
        // Apollo-HealthCare-Management-D365-CRM- commit 4af90e92…, Entities/Account/Entity.xml); Microsoft Learn, "Apply SLAs to
        // tables": IsSLAEnabled must be true for a table an SLA KPI instance regards, and cannot be turned off again.
        [Fact]
        public void The_solution_enables_lead_for_SLAs_and_no_other_table_the_clocks_could_regard()
        {
            var org = LeadAlignOrganization.Start();
            var contact = org.SystemService.Create(new Entity("contact") { ["lastname"] = "Doe" });

            var refused = TestOrganization.Fault(() => org.SystemService.Create(new Entity("slakpiinstance") { ["name"] = "Reply by", ["regarding"] = new EntityReference("contact", contact) }));

            Assert.Equal(DataverseFault.SlaNotEnabledEntity, refused.ErrorCode);
            Assert.True(IsSlaEnabled(org, "lead"));
            Assert.False(IsSlaEnabled(org, "contact"));
            Assert.False(IsSlaEnabled(SlaLess().Org, "lead"));
            Assert.False(IsSlaEnabled(new InMemoryDataverse(), "lead"));
        }

        [Fact]
        public void An_organization_with_lead_enabled_for_SLAs_still_gets_its_clocks_and_no_warning()
        {
            var fixture = new LifecycleFixture();

            var lead = fixture.HandedOffLead();

            Assert.Equal(2, fixture.Org.All("slakpiinstance").Count(kpi => kpi.GetAttributeValue<EntityReference>("regarding").Id == lead));
            Assert.True(fixture.Lead(lead).Contains(LeadTable.AcceptByKpiId));
            Assert.False(Agreement(fixture).Contains(AgreementTable.SlaWarning));
            Assert.DoesNotContain("No clocks started", fixture.Org.Log.Of(typeof(StartLeadSlaClocksPlugin)).Single().Trace, StringComparison.Ordinal);
        }

        [Fact]
        public void When_clocks_can_start_again_the_next_handoff_clears_the_warning_left_on_the_agreement()
        {
            var fixture = new LifecycleFixture();
            fixture.Org.SystemService.Update(new Entity(AgreementTable.EntityName, LifecycleFixture.AgreementId) { [AgreementTable.SlaWarning] = "Lead is not enabled for SLAs: clocks are not started. (noticed earlier)" });

            var lead = fixture.HandedOffLead();

            Assert.True(fixture.Lead(lead).Contains(LeadTable.AcceptByKpiId));
            Assert.False(Agreement(fixture).Contains(AgreementTable.SlaWarning));
            Assert.Contains("SLA warning on the agreement", fixture.Org.Log.Of(typeof(StartLeadSlaClocksPlugin)).Single().Trace, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void The_SLA_check_costs_one_RetrieveEntity_per_organization_per_cache_lifetime_while_lead_is_not_enabled_and_none_once_it_is(bool leadEnabled)
        {
            var fixture = leadEnabled ? new LifecycleFixture() : SlaLess();

            for (var index = 0; index < 3; index++)
            {
                fixture.HandedOffLead("Lead " + index);
                fixture.Org.Advance(TimeSpan.FromMinutes(1));
            }

            Assert.Equal(1, RetrieveEntityCalls(fixture.Org));
            Assert.All(LeadSaveRuns(fixture.Org).Where(run => run.Calls("RetrieveEntity") > 0), run => Assert.Equal(typeof(StartLeadSlaClocksPlugin).FullName, run.Handler));

            fixture.Org.Advance(LeadSlaSupport.MaxAge);
            fixture.HandedOffLead("After the cache aged out");
            fixture.HandedOffLead("And one more");

            // "Enable for SLA" cannot be turned off, so a yes is never asked again; a no is, in case an admin has enabled it since.
            Assert.Equal(leadEnabled ? 1 : 2, RetrieveEntityCalls(fixture.Org));
            Assert.Equal(leadEnabled ? 10 : 0, fixture.Org.All("slakpiinstance").Count);
        }

        [Fact]
        public void Saves_that_hand_nothing_off_never_ask_whether_lead_is_enabled_for_SLAs()
        {
            var fixture = SlaLess();

            var lead = fixture.Org.As(fixture.Marketer).Create(new Entity("lead") { ["lastname"] = "Cold" });
            fixture.Org.As(fixture.Marketer).Update(new Entity("lead", lead) { ["jobtitle"] = "Student" });

            Assert.Equal(0, RetrieveEntityCalls(fixture.Org));
            Assert.False(Agreement(fixture).Contains(AgreementTable.SlaWarning));
        }

        private static bool IsSlaEnabled(InMemoryDataverse org, string table) =>
            ((RetrieveEntityResponse)org.SystemService.Execute(new RetrieveEntityRequest { LogicalName = table, EntityFilters = EntityFilters.Entity })).EntityMetadata.IsSLAEnabled == true;
    }
}
