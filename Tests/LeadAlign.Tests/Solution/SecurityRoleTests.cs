using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Xunit;

namespace LeadAlign.Tests.Solution
{
    /// <summary>
    /// The three shipped security roles: written as a real export writes roles, with the platform's privilege names, and
    /// granting each user what LeadAlign's process has them do.
    /// </summary>
    public sealed class SecurityRoleTests
    {
        private static readonly MetadataCatalog Catalog = MetadataCatalog.ForSolution(RepositoryLayout.PathInRepo("Solution"));

        private static Dictionary<string, PrivilegeDepths> SalesRep => Grants("LeadAlignSalesRep.xml");

        private static Dictionary<string, PrivilegeDepths> MarketingUser => Grants("LeadAlignMarketingUser.xml");

        private static Dictionary<string, PrivilegeDepths> Administrator => Grants("LeadAlignAdministrator.xml");

        // The shape of meandtech2001/Apollo-HealthCare-Management-D365-CRM- at 4af90e9294495d736f1f1087e206d1b997e8bfa9,
        // Roles/Apollo Staff.xml (a real 2026 managed export): Role with id and name, then IsCustomizable, IsAutoAssigned and
        // RolePrivileges, the privileges in case-insensitive order of their names. The ids are the ones LeadAlign shipped.
        [Theory]
        [InlineData("LeadAlignSalesRep.xml", "{5a7e3cdc-4585-5f34-8423-6a3c0309f3a5}", "LeadAlign Sales Rep")]
        [InlineData("LeadAlignMarketingUser.xml", "{3c1c8599-c86a-5a37-92e7-7b58849d5a95}", "LeadAlign Marketing User")]
        [InlineData("LeadAlignAdministrator.xml", "{261a888f-240b-5c99-907c-1b31b8f2e318}", "LeadAlign Administrator")]
        [InlineData("LeadAlignSalesManager.xml", "{15352cb3-bad7-5fa4-ab69-09bbccdd4729}", "LeadAlign Sales Manager")]
        public void Each_role_is_written_as_an_export_writes_it(string file, string id, string name)
        {
            var role = XDocument.Load(RepositoryLayout.PathInRepo("Solution", "Roles", file)).Root!;
            var names = role.Element("RolePrivileges")!.Elements("RolePrivilege").Select(privilege => (string)privilege.Attribute("name")!).ToList();

            Assert.Equal("Role", role.Name.LocalName);
            Assert.Equal(id, (string?)role.Attribute("id"));
            Assert.Equal(name, (string?)role.Attribute("name"));
            Assert.Equal(new[] { "IsCustomizable", "IsAutoAssigned", "RolePrivileges" }, role.Elements().Select(element => element.Name.LocalName));
            Assert.Equal("1", role.Element("IsCustomizable")!.Value);
            Assert.Equal("0", role.Element("IsAutoAssigned")!.Value);
            Assert.Equal(names.OrderBy(privilege => privilege, StringComparer.OrdinalIgnoreCase), names);
            Assert.All(names, privilege => Assert.NotNull(Catalog.Privilege(privilege)));
        }

        // Logging a call or an email regarding a lead: the activity privileges govern phonecall and email
        // (https://learn.microsoft.com/en-us/previous-versions/dynamicscrm-2013/developers-guide/gg328384(v=crm.6)); setting
        // Regarding appends the activity to the lead; sending the email takes prvReadActivity and prvWriteActivity
        // (https://learn.microsoft.com/en-us/previous-versions/dynamicscrm-2016/developers-guide/gg334270(v=crm.8)).
        [Fact]
        public void The_sales_rep_can_log_a_phone_call_and_an_email_regarding_a_lead()
        {
            var rep = SalesRep;

            foreach (var table in new[] { "phonecall", "email", "task", "appointment" })
            {
                foreach (var right in new[] { AccessRight.Create, AccessRight.Read, AccessRight.Write, AccessRight.Append })
                {
                    var privilege = Catalog.PrivilegesOf(table).Single(candidate => candidate.AccessRight == right);
                    Assert.True(rep.ContainsKey(privilege.Name), $"The sales rep cannot {right} a {table}: the role lacks {privilege.Name}.");
                }
            }

            Assert.Equal(PrivilegeDepths.Basic, rep["prvCreateActivity"]);
            Assert.Equal(PrivilegeDepths.Basic, rep["prvWriteActivity"]);
            Assert.Equal(PrivilegeDepths.Local, rep["prvReadActivity"]);
            Assert.True(rep.ContainsKey("prvAppendToLead"));
            Assert.False(rep.ContainsKey("prvDeleteActivity"));
        }

        // The rejection-feedback workflow runs SendRejectionFeedback as the rep (Shared/Feedback/RejectionFeedback.Send): it reads
        // the lead, the agreement, the campaign and the stage history, looks for feedback already sent, creates the email and
        // the la_leadfeedback row (owned by the marketing recipient, linked to the lead, campaign, email, users or queue).
        [Fact]
        public void The_sales_rep_can_send_rejection_feedback_as_the_workflow_runs_it()
        {
            var rep = SalesRep;

            Assert.Equal(PrivilegeDepths.Basic, rep["prvCreatela_leadfeedback"]);
            Assert.Equal(PrivilegeDepths.Global, rep["prvReadla_leadfeedback"]);
            Assert.True(rep.ContainsKey("prvAppendla_leadfeedback"));
            Assert.True(rep.ContainsKey("prvAssignla_leadfeedback"));
            Assert.Equal(PrivilegeDepths.Global, rep["prvReadla_agreement"]);
            Assert.Equal(PrivilegeDepths.Global, rep["prvReadCampaign"]);
            Assert.Equal(PrivilegeDepths.Global, rep["prvAppendToCampaign"]);
            Assert.True(rep.ContainsKey("prvAppendToActivity"));
            Assert.Equal(PrivilegeDepths.Global, rep["prvAppendToUser"]);
            Assert.Equal(PrivilegeDepths.Global, rep["prvAppendToQueue"]);
            Assert.Equal(PrivilegeDepths.Global, rep["prvReadla_leadstagechange"]);
            Assert.False(rep.ContainsKey("prvWritela_leadfeedback"));
        }

        [Fact]
        public void The_sales_rep_works_their_leads_and_reads_scoring_and_notifications_but_changes_no_configuration()
        {
            var rep = SalesRep;

            Assert.Equal(PrivilegeDepths.Local, rep["prvReadLead"]);
            Assert.Equal(PrivilegeDepths.Basic, rep["prvWriteLead"]);
            Assert.Equal(PrivilegeDepths.Global, rep["prvReadla_scoringmodel"]);
            Assert.Equal(PrivilegeDepths.Global, rep["prvReadla_scoringrule"]);
            Assert.Equal(PrivilegeDepths.Basic, rep["prvReadappnotification"]);
            // LeadAlign creates every notification as SYSTEM (InAppNotificationTests): a rep reads and dismisses, never creates.
            Assert.False(rep.ContainsKey("prvCreateappnotification"));
            // The rep's own alerts (la_leadalert, issue 17) are the one LeadAlign table they change: their own rows only.
            foreach (var right in new[] { "Create", "Read", "Write", "Delete", "Append" })
            {
                Assert.Equal(PrivilegeDepths.Basic, rep["prv" + right + LeadAlertTable.EntityName]);
            }

            Assert.DoesNotContain(rep.Keys, name => (name.StartsWith("prvWritela_", StringComparison.Ordinal) || (name.StartsWith("prvDelete", StringComparison.Ordinal) && name != "prvDeleteappnotification"))
                && !name.EndsWith(LeadAlertTable.EntityName, StringComparison.Ordinal));
            Assert.False(rep.ContainsKey("prvCreateLead"));
            Assert.False(rep.ContainsKey("prvShareLead"));
        }

        // RespondToFeedback (Shared/Feedback/RejectionFeedback.Respond) updates the feedback as the marketer; the notification to
        // the rep who rejected the lead is created as SYSTEM, so the role needs no notification privilege.
        [Fact]
        public void The_marketing_user_answers_feedback_and_notifies_the_rep_but_changes_no_stage()
        {
            var marketing = MarketingUser;

            Assert.Equal(PrivilegeDepths.Global, marketing["prvReadLead"]);
            Assert.Equal(PrivilegeDepths.Global, marketing["prvReadla_leadfeedback"]);
            Assert.Equal(PrivilegeDepths.Global, marketing["prvWritela_leadfeedback"]);
            Assert.False(marketing.ContainsKey("prvCreateappnotification"));
            Assert.False(marketing.ContainsKey("prvAssignappnotification"));
            Assert.True(marketing.ContainsKey("prvCreateActivity"));
            Assert.False(marketing.ContainsKey("prvWriteLead"));
            Assert.False(marketing.ContainsKey("prvCreatela_leadfeedback"));
        }

        [Theory]
        [InlineData(AgreementTable.EntityName)]
        [InlineData(ScoringModelTable.EntityName)]
        [InlineData(ScoringRuleTable.EntityName)]
        public void The_administrator_manages_the_configuration_tables(string table)
        {
            var administrator = Administrator;

            foreach (var right in new[] { AccessRight.Create, AccessRight.Read, AccessRight.Write, AccessRight.Delete })
            {
                var privilege = Catalog.PrivilegesOf(table).Single(candidate => candidate.AccessRight == right);
                Assert.Equal(PrivilegeDepths.Global, administrator.GetValueOrDefault(privilege.Name));
            }

            Assert.Equal(PrivilegeDepths.Global, administrator["prvWriteLead"]);
            Assert.False(administrator.ContainsKey("prvWritela_leadstagechange"));
        }

        // The two sweeps rewrite many leads or clocks as SYSTEM: each names its execute privilege (customapi.xml
        // executeprivilegename, as in Microsoft's Custom API table reference), a real privilege that only the roles that own
        // that configuration hold.
        [Theory]
        [InlineData("la_RecalculateLeadScores", "prvWritela_scoringmodel", true)]
        [InlineData("la_EvaluateLeadSlas", "prvWritela_agreement", false)]
        public void The_sweep_custom_apis_require_a_privilege_reps_do_not_hold(string api, string privilege, bool marketingHoldsIt)
        {
            var declared = System.Xml.Linq.XDocument.Load(RepositoryLayout.PathInRepo("Solution", "customapis", api, "customapi.xml")).Root!.Element("executeprivilegename")?.Value;

            Assert.Equal(privilege, declared);
            Assert.NotNull(Catalog.Privilege(privilege));
            Assert.False(SalesRep.ContainsKey(privilege));
            Assert.Equal(marketingHoldsIt, MarketingUser.ContainsKey(privilege));
            Assert.True(Administrator.ContainsKey(privilege));
        }

        private static Dictionary<string, PrivilegeDepths> Grants(string file) =>
            XDocument.Load(Path.Combine(RepositoryLayout.PathInRepo("Solution", "Roles"), file)).Descendants("RolePrivilege")
                .ToDictionary(privilege => (string)privilege.Attribute("name")!, privilege => Enum.Parse<PrivilegeDepths>((string)privilege.Attribute("level")!), StringComparer.Ordinal);
    }
}
