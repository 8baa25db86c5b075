using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security;
using LeadAlign.Dataverse;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace LeadAlign.Tests.Dataverse
{
    /// <summary>
    /// A page asked for with the previous page's paging cookie continues after the cookie's last row, as the platform's cookie
    /// paging does, instead of reading and counting off every page before it: pages read that way are, together, the whole result,
    /// in the order a query without orders returns it, the same pages as counting them off; and when rows of earlier pages are
    /// deleted meanwhile, the next page still starts right after the last row read.
    /// </summary>
    public sealed class CookiePagingTests
    {
        [Fact]
        public void Pages_read_with_their_cookies_are_the_pages_counted_off_the_whole_result()
        {
            var org = Leads(23);
            foreach (var nested in new[] { false, true })
            {
                var whole = Ids(org.SystemService.RetrieveMultiple(OpenLeads(nested, null)).Entities);
                var byCookie = Pages(org, nested, withCookie: true);
                var byNumber = Pages(org, nested, withCookie: false);

                Assert.Equal(18, whole.Count);
                Assert.Equal(whole, byCookie.SelectMany(page => page).ToList());
                Assert.Equal(byNumber, byCookie);
                Assert.Equal(new[] { 5, 5, 5, 3 }, byCookie.Select(page => page.Count));
            }
        }

        [Fact]
        public void A_fetch_page_with_its_cookie_is_the_page_counted_off_the_whole_result()
        {
            var org = Leads(12);
            const string Fetch = "<fetch count='4' page='{0}'{1}><entity name='lead'><attribute name='lastname' /><filter><condition attribute='statecode' operator='eq' value='0' /></filter></entity></fetch>";
            var first = org.SystemService.RetrieveMultiple(new FetchExpression(string.Format(CultureInfo.InvariantCulture, Fetch, 1, string.Empty)));
            var cookie = " paging-cookie='" + SecurityElement.Escape(first.PagingCookie) + "'";
            var second = org.SystemService.RetrieveMultiple(new FetchExpression(string.Format(CultureInfo.InvariantCulture, Fetch, 2, cookie)));
            var counted = org.SystemService.RetrieveMultiple(new FetchExpression(string.Format(CultureInfo.InvariantCulture, Fetch, 2, string.Empty)));

            Assert.Equal(Ids(counted.Entities), Ids(second.Entities));
            Assert.Equal(counted.MoreRecords, second.MoreRecords);
            Assert.Equal(counted.PagingCookie, second.PagingCookie);
            Assert.Equal(4, second.Entities.Count);
            Assert.All(second.Entities, row => Assert.Equal(new[] { "lastname", "leadid" }, row.Attributes.Keys.OrderBy(key => key, StringComparer.Ordinal)));
        }

        [Fact]
        public void The_page_after_a_cookie_starts_after_its_last_row_even_when_earlier_rows_were_deleted()
        {
            var org = Leads(23);
            var whole = Ids(org.SystemService.RetrieveMultiple(OpenLeads(false, null)).Entities);
            var first = org.SystemService.RetrieveMultiple(OpenLeads(false, new PagingInfo { Count = 5, PageNumber = 1 }));

            // When two leads of the first page are deleted before the second page is read
            org.SystemService.Delete(LeadTable.EntityName, whole[0]);
            org.SystemService.Delete(LeadTable.EntityName, whole[1]);
            var second = org.SystemService.RetrieveMultiple(OpenLeads(false, new PagingInfo { Count = 5, PageNumber = 2, PagingCookie = first.PagingCookie }));
            var counted = org.SystemService.RetrieveMultiple(OpenLeads(false, new PagingInfo { Count = 5, PageNumber = 2 }));

            // Then the cookie's page goes on from the sixth lead; counting off pages skips two leads
            Assert.Equal(whole.Skip(5).Take(5), Ids(second.Entities));
            Assert.Equal(whole.Skip(7).Take(5), Ids(counted.Entities));
        }

        [Fact]
        public void A_cookie_whose_last_row_is_gone_or_of_another_page_gives_the_page_counted_off()
        {
            var org = Leads(23);
            var first = org.SystemService.RetrieveMultiple(OpenLeads(false, new PagingInfo { Count = 5, PageNumber = 1 }));
            var counted = Ids(org.SystemService.RetrieveMultiple(OpenLeads(false, new PagingInfo { Count = 5, PageNumber = 3 })).Entities);

            var otherPage = org.SystemService.RetrieveMultiple(OpenLeads(false, new PagingInfo { Count = 5, PageNumber = 3, PagingCookie = first.PagingCookie }));
            Assert.Equal(counted, Ids(otherPage.Entities));

            org.SystemService.Delete(LeadTable.EntityName, first.Entities[4].Id);
            var lastGone = org.SystemService.RetrieveMultiple(OpenLeads(false, new PagingInfo { Count = 5, PageNumber = 2, PagingCookie = first.PagingCookie }));
            Assert.Equal(Ids(org.SystemService.RetrieveMultiple(OpenLeads(false, new PagingInfo { Count = 5, PageNumber = 2 })).Entities), Ids(lastGone.Entities));
        }

        /// <summary>Leads, every fourth one closed: the open ones are the query's result.</summary>
        private static InMemoryDataverse Leads(int count)
        {
            var org = TestOrganization.With();
            for (var i = 0; i < count; i++)
            {
                var lead = org.SystemService.Create(new Entity(LeadTable.EntityName) { ["lastname"] = "Lead " + i });
                if (i % 4 == 3)
                {
                    org.SystemService.Update(new Entity(LeadTable.EntityName, lead) { ["statecode"] = new OptionSetValue(2) });
                }
            }

            return org;
        }

        /// <summary>Open leads, no order: the condition at the top of the criteria (answered from the index) or nested (a scan).</summary>
        private static QueryExpression OpenLeads(bool nested, PagingInfo? paging)
        {
            var query = new QueryExpression(LeadTable.EntityName) { ColumnSet = new ColumnSet("lastname"), PageInfo = paging ?? new PagingInfo() };
            var filter = nested ? query.Criteria.AddFilter(LogicalOperator.And) : query.Criteria;
            filter.AddCondition("statecode", ConditionOperator.Equal, 0);
            return query;
        }

        private static List<List<Guid>> Pages(InMemoryDataverse org, bool nested, bool withCookie)
        {
            var pages = new List<List<Guid>>();
            var paging = new PagingInfo { Count = 5, PageNumber = 1 };
            EntityCollection page;
            do
            {
                page = org.SystemService.RetrieveMultiple(OpenLeads(nested, paging));
                pages.Add(Ids(page.Entities));
                paging = new PagingInfo { Count = 5, PageNumber = paging.PageNumber + 1, PagingCookie = withCookie ? page.PagingCookie : null };
            }
            while (page.MoreRecords);

            return pages;
        }

        private static List<Guid> Ids(IEnumerable<Entity> rows) => rows.Select(row => row.Id).ToList();
    }
}
