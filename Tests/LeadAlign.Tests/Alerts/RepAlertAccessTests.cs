using System;
using System.Linq;
using LeadAlign.Schema;
using LeadAlign.Tests.Lifecycle;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Alerts
{
    /// <summary>
    /// Alerts never tell anyone about a lead they cannot read. Given an organization that enforces the shipped roles (a rep reads
    /// the leads of their business unit: prvReadLead at Local), a rep of another business unit with the same company alert as a rep
    /// of the lead's unit: the platform's RetrievePrincipalAccess says the outsider cannot read the lead, and only the insider is told.
    /// </summary>
    public sealed class RepAlertAccessTests
    {
        private readonly LifecycleFixture _fixture = ShippedRoles.Organization();

        private Guid Outsider()
        {
            var org = _fixture.Org;
            var unit = org.SystemService.Create(new Entity("businessunit") { ["name"] = "Field sales", ["parentbusinessunitid"] = new EntityReference("businessunit", org.RootBusinessUnitId) });
            var outsider = org.AddUser("Olga Outside", businessUnitId: unit);
            org.AssignRole(outsider, ShippedRoles.BaseRole);
            org.AssignRole(outsider, ShippedRoles.SalesRep);
            return outsider;
        }

        private void CompanyAlert(Guid rep) =>
            _fixture.Org.As(rep).Create(new Entity(LeadAlertTable.EntityName)
            {
                [LeadAlertTable.Name] = "Contoso activity",
                [LeadAlertTable.Scope] = new OptionSetValue((int)AlertScope.OneCompany),
                [LeadAlertTable.CompanyName] = "Contoso",
                [LeadAlertTable.IsActive] = true,
            });

        [Fact]
        public void A_subscriber_who_cannot_read_the_lead_gets_nothing_and_one_who_can_is_told()
        {
            var org = _fixture.Org;
            var lead = _fixture.HandedOffLead("Novak");
            var insider = _fixture.Reps.First(rep => rep != _fixture.OwnerOf(lead));
            var outsider = Outsider();
            CompanyAlert(insider);
            CompanyAlert(outsider);

            org.As(_fixture.Marketer).Create(new Entity(MarketingInteractionTable.EntityName)
            {
                ["subject"] = "Downloaded the price list",
                [MarketingInteractionTable.InteractionType] = new OptionSetValue((int)InteractionType.ContentDownload),
                ["regardingobjectid"] = new EntityReference(LeadTable.EntityName, lead),
            });

            var told = org.All(AppNotificationTable.EntityName).Where(note => note.GetAttributeValue<string>(AppNotificationTable.Title) == "Contoso activity: Novak").ToList();
            Assert.Equal(insider, Assert.Single(told).GetAttributeValue<EntityReference>(AppNotificationTable.OwnerId).Id);
            Assert.Contains("cannot read the lead", string.Join("\n", org.Log.Of(typeof(LeadAlign.Plugins.Alerts.RepAlertPlugin)).Select(run => run.Trace)), StringComparison.Ordinal);
        }

        [Fact]
        public void RetrievePrincipalAccess_answers_the_rights_the_roles_grant_on_the_row_without_refusing()
        {
            var org = _fixture.Org;
            var lead = _fixture.HandedOffLead("Novak");
            var owner = _fixture.OwnerOf(lead);
            var colleague = _fixture.Reps.First(rep => rep != owner);
            var outsider = Outsider();

            AccessRights RightsOf(Guid user) => ((RetrievePrincipalAccessResponse)org.SystemService.Execute(new RetrievePrincipalAccessRequest
            {
                Target = new EntityReference(LeadTable.EntityName, lead),
                Principal = new EntityReference("systemuser", user),
            })).AccessRights;

            Assert.Equal(AccessRights.ReadAccess | AccessRights.WriteAccess | AccessRights.AppendAccess | AccessRights.AppendToAccess, RightsOf(owner) & (AccessRights.ReadAccess | AccessRights.WriteAccess | AccessRights.AppendAccess | AccessRights.AppendToAccess));
            Assert.Equal(AccessRights.ReadAccess, RightsOf(colleague) & (AccessRights.ReadAccess | AccessRights.WriteAccess));
            Assert.Equal(AccessRights.None, RightsOf(outsider) & AccessRights.ReadAccess);
        }
    }
}
