using System;
using System.Linq;
using LeadAlign.Plugins.Lifecycle;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Lifecycle
{
    /// <summary>
    /// Handoff quality per MQL, recorded on the lead as it is handed off: required data (last name, company, e-mail, business
    /// phone), a business e-mail domain (well formed, not free-mail or disposable), no duplicate open lead with the same e-mail, and
    /// one clean-handoff yes/no. Marketing creates the leads with the shipped roles; security is enforced.
    /// </summary>
    public sealed class HandoffQualityTests
    {
        private readonly LifecycleFixture _fixture = ShippedRoles.Organization();

        private Entity HandedOff(string? email, string name = "Novak")
        {
            var lead = LifecycleFixture.QualifiedLead(name);
            lead["emailaddress1"] = email;
            var id = _fixture.Org.As(_fixture.Marketer).Create(lead);
            Assert.Equal(LifecycleFixture.Mql, _fixture.StageOf(id));
            return _fixture.Lead(id);
        }

        private static bool[] Flags(Entity lead) => new[]
        {
            lead.GetAttributeValue<bool>(LeadTable.HasRequiredData),
            lead.GetAttributeValue<bool>(LeadTable.HasValidEmailDomain),
            lead.GetAttributeValue<bool>(LeadTable.IsDuplicate),
            lead.GetAttributeValue<bool>(LeadTable.CleanHandoff),
        };

        [Fact]
        public void A_complete_lead_with_a_business_address_is_a_clean_handoff_for_one_more_call()
        {
            _fixture.Org.As(_fixture.Marketer).Create(new Entity("lead") { ["lastname"] = "Warm-up" });
            _fixture.Org.Log.Clear();

            var lead = HandedOff("novak@contoso.com");

            Assert.Equal(new[] { true, true, false, true }, Flags(lead));
            // The handoff's eight calls (see HandoffTests) and the query for an open lead with the same e-mail.
            var lifecycle = new[] { typeof(ValidateLeadStagePlugin), typeof(LeadLifecyclePlugin), typeof(LeadLifecyclePostPlugin), typeof(LeadAlign.Plugins.Scoring.ScoreLeadPlugin) }.Select(type => type.FullName).ToHashSet();
            Assert.Equal(9, _fixture.Org.Log.Records.Where(run => run.Depth == 1 && lifecycle.Contains(run.Handler)).Sum(run => run.TotalCalls));
        }

        [Fact]
        public void A_lead_without_an_e_mail_lacks_required_data_and_a_valid_domain()
        {
            var lead = HandedOff(null);

            Assert.Equal(new[] { false, false, false, false }, Flags(lead));
        }

        [Theory]
        [InlineData("novak@icloud.com")]
        [InlineData("novak@mailinator.com")]
        [InlineData("novak@contoso")]
        [InlineData("novak.contoso.com")]
        public void A_free_mail_disposable_or_malformed_address_is_not_a_valid_domain(string email)
        {
            var lead = HandedOff(email);

            Assert.Equal(new[] { true, false, false, false }, Flags(lead));
        }

        [Fact]
        public void A_second_open_lead_with_the_same_e_mail_is_a_duplicate_and_the_first_is_not()
        {
            var first = HandedOff("novak@contoso.com", "Novak");

            var second = HandedOff("novak@contoso.com", "Novak again");

            Assert.Equal(new[] { true, true, false, true }, Flags(_fixture.Lead(first.Id)));
            Assert.Equal(new[] { true, true, true, false }, Flags(second));
        }

        [Fact]
        public void Nobody_may_set_the_quality_flags_by_hand()
        {
            var lead = HandedOff("novak@mailinator.com");
            var owner = _fixture.OwnerOf(lead.Id);

            TestOrganization.Fault(() => _fixture.Org.As(owner).Update(new Entity(LeadTable.EntityName, lead.Id) { [LeadTable.CleanHandoff] = true }));

            Assert.False(_fixture.Lead(lead.Id).GetAttributeValue<bool>(LeadTable.CleanHandoff));
        }
    }
}
