using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security;
using LeadAlign.Lifecycle;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Plugins.Lifecycle
{
    /// <summary>
    /// The rotation a handoff routes by, read with one aggregate FetchXML query from the agreement row down: its handoff count,
    /// and the enabled members of its sales team who are not unavailable (and, where the agreement routes by country or
    /// territory, match the lead's), grouped with their place in the rotation and a count of the open leads they own (an outer
    /// join, so a rep with none counts 0). Run it after <see cref="RoutingLock.Take"/>: under the lock it reads what the handoff
    /// before committed. The sales team is the agreement row's own, as stored now, not the cached agreement's.
    /// </summary>
    internal static class RoutingCandidates
    {
        private const string Handoffs = "handoffs";
        private const string Rep = "rep";
        private const string Name = "name";
        private const string Sequence = "sequence";
        private const string OpenLeads = "openleads";

        /// <summary>One RetrieveMultiple. <paramref name="matchColumn"/> is the user column to route by (null: none), <paramref name="matchValue"/> the lead's value.</summary>
        public static Rotation Query(IOrganizationService service, Guid agreementId, string? matchColumn, string? matchValue)
        {
            var openStages = string.Concat(LeadStages.Open.Select(stage => "<value>" + ((int)stage).ToString(CultureInfo.InvariantCulture) + "</value>"));
            var matchCondition = matchColumn == null
                ? string.Empty
                : $"<condition attribute='{matchColumn}' operator='eq' value='{SecurityElement.Escape(matchValue ?? string.Empty)}' />";
            var fetch = $@"<fetch aggregate='true'>
  <entity name='{AgreementTable.EntityName}'>
    <attribute name='{AgreementTable.HandoffCount}' alias='{Handoffs}' aggregate='max' />
    <filter>
      <condition attribute='{AgreementTable.Id}' operator='eq' value='{agreementId:D}' />
    </filter>
    <link-entity name='{TeamMembershipTable.EntityName}' from='{TeamMembershipTable.TeamId}' to='{AgreementTable.SalesTeamId}' intersect='true'>
      <link-entity name='{SystemUserTable.EntityName}' from='{SystemUserTable.Id}' to='{TeamMembershipTable.SystemUserId}'>
        <attribute name='{SystemUserTable.Id}' alias='{Rep}' groupby='true' />
        <attribute name='{SystemUserTable.FullName}' alias='{Name}' groupby='true' />
        <attribute name='{SystemUserTable.RoutingSequence}' alias='{Sequence}' aggregate='max' />
        <filter>
          <condition attribute='{SystemUserTable.IsDisabled}' operator='eq' value='0' />
          <filter type='or'>
            <condition attribute='{SystemUserTable.IsUnavailable}' operator='null' />
            <condition attribute='{SystemUserTable.IsUnavailable}' operator='eq' value='0' />
          </filter>
          {matchCondition}
        </filter>
        <link-entity name='{LeadTable.EntityName}' from='{LeadTable.OwnerId}' to='{SystemUserTable.Id}' link-type='outer'>
          <attribute name='{LeadTable.Id}' alias='{OpenLeads}' aggregate='countcolumn' />
          <filter>
            <condition attribute='{LeadTable.Stage}' operator='in'>{openStages}</condition>
          </filter>
        </link-entity>
      </link-entity>
    </link-entity>
  </entity>
</fetch>";
            var rows = service.RetrieveMultiple(new FetchExpression(fetch)).Entities;
            var candidates = rows
                .Select(row => new RoutingCandidate(
                    Aliased(row, Rep) switch { EntityReference reference => reference.Id, Guid id => id, _ => throw new InvalidPluginExecutionException("The routing query returned a rep without an id.") },
                    Aliased(row, Name) as string ?? string.Empty,
                    Aliased(row, Sequence) as int? ?? 0,
                    Aliased(row, OpenLeads) as int? ?? 0))
                .ToList();
            var handoffCount = rows.Select(row => Aliased(row, Handoffs) as int? ?? 0).DefaultIfEmpty(0).Max();
            return new Rotation(handoffCount, candidates);
        }

        private static object? Aliased(Entity row, string alias) => row.GetAttributeValue<AliasedValue>(alias)?.Value;
    }
}
