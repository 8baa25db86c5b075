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
    /// The reps a handoff may go to, with what routing needs, read with one aggregate FetchXML query: the enabled members of the
    /// sales team who are not unavailable (and, where the agreement routes by country or territory, match the lead's), grouped
    /// with their place in the rotation and a count of the open leads they own (an outer join, so a rep with none counts 0).
    /// </summary>
    internal static class RoutingCandidates
    {
        private const string Rep = "rep";
        private const string Name = "name";
        private const string Sequence = "sequence";
        private const string OpenLeads = "openleads";

        /// <summary>One RetrieveMultiple. <paramref name="matchColumn"/> is the user column to route by (null: none), <paramref name="matchValue"/> the lead's value.</summary>
        public static IReadOnlyList<RoutingCandidate> Query(IOrganizationService service, Guid salesTeamId, string? matchColumn, string? matchValue)
        {
            var openStages = string.Concat(LeadStages.Open.Select(stage => "<value>" + ((int)stage).ToString(CultureInfo.InvariantCulture) + "</value>"));
            var matchCondition = matchColumn == null
                ? string.Empty
                : $"<condition attribute='{matchColumn}' operator='eq' value='{SecurityElement.Escape(matchValue ?? string.Empty)}' />";
            var fetch = $@"<fetch aggregate='true'>
  <entity name='{SystemUserTable.EntityName}'>
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
    <link-entity name='{TeamMembershipTable.EntityName}' from='{TeamMembershipTable.SystemUserId}' to='{SystemUserTable.Id}' intersect='true'>
      <filter>
        <condition attribute='{TeamMembershipTable.TeamId}' operator='eq' value='{salesTeamId:D}' />
      </filter>
    </link-entity>
    <link-entity name='{LeadTable.EntityName}' from='{LeadTable.OwnerId}' to='{SystemUserTable.Id}' link-type='outer'>
      <attribute name='{LeadTable.Id}' alias='{OpenLeads}' aggregate='countcolumn' />
      <filter>
        <condition attribute='{LeadTable.Stage}' operator='in'>{openStages}</condition>
      </filter>
    </link-entity>
  </entity>
</fetch>";
            return service.RetrieveMultiple(new FetchExpression(fetch)).Entities
                .Select(row => new RoutingCandidate(
                    Aliased(row, Rep) switch { EntityReference reference => reference.Id, Guid id => id, _ => throw new InvalidPluginExecutionException("The routing query returned a rep without an id.") },
                    Aliased(row, Name) as string ?? string.Empty,
                    Aliased(row, Sequence) as int? ?? 0,
                    Aliased(row, OpenLeads) as int? ?? 0))
                .ToList();
        }

        private static object? Aliased(Entity row, string alias) => row.GetAttributeValue<AliasedValue>(alias)?.Value;
    }
}
