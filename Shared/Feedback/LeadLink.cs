using System;
using LeadAlign.Runtime;
using LeadAlign.Schema;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Organization;

namespace LeadAlign.Feedback
{
    /// <summary>
    /// A lead's absolute address for an e-mail, which is read outside the app where a relative link leads nowhere: the
    /// organization's web application (RetrieveCurrentOrganization's <see cref="EndpointType.WebApplication"/> endpoint) +
    /// <c>main.aspx?appname=la_LeadAlignment&amp;pagetype=entityrecord&amp;etn=lead&amp;id=…</c>. Microsoft Learn, <i>Open apps,
    /// forms, views, dialogs, and reports with a URL</i>: a record opens with <c>pagetype=entityrecord</c>, <c>etn</c> and <c>id</c>
    /// on main.aspx, and the app with "either the appname or appid query parameters with the Unique Name or AppModuleId values
    /// respectively, but you can't use both at the same time". The app's unique name is the solution's own (its AppModule), while
    /// its appmoduleid is the target organization's: the name needs no lookup, so the link names the app by it and opens the
    /// lead in LeadAlign's app rather than in whatever app the reader used last.
    /// The web address is kept per organization for <see cref="MaxAge"/> (an organization's URL changes only when an admin
    /// renames it): one RetrieveCurrentOrganization per organization per hour, none when it is fresh.
    /// </summary>
    internal static class LeadLink
    {
        /// <summary>The unique name of LeadAlign's model-driven app (Solution/AppModules/la_LeadAlignment).</summary>
        public const string AppUniqueName = "la_LeadAlignment";

        private static readonly OrganizationCache<string> Cache = new OrganizationCache<string>(TimeSpan.FromMinutes(60));

        /// <summary>How long the organization's web address is kept.</summary>
        public static TimeSpan MaxAge => Cache.MaxAge;

        /// <summary>The lead's address, the organization's web address read once per organization per <see cref="MaxAge"/>.</summary>
        public static string For(IOrganizationService service, Guid leadId, Guid organizationId, DateTime now) =>
            Compose(Cache.Get(organizationId, now, () => WebApplication(service))!, leadId);

        private static string WebApplication(IOrganizationService service)
        {
            var detail = ((RetrieveCurrentOrganizationResponse)service.Execute(new RetrieveCurrentOrganizationRequest())).Detail;
            if (detail == null || !detail.Endpoints.TryGetValue(EndpointType.WebApplication, out var url) || string.IsNullOrWhiteSpace(url))
            {
                throw new BusinessRuleException("The organization did not say its web address (RetrieveCurrentOrganization has no WebApplication endpoint): the e-mail cannot link to the lead.");
            }

            return url.TrimEnd('/');
        }

        private static string Compose(string webApplication, Guid leadId) =>
            webApplication + "/main.aspx?appname=" + AppUniqueName + "&pagetype=entityrecord&etn=" + LeadTable.EntityName + "&id=" + leadId.ToString("D");
    }
}
