using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Runtime
{
    /// <summary>
    /// Every page of a query: a RetrieveMultiple returns at most 5,000 rows, so a reader that needs all of them asks page after
    /// page, each with the previous page's paging cookie, until MoreRecords is false (Microsoft Learn, "Page results using
    /// QueryExpression"). Pages are asked for lazily, one RetrieveMultiple each, as the caller goes on.
    /// </summary>
    internal static class QueryPages
    {
        /// <summary>The platform's largest page, and the default.</summary>
        public const int MaxPageSize = 5000;

        /// <summary>
        /// The pages of <paramref name="query"/> (its PageInfo is set here), <paramref name="pageSize"/> rows each;
        /// <paramref name="beforeEachPage"/> runs before each request (a reader out of time throws there).
        /// </summary>
        public static IEnumerable<EntityCollection> Of(IOrganizationService service, QueryExpression query, int pageSize = MaxPageSize, Action? beforeEachPage = null)
        {
            query.PageInfo = new PagingInfo { Count = pageSize, PageNumber = 1 };
            while (true)
            {
                beforeEachPage?.Invoke();
                var page = service.RetrieveMultiple(query);
                yield return page;
                if (!page.MoreRecords)
                {
                    yield break;
                }

                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }
        }

        /// <summary>Every row of <paramref name="query"/>, read page by page.</summary>
        public static List<Entity> All(IOrganizationService service, QueryExpression query, int pageSize = MaxPageSize, Action? beforeEachPage = null)
        {
            var rows = new List<Entity>();
            foreach (var page in Of(service, query, pageSize, beforeEachPage))
            {
                rows.AddRange(page.Entities);
            }

            return rows;
        }
    }
}
