using System;
using LeadAlign.Tests.Lifecycle;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Dataverse.Service
{
    /// <summary>
    /// RetrievePrincipalAccess, sent by name as a client sends it: the AccessRights flags a user holds on a row by their roles
    /// (https://learn.microsoft.com/dotnet/api/microsoft.crm.sdk.messages.retrieveprincipalaccessrequest, AccessRights: ReadAccess 1,
    /// WriteAccess 2, AppendAccess 4, AppendToAccess 16, DeleteAccess 65536, ShareAccess 262144, AssignAccess 524288).
    /// </summary>
    public sealed class PrincipalAccessTests
    {
        private readonly LifecycleFixture _fixture = ShippedRoles.Organization();

        private int RightsOf(Guid user, Guid lead) =>
            (int)_fixture.Org.SystemService.Execute(new OrganizationRequest("RetrievePrincipalAccess")
            {
                ["Target"] = new EntityReference("lead", lead),
                ["Principal"] = new EntityReference("systemuser", user),
            })["AccessRights"];

        [Fact]
        public void A_user_has_the_rights_their_roles_grant_at_a_depth_that_reaches_the_row()
        {
            var lead = _fixture.HandedOffLead();
            var owner = _fixture.OwnerOf(lead);
            var otherRep = _fixture.Reps.Find(rep => rep != owner);
            var outsider = _fixture.Org.AddUser("Otto Outsider");

            Assert.Equal(1, RightsOf(owner, lead) & 1);
            Assert.Equal(2, RightsOf(owner, lead) & 2);
            Assert.Equal(1, RightsOf(_fixture.Marketer, lead) & 1);
            Assert.Equal(0, RightsOf(outsider, lead));
            Assert.Equal(0, RightsOf(otherRep, lead) & 2);
            Assert.Equal(-1, RightsOf(_fixture.Org.SystemUserId, lead) == 0 ? 0 : -1);
        }

        [Fact]
        public void Asking_for_a_row_that_does_not_exist_is_refused_as_the_platform_refuses_it()
        {
            var fault = TestOrganization.Fault(() => RightsOf(_fixture.Marketer, Guid.NewGuid()));

            Assert.Equal(unchecked((int)0x80040217), fault.ErrorCode);
        }
    }
}
