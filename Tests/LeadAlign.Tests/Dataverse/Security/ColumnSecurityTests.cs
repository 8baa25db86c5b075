using System.Linq;
using System.ServiceModel;
using LeadAlign.Dataverse.Security;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace LeadAlign.Tests.Dataverse.Security
{
    /// <summary>
    /// Column security with the shipped lead columns (IsSecured) and the shipped profile "LeadAlign computed lead columns (read
    /// only)": read for members, create and update for nobody. The platform's behaviour, from the PowerApps-Samples
    /// ColumnLevelSecurity sample (dataverse/orgsvc/CSharp-NETCore/ColumnLevelSecurity/Program.cs): a column the user may not read
    /// "appears null"; an update of one the user may not update fails with error -2147158777, "Caller user with Id … does not have
    /// update permissions to a … secured field on entity …".
    /// </summary>
    public sealed class ColumnSecurityTests
    {
        private const string SalesRep = "LeadAlign Sales Rep";
        private const string MarketingUser = "LeadAlign Marketing User";
        private const string ComputedColumns = "LeadAlign computed lead columns (read only)";

        [Fact]
        public void A_rep_outside_the_profile_reads_their_lead_without_its_secured_columns_by_retrieve_query_and_fetch()
        {
            var given = new SecurityScenario();
            var rep = given.User("Rita Rep", given.North, SalesRep);
            var lead = ScoredLeadOf(given, rep);

            var retrieved = given.Org.As(rep).Retrieve(LeadTable.EntityName, lead, new ColumnSet(true));
            var queried = given.Org.As(rep).RetrieveMultiple(new QueryExpression(LeadTable.EntityName) { ColumnSet = new ColumnSet(LeadTable.Score, "lastname") }).Entities.Single();
            var fetched = given.Org.As(rep).RetrieveMultiple(new FetchExpression(
                $"<fetch><entity name='task'><attribute name='subject' /><link-entity name='lead' from='leadid' to='regardingobjectid' alias='l'><attribute name='{LeadTable.Score}' /><attribute name='lastname' /></link-entity></entity></fetch>")).Entities.Single();

            Assert.Equal("Novak", retrieved.GetAttributeValue<string>("lastname"));
            Assert.False(retrieved.Contains(LeadTable.Score));
            Assert.False(retrieved.Contains(LeadTable.ScoreReasons));
            Assert.False(queried.Contains(LeadTable.Score));
            Assert.Equal("Novak", queried.GetAttributeValue<string>("lastname"));
            Assert.False(fetched.Contains("l." + LeadTable.Score));
            Assert.Equal("Novak", fetched.GetAttributeValue<AliasedValue>("l.lastname").Value);
            Assert.Equal(77, given.Org.Get(LeadTable.EntityName, lead)![LeadTable.Score]);
        }

        [Fact]
        public void A_rep_whose_team_is_in_the_profile_reads_the_secured_columns()
        {
            var given = new SecurityScenario();
            var rep = given.User("Rita Rep", given.North, SalesRep);
            var team = given.Org.SystemService.Create(new Entity("team") { ["name"] = "Sales", ["businessunitid"] = new EntityReference("businessunit", given.Org.RootBusinessUnitId) });
            given.Org.SystemService.Execute(new Microsoft.Crm.Sdk.Messages.AddMembersTeamRequest { TeamId = team, MemberIds = new[] { rep } });
            given.Org.AddFieldSecurityProfileMember(ComputedColumns, team);
            var lead = ScoredLeadOf(given, rep);

            var retrieved = given.Org.As(rep).Retrieve(LeadTable.EntityName, lead, new ColumnSet(LeadTable.Score, LeadTable.ScoreReasons));

            Assert.Equal(77, retrieved.GetAttributeValue<int>(LeadTable.Score));
            Assert.Equal("+77 title", retrieved.GetAttributeValue<string>(LeadTable.ScoreReasons));
        }

        [Fact]
        public void A_rep_in_the_profile_may_not_change_a_secured_column_and_the_row_keeps_its_value()
        {
            var given = new SecurityScenario();
            var rep = given.User("Rita Rep", given.North, SalesRep);
            given.Org.AddFieldSecurityProfileMember(ComputedColumns, rep);
            var lead = ScoredLeadOf(given, rep);

            var refused = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
                given.Org.As(rep).Update(new Entity(LeadTable.EntityName, lead) { [LeadTable.Score] = 99999, ["lastname"] = "Forged" }));

            Assert.Equal(-2147158777, refused.Detail.ErrorCode);
            Assert.StartsWith($"Caller user with Id {rep} does not have update permissions to a Score secured field on entity Lead. The requested operation could not be completed.", refused.Detail.Message);
            var stored = given.Org.Get(LeadTable.EntityName, lead)!;
            Assert.Equal(77, stored[LeadTable.Score]);
            Assert.Equal("Novak", stored["lastname"]);
        }

        [Fact]
        public void A_creator_may_not_set_a_secured_column_but_may_leave_it_empty()
        {
            var given = new SecurityScenario();
            var marketer = given.User("Mia Marketer", given.North, MarketingUser);

            var refused = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
                given.Org.As(marketer).Create(new Entity(LeadTable.EntityName) { ["lastname"] = "Forged", [LeadTable.Score] = 500 }));
            var plain = given.Org.As(marketer).Create(new Entity(LeadTable.EntityName) { ["lastname"] = "Plain", [LeadTable.Score] = null });

            Assert.Equal(-2147158777, refused.Detail.ErrorCode);
            Assert.Contains("does not have create permissions to a Score secured field on entity Lead", refused.Detail.Message);
            Assert.DoesNotContain(given.Org.All(LeadTable.EntityName), row => row.GetAttributeValue<string>("lastname") == "Forged");
            Assert.NotNull(given.Org.Get(LeadTable.EntityName, plain));
        }

        [Fact]
        public void A_profile_that_allows_update_lets_its_member_write_the_column()
        {
            var given = new SecurityScenario();
            var rep = given.User("Rita Rep", given.North, SalesRep);
            given.Org.AddFieldSecurityProfile("Score keepers", new[] { new FieldPermission(LeadTable.EntityName, LeadTable.Score, CanRead: true, CanCreate: false, CanUpdate: true) });
            given.Org.AddFieldSecurityProfileMember("Score keepers", rep);
            var lead = ScoredLeadOf(given, rep);

            given.Org.As(rep).Update(new Entity(LeadTable.EntityName, lead) { [LeadTable.Score] = 78 });

            Assert.Equal(78, given.Org.Get(LeadTable.EntityName, lead)![LeadTable.Score]);
            Assert.Throws<FaultException<OrganizationServiceFault>>(() => given.Org.As(rep).Update(new Entity(LeadTable.EntityName, lead) { [LeadTable.ScoreReasons] = "mine" }));
        }

        [Fact]
        public void A_system_administrator_and_system_read_and_write_secured_columns_without_a_profile()
        {
            var given = new SecurityScenario();
            var admin = given.User("Ada Admin", given.North, SecurityRole.SystemAdministratorName);
            var lead = ScoredLeadOf(given, admin);

            given.Org.As(admin).Update(new Entity(LeadTable.EntityName, lead) { [LeadTable.Score] = 80 });
            given.Org.SystemService.Update(new Entity(LeadTable.EntityName, lead) { [LeadTable.FitScore] = 10 });

            Assert.Equal(80, given.Org.As(admin).Retrieve(LeadTable.EntityName, lead, new ColumnSet(LeadTable.Score)).GetAttributeValue<int>(LeadTable.Score));
            Assert.Equal(10, given.Org.Get(LeadTable.EntityName, lead)![LeadTable.FitScore]);
        }

        [Fact]
        public void A_plug_in_sets_a_secured_column_in_the_target_whatever_the_callers_profile_but_not_through_the_callers_service()
        {
            var given = new SecurityScenario(true, typeof(SetScoreInPreOperationPlugin));
            var marketer = given.User("Mia Marketer", given.North, MarketingUser);

            var created = given.Org.As(marketer).Create(new Entity(LeadTable.EntityName) { ["lastname"] = "Scored by a step" });
            var refused = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
                given.Org.As(marketer).Create(new Entity(LeadTable.EntityName) { ["lastname"] = "Rolled back", ["description"] = SetScoreInPreOperationPlugin.WriteAfterwards }));

            Assert.Equal(42, given.Org.Get(LeadTable.EntityName, created)![LeadTable.Score]);
            Assert.Contains("update permissions to a Score secured field", refused.Message);
            Assert.DoesNotContain(given.Org.All(LeadTable.EntityName), row => row.GetAttributeValue<string>("lastname") == "Rolled back");
        }

        [Fact]
        public void The_metadata_says_which_columns_are_secured()
        {
            var given = new SecurityScenario();

            var score = ((RetrieveAttributeResponse)given.Org.SystemService.Execute(new RetrieveAttributeRequest { EntityLogicalName = LeadTable.EntityName, LogicalName = LeadTable.Score })).AttributeMetadata;
            var lastName = ((RetrieveAttributeResponse)given.Org.SystemService.Execute(new RetrieveAttributeRequest { EntityLogicalName = LeadTable.EntityName, LogicalName = "lastname" })).AttributeMetadata;

            Assert.True(score.IsSecured);
            Assert.False(lastName.IsSecured);
        }

        private static System.Guid ScoredLeadOf(SecurityScenario given, System.Guid owner)
        {
            var lead = given.Org.NewId();
            given.Org.Seed(new[]
            {
                new Entity(LeadTable.EntityName, lead) { ["lastname"] = "Novak", ["ownerid"] = new EntityReference("systemuser", owner), [LeadTable.Score] = 77, [LeadTable.ScoreReasons] = "+77 title" },
                new Entity("task", given.Org.NewId()) { ["subject"] = "Call", ["regardingobjectid"] = new EntityReference(LeadTable.EntityName, lead), ["ownerid"] = new EntityReference("systemuser", owner) },
            });
            return lead;
        }
    }
}
