using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using LeadAlign.Cli.Packaging;
using LeadAlign.Dataverse;
using LeadAlign.Plugins.Lifecycle;
using LeadAlign.Plugins.Sla;
using LeadAlign.Schema;
using LeadAlign.Tests.Lifecycle;
using LeadAlign.Tests.Support;
using LeadAlign.WorkflowActivities.Feedback;
using LeadAlign.WorkflowActivities.Sla;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Notifications
{
    /// <summary>
    /// In-app notifications: the Lead Alignment app ships with them switched on, and every notification LeadAlign sends is created
    /// by SYSTEM, which may create one for another user, never by a user whose role lacks the privilege.
    /// </summary>
    public sealed class InAppNotificationTests : IDisposable
    {
        private readonly string _output = Directory.CreateTempSubdirectory("leadalign-notifications-").FullName;
        private readonly LifecycleFixture _fixture = new();

        public InAppNotificationTests()
        {
            Org.SystemService.Update(new Entity("systemuser", Rep) { ["parentsystemuserid"] = new EntityReference("systemuser", _fixture.Admin) });
        }

        public void Dispose() => Directory.Delete(_output, recursive: true);

        private InMemoryDataverse Org => _fixture.Org;

        private Guid Rep => _fixture.Reps[0];

        private Entity Notification(string title) => Org.All("appnotification").Single(note => note.GetAttributeValue<string>("title") == title);

        private Guid CreatedBy(Entity row) => row.GetAttributeValue<EntityReference>("createdby").Id;

        // Shape: an app setting inside the app module, <appsettings><appsetting settingdefinitionid.uniquename="…"> with
        // <value>, as a real 2026 export writes one (meandtech2001/Apollo-HealthCare-Management-D365-CRM- commit 4af90e92…,
        // AppModules/apollo_ApolloManagement/AppModule.xml); the setting's name from Microsoft Learn, "Send in-app notifications
        // within model-driven apps" (AreInAppNotificationsEnabled).
        [Fact]
        public void The_lead_alignment_app_is_packed_with_in_app_notifications_switched_on()
        {
            var packer = new SolutionPacker(RepositoryLayout.PathInRepo("Solution"), RepositoryLayout.PathInRepo("build", "schemas"));
            var assemblies = new[] { RepositoryLayout.Net462Output("LeadAlign.Plugins"), RepositoryLayout.Net462Output("LeadAlign.WorkflowActivities") };

            using var archive = ZipFile.OpenRead(packer.Pack(managed: true, assemblies, _output));
            var customizations = XDocument.Load(archive.GetEntry("customizations.xml")!.Open());

            var app = customizations.Root!.Element("AppModules")!.Elements("AppModule").Single(module => module.Element("UniqueName")!.Value == "la_LeadAlignment");
            var setting = Assert.Single(app.Element("appsettings")!.Elements("appsetting"));
            Assert.Equal("AreInAppNotificationsEnabled", (string?)setting.Attribute("settingdefinitionid.uniquename"));
            Assert.Equal("true", setting.Element("value")!.Value);
            Assert.Equal("1", setting.Element("iscustomizable")!.Value);
            Assert.Empty(packer.ValidationErrors(customizations));
        }

        [Fact]
        public void The_new_mql_notification_to_the_rep_is_created_as_SYSTEM()
        {
            var lead = _fixture.HandedOffLead("Novak");

            var note = Notification("New MQL for you: Novak");
            Assert.Equal(Rep, note.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(Org.SystemUserId, CreatedBy(note));
            Assert.NotEqual(_fixture.Marketer, CreatedBy(note));
            Assert.Equal(_fixture.Marketer, CreatedBy(_fixture.Lead(lead)));
            Assert.Contains("created as SYSTEM", Org.Log.Of(typeof(LeadLifecyclePostPlugin)).Single(run => run.Message == "Create").Trace, StringComparison.Ordinal);
        }

        [Fact]
        public void Sla_warnings_and_breaches_from_the_shipped_workflow_are_created_as_SYSTEM()
        {
            _fixture.HandedOffLead();
            Org.DrainAsync();

            Org.Advance(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(5));
            Org.DrainAsync();
            Org.Advance(TimeSpan.FromHours(1));
            Org.DrainAsync();

            Assert.Equal(Org.SystemUserId, CreatedBy(Notification("Nearly due: Accept by")));
            Assert.Equal(Org.SystemUserId, CreatedBy(Notification("Missed: Accept by")));
            var managers = Notification("Missed by Rep 1: Accept by");
            Assert.Equal(_fixture.Admin, managers.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(Org.SystemUserId, CreatedBy(managers));
            Assert.Contains(Org.Log.Of(typeof(EvaluateLeadSla)), run => run.Trace.Contains("notified in-app, as SYSTEM", StringComparison.Ordinal));
            Assert.Empty(Org.FailedAsyncJobs);
        }

        [Fact]
        public void Sla_breaches_from_the_sweep_are_created_as_SYSTEM_whoever_calls_it()
        {
            _fixture.HandedOffLead();
            Org.Advance(TimeSpan.FromHours(5));

            Org.As(_fixture.Admin).Execute(new OrganizationRequest("la_EvaluateLeadSlas"));

            var missed = Notification("Missed: Accept by");
            Assert.Equal(Rep, missed.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(Org.SystemUserId, CreatedBy(missed));
            Assert.Equal(Org.SystemUserId, CreatedBy(Notification("Missed by Rep 1: Accept by")));
            Assert.Contains("notified in-app, as SYSTEM", Org.Log.Of(typeof(EvaluateLeadSlasPlugin)).Single().Trace, StringComparison.Ordinal);
        }

        [Fact]
        public void Marketings_answer_is_saved_as_the_marketer_and_its_notification_to_the_rep_is_created_as_SYSTEM()
        {
            var owner = Org.AddUser("Carla Campaigns");
            var campaign = Org.As(owner).Create(new Entity("campaign") { ["name"] = "Spring webinar" });
            var rejected = LifecycleFixture.QualifiedLead();
            rejected["campaignid"] = new EntityReference("campaign", campaign);
            var lead = Org.As(_fixture.Marketer).Create(rejected);
            _fixture.SetStage(Rep, lead, LifecycleFixture.Rejected, new Dictionary<string, object?> { [LeadTable.RejectionReason] = new OptionSetValue((int)RejectionReason.NoBudget) });
            var feedback = (EntityReference)Org.RunWorkflowActivity(new SendRejectionFeedback(), new Dictionary<string, object?> { ["Lead"] = new EntityReference("lead", lead) }, Rep, new EntityReference("lead", lead))["Feedback"];

            Org.RunWorkflowActivity(
                new RespondToFeedback(),
                new Dictionary<string, object?> { ["Feedback"] = feedback, ["Response"] = "Fixed the webinar form.", ["Outcome"] = new OptionSetValue((int)FeedbackOutcome.FixedAtSource) },
                _fixture.Marketer,
                feedback);

            var answered = Org.Get(LeadFeedbackTable.EntityName, feedback.Id)!;
            Assert.Equal(_fixture.Marketer, answered.GetAttributeValue<EntityReference>("modifiedby").Id);
            var note = Notification("Marketing answered: fixed at source");
            Assert.Equal(Rep, note.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(Org.SystemUserId, CreatedBy(note));
            Assert.NotEqual(_fixture.Marketer, CreatedBy(note));
            Assert.Contains("created as SYSTEM", Org.Log.Of(typeof(RespondToFeedback)).Single().Trace, StringComparison.Ordinal);
        }

        [Fact]
        public void Every_notification_of_handoffs_warnings_and_breaches_is_created_as_SYSTEM()
        {
            for (var index = 0; index < 3; index++)
            {
                _fixture.HandedOffLead("Lead " + index);
            }

            Org.DrainAsync();
            Org.Advance(TimeSpan.FromDays(3));
            Org.DrainAsync();

            Assert.True(Org.All("appnotification").Count >= 6);
            Assert.All(Org.All("appnotification"), note => Assert.Equal(Org.SystemUserId, CreatedBy(note)));
        }
    }
}
