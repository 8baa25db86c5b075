using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Dataverse.Query
{
    /// <summary>
    /// The paging cookie: <c>&lt;cookie page="N"&gt;&lt;leadid last="{id}" first="{id}" /&gt;&lt;/cookie&gt;</c>, the page it ends and the first and
    /// last rows' ids, as the platform writes it. A query asking for the page after the cookie's continues after the cookie's last
    /// row instead of reading and counting off the pages before it (see <see cref="QueryEngine.RowsAfter"/>).
    /// </summary>
    internal static class CookiePaging
    {
        /// <summary>The cookie of a page: its number and the ids of its last and first rows.</summary>
        public static string Cookie(int page, string idName, IReadOnlyList<Entity> pageRows) => string.Format(
            CultureInfo.InvariantCulture,
            "<cookie page=\"{0}\"><{1} last=\"{{{2}}}\" first=\"{{{3}}}\" /></cookie>",
            page,
            SecurityElement.Escape(idName),
            pageRows[pageRows.Count - 1].Id.ToString().ToUpperInvariant(),
            pageRows[0].Id.ToString().ToUpperInvariant());

        /// <summary>
        /// The id of the last row of the previous page, when the query asks for the page right after the one its cookie ends (the
        /// cookie names <paramref name="idName"/>); null otherwise (no cookie, another page, a cookie of another shape).
        /// </summary>
        public static Guid? LastOfPreviousPage(PagingInfo paging, string idName)
        {
            if (string.IsNullOrEmpty(paging.PagingCookie) || paging.PageNumber < 2)
            {
                return null;
            }

            try
            {
                var cookie = XElement.Parse(paging.PagingCookie);
                var last = cookie.Element(idName)?.Attribute("last")?.Value;
                return cookie.Name.LocalName == "cookie"
                    && int.TryParse(cookie.Attribute("page")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var page) && page == paging.PageNumber - 1
                    && Guid.TryParse(last, out var id) ? id : null;
            }
            catch (XmlException)
            {
                return null;
            }
        }

        /// <summary>
        /// The page made of <paramref name="next"/>, the rows matching after the previous page's last (at most one more than a page:
        /// that one tells MoreRecords), projected, with its cookie.
        /// </summary>
        public static EntityCollection Page(QueryExpression query, List<Entity> next, Func<Entity, Entity> project, string idName)
        {
            var size = query.PageInfo.Count;
            var result = new EntityCollection { EntityName = query.EntityName };
            var pageRows = new List<Entity>(Math.Min(size, next.Count));
            for (var index = 0; index < next.Count && index < size; index++)
            {
                pageRows.Add(project(next[index]));
            }

            result.Entities.AddRange(pageRows);
            result.MoreRecords = next.Count > size;
            if (pageRows.Count > 0)
            {
                result.PagingCookie = Cookie(query.PageInfo.PageNumber, idName, pageRows);
            }

            return result;
        }
    }
}
