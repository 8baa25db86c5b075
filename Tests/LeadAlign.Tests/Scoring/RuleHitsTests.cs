using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Schema;
using LeadAlign.Scoring;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Scoring
{
    /// <summary>
    /// What a lead keeps for the fitted proposal (la_rulehits): the rules that gave it points, in units, until it becomes an MQL,
    /// and from then on the hits it was handed off with.
    /// </summary>
    public sealed class RuleHitsTests
    {
        private readonly InMemoryDataverse _org = LeadAlignOrganization.Start();
        private readonly Guid _marketer;

        public RuleHitsTests()
        {
            _marketer = _org.AddUser("Mia Marketing");
        }

        private Guid RuleId(string name) => _org.All(ScoringRuleTable.EntityName).Single(rule => rule.GetAttributeValue<string>(ScoringRuleTable.Name) == name).Id;

        private IReadOnlyDictionary<Guid, decimal> Hits(Guid lead) => RuleHits.Parse(_org.Get("lead", lead)!.GetAttributeValue<string>(LeadTable.RuleHits)).Units;

        private void Attend(Guid lead) => _org.As(_marketer).Create(new Entity(MarketingInteractionTable.EntityName)
        {
            ["subject"] = "Webinar: pipeline reviews",
            [MarketingInteractionTable.InteractionType] = new OptionSetValue((int)InteractionType.WebinarAttendance),
            ["regardingobjectid"] = new EntityReference("lead", lead),
        });

        [Fact]
        public void A_new_lead_holds_each_fit_rule_that_matched_as_one_unit()
        {
            var lead = _org.As(_marketer).Create(new Entity("lead") { ["lastname"] = "Novak", ["jobtitle"] = "Sales Director", ["numberofemployees"] = 500, ["emailaddress1"] = "ann@gmail.com" });

            var hits = Hits(lead);
            Assert.Equal(3, hits.Count);
            Assert.Equal(1m, hits[RuleId("Job title contains Director or VP")]);
            Assert.Equal(1m, hits[RuleId("Company has 200 or more employees")]);
            Assert.Equal(1m, hits[RuleId("Email domain is a free mail provider")]);
        }

        [Fact]
        public void Engagement_counts_in_activities_worth_decayed_with_the_model_half_life()
        {
            var lead = _org.As(_marketer).Create(new Entity("lead") { ["lastname"] = "Novak", ["jobtitle"] = "Analyst" });
            Attend(lead);
            _org.Advance(TimeSpan.FromDays(14));
            Attend(lead);

            // Webinar attended: 20 points each; the first halved by the 14-day half-life: 10 + 20 = 30 points = 1.5 webinars.
            Assert.Equal(1.5m, Hits(lead)[RuleId("Webinar attended")]);
        }

        [Fact]
        public void Once_the_lead_is_an_MQL_its_hits_stay_those_it_was_handed_off_with()
        {
            var lead = _org.As(_marketer).Create(new Entity("lead")
            {
                ["lastname"] = "Novak", ["companyname"] = "Fabrikam", ["jobtitle"] = "Chief Revenue Officer", ["numberofemployees"] = 1500,
                ["revenue"] = new Money(20_000_000m), ["emailaddress1"] = "ann@fabrikam.com", ["telephone1"] = "+1 555 0100",
            });
            var atMql = _org.Get("lead", lead)!;
            Assert.NotNull(atMql.GetAttributeValue<DateTime?>(LeadTable.MqlOn));
            var handedOffWith = atMql.GetAttributeValue<string>(LeadTable.RuleHits);

            Attend(lead);

            var after = _org.Get("lead", lead)!;
            Assert.True(after.GetAttributeValue<int>(LeadTable.Score) > atMql.GetAttributeValue<int>(LeadTable.Score));
            Assert.Equal(handedOffWith, after.GetAttributeValue<string>(LeadTable.RuleHits));
            Assert.False(Hits(lead).ContainsKey(RuleId("Webinar attended")));
        }

        [Fact]
        public void A_user_cannot_write_the_hits()
        {
            var lead = _org.As(_marketer).Create(new Entity("lead") { ["lastname"] = "Novak", ["jobtitle"] = "Analyst" });

            var refused = Assert.ThrowsAny<Exception>(() => _org.As(_marketer).Update(new Entity("lead", lead) { [LeadTable.RuleHits] = "h1\n" + Guid.NewGuid().ToString("N") + ";99" }));

            Assert.Contains(LeadTable.RuleHits, refused.Message, StringComparison.Ordinal);
            Assert.Empty(Hits(lead));
        }

        [Fact]
        public void The_text_keeps_the_rules_with_the_most_units_when_they_do_not_fit()
        {
            var hits = new RuleHits();
            var big = new Guid("00000000-0000-0000-0000-000000000002");
            var small = new Guid("00000000-0000-0000-0000-000000000001");
            hits.Add(small, 0.25m);
            hits.Add(big, -3m);
            hits.Add(Guid.NewGuid(), 0.00001m);

            // "h1" + "\n" + 32 hex + ";" + "-3" = 2 + 1 + 35 = 38 characters: room for the -3 rule only.
            var text = hits.ToString(40);

            Assert.Equal("h1\n" + big.ToString("N") + ";-3", text);
            Assert.Equal(-3m, RuleHits.Parse(text).Units[big]);
            Assert.Equal(2, RuleHits.Parse(hits.ToString()).Units.Count);
            Assert.Empty(RuleHits.Parse("v2\n" + big.ToString("N") + ";1").Units);
        }
    }
}
