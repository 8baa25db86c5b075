using System.Collections.Generic;
using System.ServiceModel;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Dataverse.Security
{
    /// <summary>Create needs the table's Create privilege; a row for another owner needs Assign too.</summary>
    public sealed class CreateAccessTests
    {
        [Fact]
        public void A_rep_without_prvCreatela_agreement_cannot_create_an_agreement_and_the_fault_names_the_privilege()
        {
            var given = new SecurityScenario();
            var rep = given.User("Rita Rep", given.North, "LeadAlign Sales Rep");
            var admin = given.User("Ada Admin", given.North, "LeadAlign Administrator");
            var before = given.Org.All(AgreementTable.EntityName).Count;

            var refused = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
                given.Org.As(rep).Create(new Entity(AgreementTable.EntityName) { [AgreementTable.Name] = "Rep's agreement" }));
            given.Org.As(admin).Create(new Entity(AgreementTable.EntityName) { [AgreementTable.Name] = "Admin's agreement" });

            Assert.Equal(unchecked((int)0x80040220), refused.Detail.ErrorCode);
            Assert.StartsWith($"Principal user (Id={rep}, type=8, roleCount=2), is missing prvCreatela_agreement privilege (Id=", refused.Detail.Message);
            Assert.Contains("for entity 'la_agreement'. The Create needs prvCreatela_agreement at depth Basic or deeper, and no role of the user grants it.", refused.Detail.Message);
            Assert.Equal(before + 1, given.Org.All(AgreementTable.EntityName).Count);
        }

        [Fact]
        public void A_user_who_may_only_create_leads_creates_leads_they_own_but_a_lead_for_a_rep_needs_prvAssignLead()
        {
            var given = new SecurityScenario();
            given.Org.AddRole("Lead creator", new Dictionary<string, PrivilegeDepths> { ["prvCreateLead"] = PrivilegeDepths.Basic, ["prvReadLead"] = PrivilegeDepths.Basic });
            var marketer = given.User("Mia Marketing", given.North, "Lead creator");
            var rep = given.User("Rita Rep", given.North, "LeadAlign Sales Rep");

            var own = given.Org.As(marketer).Create(new Entity(LeadTable.EntityName) { ["lastname"] = "Novak" });
            var refused = Assert.Throws<FaultException<OrganizationServiceFault>>(() => given.Org.As(marketer).Create(
                new Entity(LeadTable.EntityName) { ["lastname"] = "Horak", ["ownerid"] = new EntityReference("systemuser", rep) }));

            Assert.Equal(marketer, given.Org.Get(LeadTable.EntityName, own)!.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Contains("is missing prvAssignLead privilege", refused.Detail.Message);
        }

        [Fact]
        public void SYSTEM_bypasses_every_check()
        {
            var given = new SecurityScenario();
            var rep = given.User("Rita Rep", given.South, "LeadAlign Sales Rep");
            var lead = given.LeadOf(rep, "Novak");

            var agreement = given.Org.SystemService.Create(new Entity(AgreementTable.EntityName) { [AgreementTable.Name] = "System's agreement" });
            given.Org.SystemService.Update(new Entity(LeadTable.EntityName, lead) { ["lastname"] = "Changed" });
            given.Org.SystemService.Delete(AgreementTable.EntityName, agreement);

            Assert.True(given.Org.EnforcesSecurityRoles);
            Assert.Equal("Changed", given.Org.Get(LeadTable.EntityName, lead)!["lastname"]);
            Assert.Null(given.Org.Get(AgreementTable.EntityName, agreement));
        }

        [Fact]
        public void With_the_option_off_a_user_without_roles_does_everything()
        {
            var given = new SecurityScenario(enforce: false);
            var nobody = given.Org.AddUser("Nora Nobody", given.South);
            var rep = given.User("Rita Rep", given.North, "LeadAlign Sales Rep");
            var lead = given.LeadOf(rep, "Novak");

            var agreement = given.Org.As(nobody).Create(new Entity(AgreementTable.EntityName) { [AgreementTable.Name] = "Anyone's agreement" });
            given.Org.As(nobody).Update(new Entity(LeadTable.EntityName, lead) { ["lastname"] = "Changed" });
            var leads = given.Org.As(nobody).RetrieveMultiple(new Microsoft.Xrm.Sdk.Query.QueryExpression(LeadTable.EntityName));
            given.Org.As(nobody).Delete(LeadTable.EntityName, lead);

            Assert.False(given.Org.EnforcesSecurityRoles);
            Assert.NotNull(given.Org.Get(AgreementTable.EntityName, agreement));
            Assert.Single(leads.Entities);
            Assert.Null(given.Org.Get(LeadTable.EntityName, lead));
        }
    }
}
