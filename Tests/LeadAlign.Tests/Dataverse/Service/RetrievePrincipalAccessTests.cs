using System;
using LeadAlign.Schema;
using LeadAlign.Tests.Lifecycle;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Dataverse.Service
{
    /// <summary>RetrievePrincipalAccess answers the rights the principal's roles grant on the row, as the platform's AccessRights flags.</summary>
    public sealed class RetrievePrincipalAccessTests
    {
        [Fact]
        public void A_reps_rights_on_the_agreement_are_read_only_and_a_user_without_a_role_has_none()
        {
            var fixture = ShippedRoles.Organization();
            var roleless = fixture.Org.AddUser("Nora No-Role");

            var rep = Rights(fixture, fixture.Reps[0]);
            var admin = Rights(fixture, fixture.Admin);
            var none = Rights(fixture, roleless);

            Assert.Equal(1, rep & 1);
            Assert.Equal(0, rep & 2);
            Assert.Equal(2, admin & 2);
            Assert.Equal(0, none);
        }

        private static int Rights(LifecycleFixture fixture, Guid user)
        {
            var request = new OrganizationRequest("RetrievePrincipalAccess")
            {
                ["Target"] = new EntityReference(AgreementTable.EntityName, LifecycleFixture.AgreementId),
                ["Principal"] = new EntityReference("systemuser", user),
            };
            return Convert.ToInt32(fixture.Org.SystemService.Execute(request).Results["AccessRights"]);
        }
    }
}
