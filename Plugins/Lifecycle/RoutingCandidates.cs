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
    /// The rotation a handoff routes by, in two aggregate FetchXML queries. The first reads, from the agreement row down, its handoff
    /// count and the enabled members of its sales team who are not unavailable (and, where the agreement routes by country or
    /// territory, match the lead's), grouped with their place in the rotation. The second counts the open leads of the reps in
    /// rotation order, grouped by owner, a batch of reps at a time, until a batch holds a rep under the agreement's cap: a single
    /// aggregate over the whole team's open leads fails in an organization where they pass the platform's AggregateQueryRecordLimit
    /// (50,000 rows: "Aggregate queries are limited to 50,000 records", Microsoft Learn, FetchXML aggregation), so a batch holds at
    /// most 50,000 / cap reps, whose open leads under the cap cannot pass it. Without a cap nothing is counted. Run it after
    /// <see cref="RoutingLock.Take"/>: under the lock it reads what the handoff before committed. The sales team is the agreement
    /// row's own, as stored now, not the cached agreement's.
    /// </summary>
    internal static class RoutingCandidates
    {
        /// <summary>The platform's AggregateQueryRecordLimit: the most rows one aggregate query may read.</summary>
        public const int AggregateQueryRecordLimit = 50_000;

        private const string Handoffs = "handoffs";
        private const string Rep = "rep";
        private const string Name = "name";
        private const string Sequence = "sequence";
        private const string Owner = "owner";
        private const string OpenLeads = "openleads";

        /// <summary>
        /// Two RetrieveMultiple calls when the first batch holds a rep under <paramref name="maxOpenLeads"/> (one when there is no cap,
        /// <see cref="int.MaxValue"/>: no rep's leads are counted). <paramref name="matchColumn"/> is the user column to route by
        /// (null: none), <paramref name="matchValue"/> the lead's value.
        /// </summary>
        public static Rotation Query(IOrganizationService service, Guid agreementId, string? matchColumn, string? matchValue, int maxOpenLeads)
        {
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
      </link-entity>
    </link-entity>
  </entity>
</fetch>";
            var rows = service.RetrieveMultiple(new FetchExpression(fetch)).Entities;
            var reps = rows
                .Select(row => new
                {
                    Id = Aliased(row, Rep) switch { EntityReference reference => reference.Id, Guid id => id, _ => throw new InvalidPluginExecutionException("The routing query returned a rep without an id.") },
                    Name = Aliased(row, Name) as string ?? string.Empty,
                    Sequence = Aliased(row, Sequence) as int? ?? 0,
                })
                .OrderBy(rep => rep.Sequence)
                .ThenBy(rep => rep.Id)
                .ToList();
            var handoffCount = rows.Select(row => Aliased(row, Handoffs) as int? ?? 0).DefaultIfEmpty(0).Max();
            var counts = new Dictionary<Guid, int>();
            if (maxOpenLeads != int.MaxValue)
            {
                var batchSize = Math.Max(1, AggregateQueryRecordLimit / Math.Max(1, maxOpenLeads));
                for (var first = 0; first < reps.Count; first += batchSize)
                {
                    var batch = reps.Skip(first).Take(batchSize).Select(rep => rep.Id).ToList();
                    var counted = CountOpenLeads(service, batch);
                    foreach (var id in batch)
                    {
                        counts[id] = counted.TryGetValue(id, out var count) ? count : 0;
                    }

                    if (batch.Any(id => counts[id] < maxOpenLeads))
                    {
                        break;
                    }
                }
            }

            var candidates = reps.Select(rep => new RoutingCandidate(rep.Id, rep.Name, rep.Sequence, counts.TryGetValue(rep.Id, out var open) ? open : (int?)null)).ToList();
            return new Rotation(handoffCount, candidates);
        }

        /// <summary>One aggregate query: the open leads each of <paramref name="owners"/> owns, grouped by owner (an owner with none is absent).</summary>
        private static Dictionary<Guid, int> CountOpenLeads(IOrganizationService service, IReadOnlyList<Guid> owners)
        {
            var openStages = string.Concat(LeadStages.Open.Select(stage => "<value>" + ((int)stage).ToString(CultureInfo.InvariantCulture) + "</value>"));
            var ownerValues = string.Concat(owners.Select(owner => "<value>" + owner.ToString("D") + "</value>"));
            var fetch = $@"<fetch aggregate='true'>
  <entity name='{LeadTable.EntityName}'>
    <attribute name='{LeadTable.OwnerId}' alias='{Owner}' groupby='true' />
    <attribute name='{LeadTable.Id}' alias='{OpenLeads}' aggregate='count' />
    <filter>
      <condition attribute='{LeadTable.OwnerId}' operator='in'>{ownerValues}</condition>
      <condition attribute='{LeadTable.Stage}' operator='in'>{openStages}</condition>
    </filter>
  </entity>
</fetch>";
            var counts = new Dictionary<Guid, int>();
            foreach (var row in service.RetrieveMultiple(new FetchExpression(fetch)).Entities)
            {
                var owner = Aliased(row, Owner) switch { EntityReference reference => reference.Id, Guid id => id, _ => Guid.Empty };
                counts[owner] = Aliased(row, OpenLeads) as int? ?? 0;
            }

            return counts;
        }

        private static object? Aliased(Entity row, string alias) => row.GetAttributeValue<AliasedValue>(alias)?.Value;
    }
}
