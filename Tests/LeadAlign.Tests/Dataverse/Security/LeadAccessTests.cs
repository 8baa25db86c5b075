using System.ServiceModel;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace LeadAlign.Tests.Dataverse.Security
{
    /// <summary>Retrieve, Update, Assign and Delete of one lead, checked against the LeadAlign Sales Rep role (Solution/Roles/LeadAlignSalesRep.xml: prvReadLead Local, prvWriteLead Basic, prvAssignLead Basic, no prvDeleteLead).</summary>
    public sealed class LeadAccessTests
    {
        private const string SalesRep = "LeadAlign Sales Rep";

        [Fact]
        public void A_rep_reads_and_updates_their_own_lead()
        {
            var given = new SecurityScenario();
            var rep = given.User("Rita Rep", given.North, SalesRep);
            var lead = given.LeadOf(rep, "Novak");

            var read = given.Org.As(rep).Retrieve(LeadTable.EntityName, lead, new ColumnSet("lastname"));
            given.Org.As(rep).Update(new Entity(LeadTable.EntityName, lead) { ["lastname"] = "Novakova" });

            Assert.Equal("Novak", read["lastname"]);
            Assert.Equal("Novakova", given.Org.Get(LeadTable.EntityName, lead)!["lastname"]);
        }

        [Fact]
        public void A_rep_reads_a_colleagues_lead_of_their_unit_at_Local_but_cannot_update_it_at_Basic()
        {
            var given = new SecurityScenario();
            var rep = given.User("Rita Rep", given.North, SalesRep);
            var colleague = given.User("Colin Colleague", given.North, SalesRep);
            var lead = given.LeadOf(colleague, "Novak");

            var read = given.Org.As(rep).Retrieve(LeadTable.EntityName, lead, new ColumnSet("lastname"));
            var refused = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
                given.Org.As(rep).Update(new Entity(LeadTable.EntityName, lead) { ["lastname"] = "Changed" }));

            Assert.Equal("Novak", read["lastname"]);
            Assert.Equal(unchecked((int)0x80040220), refused.Detail.ErrorCode);
            Assert.StartsWith("SecLib::AccessCheckEx failed. Returned hr = -2147187962, ObjectID: " + lead, refused.Detail.Message);
            Assert.Contains("The user's roles grant prvWriteLead at depth Basic; this lead row needs Local.", refused.Detail.Message);
            Assert.Equal("Novak", given.Org.Get(LeadTable.EntityName, lead)!["lastname"]);
        }

        [Fact]
        public void A_rep_cannot_read_a_lead_of_another_business_unit()
        {
            var given = new SecurityScenario();
            var rep = given.User("Rita Rep", given.North, SalesRep);
            var southRep = given.User("Sam South", given.South, SalesRep);
            var lead = given.LeadOf(southRep, "Novak");

            var refused = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
                given.Org.As(rep).Retrieve(LeadTable.EntityName, lead, new ColumnSet("lastname")));

            Assert.Contains("AccessRights: ReadAccess", refused.Detail.Message);
            Assert.Contains("objectBusinessUnitId: " + given.South, refused.Detail.Message);
            Assert.Contains("prvReadLead at depth Local; this lead row needs Global.", refused.Detail.Message);
        }

        [Fact]
        public void A_rep_assigns_their_own_lead_but_not_a_colleagues_which_the_administrator_may()
        {
            var given = new SecurityScenario();
            var rep = given.User("Rita Rep", given.North, SalesRep);
            var admin = given.User("Ada Admin", given.North, "LeadAlign Administrator");
            var colleague = given.User("Colin Colleague", given.North, SalesRep);
            var own = given.LeadOf(rep, "Novak");
            var theirs = given.LeadOf(colleague, "Okafor");

            given.Org.As(rep).Update(new Entity(LeadTable.EntityName, own) { ["ownerid"] = new EntityReference("systemuser", colleague) });
            var refused = Assert.Throws<FaultException<OrganizationServiceFault>>(() => given.Org.As(rep).Update(new Entity(LeadTable.EntityName, theirs) { ["ownerid"] = new EntityReference("systemuser", rep) }));
            given.Org.As(admin).Update(new Entity(LeadTable.EntityName, theirs) { ["ownerid"] = new EntityReference("systemuser", admin) });

            Assert.Equal(colleague, given.Org.Get(LeadTable.EntityName, own)!.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Contains(rep.ToString(), refused.Detail.Message);
            Assert.Equal(admin, given.Org.Get(LeadTable.EntityName, theirs)!.GetAttributeValue<EntityReference>("ownerid").Id);
        }

        [Fact]
        public void A_rep_cannot_delete_even_their_own_lead()
        {
            var given = new SecurityScenario();
            var rep = given.User("Rita Rep", given.North, SalesRep);
            var lead = given.LeadOf(rep, "Novak");

            var refused = Assert.Throws<FaultException<OrganizationServiceFault>>(() => given.Org.As(rep).Delete(LeadTable.EntityName, lead));

            Assert.Contains("is missing prvDeleteLead privilege", refused.Detail.Message);
            Assert.NotNull(given.Org.Get(LeadTable.EntityName, lead));
        }
    }
}
