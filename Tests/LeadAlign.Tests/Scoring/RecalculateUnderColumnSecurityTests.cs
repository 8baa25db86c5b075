using System.Linq;
using LeadAlign.Schema;
using LeadAlign.Tests.Lifecycle;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Scoring
{
    /// <summary>
    /// la_RecalculateLeadScores run by a marketer who holds the shipped Marketing User role but is in no column security profile:
    /// the engagement ledger and the score are secured columns the marketer cannot read, yet the re-scoring reads them as stored.
    /// </summary>
    public sealed class RecalculateUnderColumnSecurityTests
    {
        [Fact]
        public void A_marketer_outside_the_profile_recalculates_and_the_leads_keep_the_engagement_they_earned()
        {
            var given = ShippedRoles.Organization();
            var org = given.Org;
            var lead = org.As(given.Marketer).Create(new Entity(LeadTable.EntityName) { ["lastname"] = "Novak" });
            org.As(given.Marketer).Create(new Entity(MarketingInteractionTable.EntityName)
            {
                ["subject"] = "Visited /pricing",
                [MarketingInteractionTable.InteractionType] = new OptionSetValue((int)InteractionType.WebVisit),
                ["regardingobjectid"] = new EntityReference(LeadTable.EntityName, lead),
            });
            org.DrainAsync();
            var before = org.Get(LeadTable.EntityName, lead)!;
            Assert.True(before.GetAttributeValue<decimal>(LeadTable.EngagementScore) > 0);

            var response = org.As(given.Marketer).Execute(new OrganizationRequest("la_RecalculateLeadScores") { ["LeadIds"] = new[] { lead.ToString() } });

            var after = org.Get(LeadTable.EntityName, lead)!;
            Assert.Equal(1, response.Results["Scored"]);
            Assert.Equal(before[LeadTable.EngagementScore], after[LeadTable.EngagementScore]);
            Assert.Equal(before[LeadTable.Score], after[LeadTable.Score]);
            Assert.Equal(before[LeadTable.EngagementLedger], after[LeadTable.EngagementLedger]);
            Assert.False(org.As(given.Marketer).Retrieve(LeadTable.EntityName, lead, new Microsoft.Xrm.Sdk.Query.ColumnSet(LeadTable.EngagementLedger)).Contains(LeadTable.EngagementLedger));
        }
    }
}
