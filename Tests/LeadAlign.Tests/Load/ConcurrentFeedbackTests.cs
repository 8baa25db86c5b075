using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse.Registration;
using LeadAlign.Schema;
using LeadAlign.Tests.Dataverse.Concurrency;
using LeadAlign.Tests.Lifecycle;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Load
{
    /// <summary>Two feedback sends for one rejection at once: the second waits for the first and then sends nothing.</summary>
    public sealed class ConcurrentFeedbackTests
    {
        [Fact]
        public void A_second_send_for_the_same_rejection_waits_for_the_first_and_sends_nothing()
        {
            var given = new LifecycleFixture(organization: options => options with
            {
                Steps = options.Steps.Concat(StepRegistration.FromTypes(new[] { typeof(PauseOnFeedbackEmailPlugin) })).ToList(),
                PluginAssemblies = options.PluginAssemblies.Append(typeof(PauseOnFeedbackEmailPlugin).Assembly).ToList(),
            });
            var org = given.Org;
            var campaignOwner = org.AddUser("Carla Campaigns");
            var campaign = org.SystemService.Create(new Entity("campaign") { ["name"] = "Spring webinar", ["ownerid"] = new EntityReference(SystemUserTable.EntityName, campaignOwner) });
            var created = LifecycleFixture.QualifiedLead();
            created["campaignid"] = new EntityReference("campaign", campaign);
            var lead = org.As(given.Marketer).Create(created);
            var owner = given.OwnerOf(lead);
            var pause = Pause.New();
            given.SetStage(owner, lead, LifecycleFixture.Sal);
            given.SetStage(owner, lead, LifecycleFixture.Rejected, new Dictionary<string, object?>
            {
                [LeadTable.RejectionReason] = new OptionSetValue((int)RejectionReason.NoBudget),
                [LeadTable.RejectionNotes] = pause.Marker,
            });
            OrganizationRequest Send() => new("la_SendRejectionFeedback") { ["Target"] = new EntityReference(LeadTable.EntityName, lead) };

            var first = Worker.Start(() => org.As(owner).Execute(Send()));
            pause.WaitUntilReached();
            var second = Worker.Start(() => org.As(owner).Execute(Send()));
            Worker.WaitUntilBlocked(org);
            pause.Release();
            first.Succeeded();
            second.Succeeded();

            Assert.Single(org.All(LeadFeedbackTable.EntityName));
            Assert.Single(org.All("email"));
        }
    }
}
