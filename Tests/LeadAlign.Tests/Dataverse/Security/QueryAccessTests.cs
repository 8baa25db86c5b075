using System.Linq;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace LeadAlign.Tests.Dataverse.Security
{
    /// <summary>RetrieveMultiple and FetchXML leave out, silently, the rows the user cannot read, of the queried table and of linked tables.</summary>
    public sealed class QueryAccessTests
    {
        private const string SalesRep = "LeadAlign Sales Rep";

        [Fact]
        public void A_query_returns_only_the_leads_the_rep_can_read()
        {
            var given = new SecurityScenario();
            var rep = given.User("Rita Rep", given.North, SalesRep);
            var colleague = given.User("Colin Colleague", given.North, SalesRep);
            var southRep = given.User("Sam South", given.South, SalesRep);
            var own = given.LeadOf(rep, "Own");
            var colleagues = given.LeadOf(colleague, "Colleague's");
            given.LeadOf(southRep, "South's");

            var found = given.Org.As(rep).RetrieveMultiple(new QueryExpression(LeadTable.EntityName) { ColumnSet = new ColumnSet("lastname") });
            var fetched = given.Org.As(rep).RetrieveMultiple(new FetchExpression("<fetch><entity name='lead'><attribute name='lastname' /></entity></fetch>"));
            var counted = given.Org.As(rep).RetrieveMultiple(new FetchExpression("<fetch aggregate='true'><entity name='lead'><attribute name='leadid' alias='leads' aggregate='count' /></entity></fetch>"));

            Assert.Equal(new[] { own, colleagues }.OrderBy(id => id), found.Entities.Select(row => row.Id).OrderBy(id => id));
            Assert.Equal(new[] { own, colleagues }.OrderBy(id => id), fetched.Entities.Select(row => row.Id).OrderBy(id => id));
            Assert.Equal(2, (int)counted.Entities.Single().GetAttributeValue<AliasedValue>("leads").Value);
            Assert.Equal(3, given.Org.SystemService.RetrieveMultiple(new QueryExpression(LeadTable.EntityName)).Entities.Count);
        }

        [Fact]
        public void Linked_rows_the_user_cannot_read_are_left_out_of_an_inner_join()
        {
            var given = new SecurityScenario();
            given.Org.AddRole("Unit directory", new System.Collections.Generic.Dictionary<string, LeadAlign.Dataverse.Metadata.PrivilegeDepths>
            {
                ["prvReadLead"] = LeadAlign.Dataverse.Metadata.PrivilegeDepths.Global,
                ["prvReadUser"] = LeadAlign.Dataverse.Metadata.PrivilegeDepths.Local,
            });
            var analyst = given.Org.AddUser("Ana Analyst", given.North);
            given.Org.AssignRole(analyst, "Unit directory");
            var northRep = given.User("Rita Rep", given.North, SalesRep);
            var southRep = given.User("Sam South", given.South, SalesRep);
            var north = given.LeadOf(northRep, "North's");
            given.LeadOf(southRep, "South's");

            var joined = given.Org.As(analyst).RetrieveMultiple(new FetchExpression(
                "<fetch><entity name='lead'><attribute name='lastname' /><link-entity name='systemuser' from='systemuserid' to='owninguser' alias='owner'><attribute name='fullname' /></link-entity></entity></fetch>"));
            var all = given.Org.As(analyst).RetrieveMultiple(new QueryExpression(LeadTable.EntityName));

            Assert.Equal(north, joined.Entities.Single().Id);
            Assert.Equal("Rita Rep", joined.Entities.Single().GetAttributeValue<AliasedValue>("owner.fullname").Value);
            Assert.Equal(2, all.Entities.Count);
        }

        [Fact]
        public void A_query_of_a_table_the_user_has_no_read_privilege_on_is_refused()
        {
            var given = new SecurityScenario();
            var nobody = given.User("Nora Nobody", given.North);

            var refused = Assert.Throws<System.ServiceModel.FaultException<OrganizationServiceFault>>(() =>
                given.Org.As(nobody).RetrieveMultiple(new QueryExpression(LeadTable.EntityName)));

            Assert.Contains("is missing prvReadLead privilege", refused.Detail.Message);
        }
    }
}
