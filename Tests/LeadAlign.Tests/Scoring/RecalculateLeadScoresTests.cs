using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Dataverse.Registration;
using LeadAlign.Plugins.Scoring;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Scoring
{
    /// <summary>The la_RecalculateLeadScores Custom API: re-scores leads by ids or by FetchXML, a page at a time.</summary>
    public sealed class RecalculateLeadScoresTests
    {
        private readonly InMemoryDataverse _org = LeadAlignOrganization.Start();
        private readonly List<Guid> _leads = new();

        public RecalculateLeadScoresTests()
        {
            for (var index = 0; index < 5; index++)
            {
                _leads.Add(_org.SystemService.Create(new Entity("lead") { ["lastname"] = "Lead " + index, ["numberofemployees"] = 300 }));
            }
        }

        private OrganizationResponse Recalculate(Action<OrganizationRequest> with)
        {
            var request = new OrganizationRequest("la_RecalculateLeadScores");
            with(request);
            return _org.SystemService.Execute(request);
        }

        private void RaiseCompanySizePointsBehindTheCache()
        {
            var rule = _org.All(ScoringRuleTable.EntityName).Single(each => each.GetAttributeValue<string>(ScoringRuleTable.Name) == "Company has 200 or more employees");
            _org.SystemService.Update(new Entity(ScoringRuleTable.EntityName, rule.Id) { [ScoringRuleTable.Points] = 25 });
        }

        [Fact]
        public void Leads_are_rescored_one_page_at_a_time_until_no_records_remain()
        {
            RaiseCompanySizePointsBehindTheCache();
            var changed = 0;
            var pages = 0;
            var page = 1;
            string? cookie = null;
            while (page > 0)
            {
                var response = Recalculate(request =>
                {
                    request["PageSize"] = 2;
                    request["PageNumber"] = page;
                    if (cookie != null)
                    {
                        request["PagingCookie"] = cookie;
                    }
                });
                pages++;
                changed += (int)response["Changed"];
                Assert.Equal((bool)response["MoreRecords"] ? page + 1 : 0, (int)response["NextPageNumber"]);
                cookie = (string)response["PagingCookie"];
                page = (int)response["NextPageNumber"];
            }

            Assert.Equal(3, pages);
            Assert.Equal(5, changed);
            Assert.All(_leads, id => Assert.Equal(25, _org.Get("lead", id)!.GetAttributeValue<int>(LeadTable.Score)));
        }

        [Fact]
        public void Leads_given_by_id_are_rescored_and_unchanged_ones_are_counted_but_not_updated()
        {
            RaiseCompanySizePointsBehindTheCache();

            var first = Recalculate(request => request["LeadIds"] = new[] { _leads[0].ToString(), _leads[1].ToString() });
            var again = Recalculate(request => request["LeadIds"] = new[] { _leads[0].ToString(), _leads[1].ToString() });

            Assert.Equal(2, (int)first["Scored"]);
            Assert.Equal(2, (int)first["Changed"]);
            Assert.Equal(2, (int)again["Scored"]);
            Assert.Equal(0, (int)again["Changed"]);
            Assert.False((bool)again["MoreRecords"]);
            Assert.Equal(15, _org.Get("lead", _leads[2])!.GetAttributeValue<int>(LeadTable.Score));
        }

        [Fact]
        public void A_fetchxml_filter_chooses_the_leads_and_decay_lowers_scores_over_time()
        {
            _org.SystemService.Create(new Entity(MarketingInteractionTable.EntityName) { ["subject"] = "Webinar", [MarketingInteractionTable.InteractionType] = new OptionSetValue((int)InteractionType.WebinarAttendance), ["regardingobjectid"] = new EntityReference("lead", _leads[0]) });
            _org.Advance(TimeSpan.FromDays(28));

            var response = Recalculate(request => request["FetchXml"] = $"<fetch><entity name='lead'><filter><condition attribute='lastname' operator='eq' value='Lead 0' /></filter></entity></fetch>");

            Assert.Equal(1, (int)response["Scored"]);
            Assert.Equal(1, (int)response["Changed"]);
            Assert.Equal(5m, _org.Get("lead", _leads[0])!.GetAttributeValue<decimal>(LeadTable.EngagementScore));
            Assert.Equal(20, _org.Get("lead", _leads[0])!.GetAttributeValue<int>(LeadTable.Score));
        }

        [Fact]
        public void A_lead_whose_update_is_refused_fails_the_page_naming_it_and_no_lead_of_the_page_is_rescored()
        {
            var org = LeadAlignOrganization.Start(options => options with
            {
                Steps = options.Steps.Concat(StepRegistration.FromTypes(new[] { typeof(RefuseLeadUpdatePlugin) })).ToList(),
                PluginAssemblies = options.PluginAssemblies.Append(typeof(RefuseLeadUpdatePlugin).Assembly).ToList(),
            });
            var leads = new[] { "First", "Refuse me", "Last" }.Select(name => org.SystemService.Create(new Entity("lead") { ["lastname"] = name, ["numberofemployees"] = 300 })).ToList();
            var rule = org.All(ScoringRuleTable.EntityName).Single(each => each.GetAttributeValue<string>(ScoringRuleTable.Name) == "Company has 200 or more employees");
            org.SystemService.Update(new Entity(ScoringRuleTable.EntityName, rule.Id) { [ScoringRuleTable.Points] = 25 });
            var request = new OrganizationRequest("la_RecalculateLeadScores");
            request["LeadIds"] = leads.Select(id => id.ToString()).ToArray();

            var fault = TestOrganization.Fault(() => org.SystemService.Execute(request));

            Assert.StartsWith($"Lead 'Refuse me' ({leads[1]}) could not be re-scored: Contoso's data-quality step refuses changes to this lead. No lead of this page was re-scored.", fault.Message, StringComparison.Ordinal);
            Assert.All(leads, id => Assert.Equal(15, org.Get("lead", id)!.GetAttributeValue<int>(LeadTable.Score)));
            // The page stopped at the refused lead: the last lead's update was never attempted.
            Assert.Equal(2, org.Log.Of(typeof(ScoreLeadPlugin)).Count(run => run.Message == "Update" && run.Depth == 2));
            Assert.False(Assert.Single(org.Log.Of(typeof(RecalculateLeadScoresPlugin))).Succeeded);
        }

        [Fact]
        public void A_fetchxml_on_another_table_or_a_page_size_out_of_range_is_refused()
        {
            var table = TestOrganization.Fault(() => Recalculate(request => request["FetchXml"] = "<fetch><entity name='contact' /></fetch>"));
            var size = TestOrganization.Fault(() => Recalculate(request => request["PageSize"] = 10_000));

            Assert.Contains("FetchXml must be a <fetch> on the lead table", table.Message);
            Assert.Contains("PageSize must be between 1 and 5000", size.Message);
        }
    }
}
