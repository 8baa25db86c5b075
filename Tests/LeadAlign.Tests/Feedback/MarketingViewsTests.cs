using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using LeadAlign.Schema;
using LeadAlign.Tests.Lifecycle;
using LeadAlign.Tests.Support;
using LeadAlign.WorkflowActivities.Feedback;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace LeadAlign.Tests.Feedback
{
    /// <summary>The views and the chart marketing uses, run as Dataverse runs their FetchXML.</summary>
    public sealed class MarketingViewsTests
    {
        private readonly LifecycleFixture _fixture = new();
        private readonly Guid _webinar;
        private readonly Guid _tradeShow;

        public MarketingViewsTests()
        {
            var marketer = _fixture.Org.AddUser("Carla Campaigns");
            _webinar = _fixture.Org.As(marketer).Create(new Entity("campaign") { ["name"] = "Webinar" });
            _tradeShow = _fixture.Org.As(marketer).Create(new Entity("campaign") { ["name"] = "Trade show" });
            Reject("Old", _webinar, (int)RejectionReason.NoBudget);
            _fixture.Org.Advance(TimeSpan.FromDays(40));
            Reject("Budget", _webinar, (int)RejectionReason.NoBudget);
            Reject("Student", _tradeShow, (int)RejectionReason.StudentOrJobSeeker);
            Reject("Budget 2", _tradeShow, (int)RejectionReason.NoBudget);
        }

        private void Reject(string name, Guid campaign, int reason)
        {
            var lead = LifecycleFixture.QualifiedLead(name);
            lead["campaignid"] = new EntityReference("campaign", campaign);
            var id = _fixture.Org.As(_fixture.Marketer).Create(lead);
            _fixture.SetStage(_fixture.OwnerOf(id), id, LifecycleFixture.Rejected, new Dictionary<string, object?> { [LeadTable.RejectionReason] = new OptionSetValue(reason) });
            _fixture.Org.RunWorkflowActivity(new SendRejectionFeedback(), new Dictionary<string, object?> { ["Lead"] = new EntityReference("lead", id) }, _fixture.OwnerOf(id), new EntityReference("lead", id));
        }

        private static string Fetch(string folder, string name)
        {
            var files = Directory.EnumerateFiles(RepositoryLayout.PathInRepo("Solution", "Entities", folder, "SavedQueries"), "*.xml");
            var view = files.Select(XDocument.Load).Single(document => document.Descendants("LocalizedName").Any(label => (string?)label.Attribute("description") == name));
            return view.Descendants("fetch").Single().ToString();
        }

        private EntityCollection Run(string fetch) => _fixture.Org.As(_fixture.Marketer).RetrieveMultiple(new FetchExpression(fetch));

        [Fact]
        public void Rejected_leads_of_the_last_30_days_come_newest_first_with_their_reasons()
        {
            var rows = Run(Fetch("Lead", "Rejected leads — last 30 days")).Entities;

            Assert.Equal(new[] { "Budget", "Student", "Budget 2" }.OrderBy(name => name), rows.Select(row => row.GetAttributeValue<string>("fullname")).OrderBy(name => name));
            Assert.All(rows, row => Assert.True(row.Contains(LeadTable.RejectionReason)));
        }

        [Fact]
        public void Feedback_awaiting_a_response_leaves_out_the_answered_feedback()
        {
            var answered = _fixture.Org.All(LeadFeedbackTable.EntityName).First();
            _fixture.Org.RunWorkflowActivity(new RespondToFeedback(), new Dictionary<string, object?> { ["Feedback"] = new EntityReference(LeadFeedbackTable.EntityName, answered.Id), ["Response"] = "Form fixed.", ["Outcome"] = new OptionSetValue((int)FeedbackOutcome.FixedAtSource) }, _fixture.Marketer, new EntityReference(LeadFeedbackTable.EntityName, answered.Id));

            var rows = Run(Fetch(LeadFeedbackTable.EntityName, "Feedback awaiting marketing response")).Entities;

            Assert.Equal(3, rows.Count);
            Assert.DoesNotContain(rows, row => row.Id == answered.Id);
        }

        [Fact]
        public void Rejections_by_reason_lists_every_feedback_grouped_by_reason()
        {
            var rows = Run(Fetch(LeadFeedbackTable.EntityName, "Rejections by reason")).Entities;

            Assert.Equal(new[] { (int)RejectionReason.NoBudget, (int)RejectionReason.NoBudget, (int)RejectionReason.NoBudget, (int)RejectionReason.StudentOrJobSeeker }, rows.Select(row => row.GetAttributeValue<OptionSetValue>(LeadFeedbackTable.Reason).Value));
        }

        [Fact]
        public void The_chart_counts_rejections_by_reason_and_campaign()
        {
            var chart = XDocument.Load(Directory.EnumerateFiles(RepositoryLayout.PathInRepo("Solution", "Entities", LeadFeedbackTable.EntityName, "Visualizations"), "*.xml").Single());

            var rows = Run(chart.Descendants("fetch").Single().ToString()).Entities;

            int Count(int reason, Guid campaign) => rows.Where(row => ((OptionSetValue)row.GetAttributeValue<AliasedValue>("reason").Value).Value == reason && ((EntityReference)row.GetAttributeValue<AliasedValue>("campaign").Value).Id == campaign)
                .Select(row => (int)row.GetAttributeValue<AliasedValue>("rejections").Value).SingleOrDefault();
            Assert.Equal(2, Count((int)RejectionReason.NoBudget, _webinar));
            Assert.Equal(1, Count((int)RejectionReason.NoBudget, _tradeShow));
            Assert.Equal(1, Count((int)RejectionReason.StudentOrJobSeeker, _tradeShow));
        }
    
        [Fact]
        public void A_reps_open_leads_view_shows_only_their_mqls_and_sals()
        {
            var lead = _fixture.HandedOffLead("Fresh");
            var rep = _fixture.OwnerOf(lead);

            var rows = _fixture.Org.As(rep).RetrieveMultiple(new FetchExpression(Fetch("Lead", "My open MQLs and SALs"))).Entities;

            Assert.Equal(new[] { lead }, rows.Select(row => row.Id));
        }
    }
}
