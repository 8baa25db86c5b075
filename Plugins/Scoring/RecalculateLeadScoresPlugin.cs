using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.ServiceModel;
using System.Xml.Linq;
using LeadAlign.Plugins.Registration;
using LeadAlign.Runtime;
using LeadAlign.Schema;
using LeadAlign.Scoring;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Plugins.Scoring
{
    /// <summary>
    /// The Custom API la_RecalculateLeadScores: re-scores one page of leads, given by ids (LeadIds) or by a FetchXML filter on
    /// lead (FetchXml; open leads when neither is given), with the active model and decay to now. A lead whose score, band or
    /// reasons change is updated. Scoring itself cannot fail a lead (scores are clamped to their columns, texts kept within
    /// their lengths, stale rules skipped); if the update of a lead fails all the same (another step refuses it), the whole
    /// page fails with a message naming that lead and nothing of the page is saved: a failed nested request dooms the
    /// platform's transaction, so it is never caught to go on with the next lead. Outputs: Scored, Changed, MoreRecords,
    /// PagingCookie and NextPageNumber, to call again for the next page (as a scheduled flow does for decay).
    /// Leads are read with every column, not only the fit rules' columns: a rule can name a column deleted after the rule was
    /// saved, and naming it in the query would fail the whole page where scoring skips just that rule.
    /// </summary>
    [CustomApi(ApiName, DisplayName = "Recalculate lead scores",
        Description = "Re-scores one page of leads with the active scoring model and decays engagement to now. Call it after changing the model, and on a schedule for decay; call again with NextPageNumber and PagingCookie while MoreRecords is true.",
        ExecutePrivilegeName = "prvWrite" + ScoringModelTable.EntityName,
        Request = typeof(RecalculateLeadScoresRequest), Response = typeof(RecalculateLeadScoresResponse))]
    public sealed class RecalculateLeadScoresPlugin : PluginBase
    {
        public const string ApiName = "la_RecalculateLeadScores";
        public const int DefaultPageSize = 250;
        public const int MaxPageSize = 5000;
        private const string OpenLeads = "<fetch><entity name='lead'><filter><condition attribute='statecode' operator='eq' value='0' /></filter></entity></fetch>";

        public RecalculateLeadScoresPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(RecalculateLeadScoresPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var request = context.GetCustomApiRequest<RecalculateLeadScoresRequest>();
            var pageSize = request.PageSize ?? DefaultPageSize;
            if (pageSize < 1 || pageSize > MaxPageSize)
            {
                throw new BusinessRuleException($"PageSize must be between 1 and {MaxPageSize}; it was {pageSize}.");
            }

            var page = request.PageNumber is int pageNumber && pageNumber > 0 ? pageNumber : 1;
            var service = localPluginContext.SystemUserService;
            var model = ScoringModelCache.Get(() => service, context.OrganizationId, context.OperationCreatedOn, message => localPluginContext.Trace(message))
                ?? throw new BusinessRuleException("No scoring model is active: activate one (Scoring models, Active = Yes) before recalculating scores.");

            // The caller chooses the leads with their own rights (a caller learns nothing of leads they cannot read); the
            // re-scoring itself is LeadAlign's bookkeeping, written as SYSTEM.
            var caller = localPluginContext.InitiatingUserService;
            EntityCollection leads;
            if (request.LeadIds is string[] leadIds && leadIds.Length > 0)
            {
                var pageIds = leadIds.Skip((page - 1) * pageSize).Take(pageSize).Select(id => Guid.TryParse(id, out var parsed) ? parsed : throw new BusinessRuleException($"'{id}' in LeadIds is not a lead id.")).ToList();
                var query = new QueryExpression(LeadTable.EntityName) { ColumnSet = new ColumnSet(LeadTable.Id) };
                query.Criteria.AddCondition(LeadTable.Id, ConditionOperator.In, pageIds.Cast<object>().ToArray());
                leads = pageIds.Count == 0 ? new EntityCollection() : caller.RetrieveMultiple(query);
                leads.MoreRecords = leadIds.Length > page * pageSize;
            }
            else
            {
                var fetchXml = request.FetchXml is string given && given.Trim().Length > 0 ? given : OpenLeads;
                leads = caller.RetrieveMultiple(new FetchExpression(Paged(fetchXml, page, pageSize, request.PagingCookie)));
            }

            int scored = 0, changed = 0;
            foreach (var lead in AsSystem(service, leads))
            {
                var score = LeadScorer.Score(model, lead, EngagementLedger.Parse(lead.GetAttributeValue<string>(LeadTable.EngagementLedger)), context.OperationCreatedOn, message => localPluginContext.Trace(message));
                scored++;
                if (score.SameAs(lead) && lead.GetAttributeValue<EntityReference>(LeadTable.ScoringModelId)?.Id == model.Id)
                {
                    continue;
                }

                var update = new Entity(LeadTable.EntityName, lead.Id);
                score.WriteTo(update, lead, model.Id, context.OperationCreatedOn);
                Save(service, update, lead);
                changed++;
            }

            context.SetCustomApiResponse(new RecalculateLeadScoresResponse
            {
                Scored = scored,
                Changed = changed,
                MoreRecords = leads.MoreRecords,
                PagingCookie = leads.PagingCookie ?? string.Empty,
                NextPageNumber = leads.MoreRecords ? page + 1 : 0,
            });
            localPluginContext.Trace($"Page {page}: scored {scored}, changed {changed}, more: {leads.MoreRecords}.");
        }

        /// <summary>
        /// The page's leads as they are stored, read as SYSTEM in one query: the caller chose them, but the columns scoring reads
        /// (the engagement ledger, the current score) are secured, and a caller outside the column security profile would read
        /// them as empty and so re-score every lead as if it had no engagement.
        /// </summary>
        private static IEnumerable<Entity> AsSystem(IOrganizationService service, EntityCollection chosen)
        {
            var ids = chosen.Entities.Select(lead => lead.Id).Distinct().ToList();
            if (ids.Count == 0)
            {
                return Enumerable.Empty<Entity>();
            }

            var query = new QueryExpression(LeadTable.EntityName) { ColumnSet = new ColumnSet(true) };
            query.Criteria.AddCondition(LeadTable.Id, ConditionOperator.In, ids.Cast<object>().ToArray());
            var stored = service.RetrieveMultiple(query).Entities.ToDictionary(lead => lead.Id);
            return ids.Where(stored.ContainsKey).Select(id => stored[id]);
        }

        /// <summary>
        /// Writes one lead's new score. A lead whose update fails (another step refuses it, the platform faults) fails the page:
        /// the platform has already doomed the transaction, so carrying on would only end in a rollback with a less useful
        /// message. The fault is rethrown at once, naming the lead, and no lead of the page keeps a new score.
        /// </summary>
        private static void Save(IOrganizationService service, Entity update, Entity lead)
        {
            try
            {
                service.Update(update);
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                var name = lead.GetAttributeValue<string>(LeadTable.FullName);
                throw new InvalidPluginExecutionException(
                    $"Lead '{(string.IsNullOrWhiteSpace(name) ? lead.Id.ToString() : name)}' ({lead.Id}) could not be re-scored: {fault.Detail?.Message ?? fault.Message} "
                    + "No lead of this page was re-scored. Correct that lead, or leave it out (LeadIds or FetchXml), and run the page again.",
                    fault);
            }
        }

        /// <summary>The caller's FetchXML on lead, with every column and this page's paging attributes.</summary>
        private static string Paged(string fetchXml, int page, int pageSize, string? cookie)
        {
            XDocument document;
            try
            {
                document = XDocument.Parse(fetchXml);
            }
            catch (System.Xml.XmlException malformed)
            {
                throw new BusinessRuleException($"FetchXml is not valid XML: {malformed.Message}");
            }

            var fetch = document.Root;
            var entity = fetch?.Element("entity");
            if (fetch == null || fetch.Name.LocalName != "fetch" || (string?)entity?.Attribute("name") != LeadTable.EntityName)
            {
                throw new BusinessRuleException("FetchXml must be a <fetch> on the lead table, for example <fetch><entity name='lead'><filter>...</filter></entity></fetch>.");
            }

            entity!.Elements("attribute").Remove();
            entity.Elements("all-attributes").Remove();
            entity.AddFirst(new XElement("all-attributes"));
            fetch.SetAttributeValue("page", page.ToString(CultureInfo.InvariantCulture));
            fetch.SetAttributeValue("count", pageSize.ToString(CultureInfo.InvariantCulture));
            fetch.SetAttributeValue("paging-cookie", string.IsNullOrEmpty(cookie) ? null : cookie);
            return document.ToString(SaveOptions.DisableFormatting);
        }
    }
}
