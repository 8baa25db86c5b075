using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Lifecycle;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Tests.Lifecycle
{
    /// <summary>
    /// What routing must leave behind however many handoffs ran at once, checked over an organization's stored rows: for the
    /// scenario tests here and for the load test that hands leads off from several threads. Each finding is one sentence naming
    /// the rows; none means every invariant holds.
    /// <list type="bullet">
    /// <item><b>Positions</b>: every handoff's history row has its own rotation position, the positions are 1 to N without a gap,
    /// and N is the agreement's handoff count (two handoffs that read the rotation at once would share one).</item>
    /// <item><b>Rotation</b>: each rep's la_routingsequence is the position of the last handoff routed to the rep.</item>
    /// <item><b>Cap</b>: no rep owns more open leads than the agreement's cap.</item>
    /// <item><b>Fairness</b> (when asked): the reps' numbers of handoffs differ by at most one.</item>
    /// <item><b>Replay</b>: routing the handoffs again in position order with <see cref="LeadRouter.Choose"/>, from the reps as
    /// they were before the first handoff, sends each handoff to the rep its row names.</item>
    /// </list>
    /// The replay and the fairness check (each can be left out) assume the run started from reps with no handoffs and no open leads, that the team,
    /// the reps' availability and the cap did not change, and that no lead was closed or reassigned during the run: a load test
    /// of handoffs, as <see cref="HandoffLoadTests"/> runs one sequentially.
    /// </summary>
    internal static class RoutingInvariants
    {
        /// <summary>The broken invariants, one sentence each; empty when routing left the rows as it must.</summary>
        public static IReadOnlyList<string> Check(InMemoryDataverse org, Guid agreementId, IReadOnlyCollection<Guid> reps, bool expectEvenShares, bool replay = true)
        {
            var findings = new List<string>();
            var agreement = org.Get(AgreementTable.EntityName, agreementId) ?? throw new ArgumentException($"No agreement {agreementId}.", nameof(agreementId));
            var cap = agreement.GetAttributeValue<int?>(AgreementTable.MaxOpenLeadsPerRep) ?? int.MaxValue;
            var handoffs = org.All(LeadStageChangeTable.EntityName)
                .Where(row => row.Contains(LeadStageChangeTable.RotationPosition))
                .Select(row => new
                {
                    Row = row.Id,
                    Position = row.GetAttributeValue<int>(LeadStageChangeTable.RotationPosition),
                    Rep = row.GetAttributeValue<EntityReference>(LeadStageChangeTable.RoutedToId)?.Id,
                })
                .OrderBy(handoff => handoff.Position)
                .ToList();

            foreach (var shared in handoffs.GroupBy(handoff => handoff.Position).Where(group => group.Count() > 1))
            {
                findings.Add($"Position {shared.Key} was taken by {shared.Count()} handoffs ({string.Join(", ", shared.Select(handoff => handoff.Row))}).");
            }

            var positions = handoffs.Select(handoff => handoff.Position).ToList();
            if (!positions.SequenceEqual(Enumerable.Range(1, positions.Count)))
            {
                findings.Add($"The {positions.Count} handoffs' positions are not 1 to {positions.Count}, one each: {Describe(positions)}.");
            }

            var count = agreement.GetAttributeValue<int?>(AgreementTable.HandoffCount) ?? 0;
            if (count != handoffs.Count)
            {
                findings.Add($"The agreement counts {count} handoffs; the history holds {handoffs.Count}.");
            }

            foreach (var handoff in handoffs.Where(handoff => handoff.Rep == null || !reps.Contains(handoff.Rep.Value)))
            {
                findings.Add($"The handoff at position {handoff.Position} names {handoff.Rep?.ToString() ?? "no rep"}, not a rep of the team.");
            }

            foreach (var rep in reps)
            {
                var last = handoffs.Where(handoff => handoff.Rep == rep).Select(handoff => handoff.Position).DefaultIfEmpty(0).Max();
                var sequence = org.Get(SystemUserTable.EntityName, rep)?.GetAttributeValue<int?>(SystemUserTable.RoutingSequence) ?? 0;
                if (sequence != last)
                {
                    findings.Add($"Rep {rep} is at rotation position {sequence}, but the last handoff routed to the rep took {last}.");
                }
            }

            var open = LeadStages.Open.Select(stage => (int)stage).ToHashSet();
            var openLeads = org.All(LeadTable.EntityName)
                .Where(lead => open.Contains(lead.GetAttributeValue<OptionSetValue>(LeadTable.Stage)?.Value ?? -1))
                .GroupBy(lead => lead.GetAttributeValue<EntityReference>(LeadTable.OwnerId).Id)
                .ToDictionary(group => group.Key, group => group.Count());
            foreach (var rep in reps.Where(rep => openLeads.TryGetValue(rep, out var held) && held > cap))
            {
                findings.Add($"Rep {rep} owns {openLeads[rep]} open leads, above the cap of {cap}.");
            }

            if (expectEvenShares)
            {
                var shares = reps.ToDictionary(rep => rep, rep => handoffs.Count(handoff => handoff.Rep == rep));
                if (shares.Values.Max() - shares.Values.Min() > 1)
                {
                    findings.Add($"The reps' shares differ by more than one: {string.Join(", ", shares.Select(share => share.Key + ": " + share.Value.ToString(CultureInfo.InvariantCulture)))}.");
                }
            }

            if (replay)
            {
                findings.AddRange(Replay(reps, cap, handoffs.Select(handoff => (handoff.Position, handoff.Rep)).ToList()));
            }

            return findings;
        }

        /// <summary>The handoffs, in position order, routed again from reps without handoffs or open leads: where the replay differs.</summary>
        private static IEnumerable<string> Replay(IReadOnlyCollection<Guid> reps, int cap, IReadOnlyList<(int Position, Guid? Rep)> handoffs)
        {
            var state = reps.ToDictionary(rep => rep, rep => new RoutingCandidate(rep, string.Empty, 0, 0));
            foreach (var handoff in handoffs)
            {
                var chosen = LeadRouter.Choose(state.Values, cap)?.UserId;
                if (chosen != handoff.Rep)
                {
                    yield return $"Replaying position {handoff.Position} routes it to {chosen?.ToString() ?? "no rep"}; the history says {handoff.Rep?.ToString() ?? "no rep"}.";
                }

                // Carry on from what happened, so one divergence is reported once.
                if (handoff.Rep is { } rep && state.TryGetValue(rep, out var routed))
                {
                    state[rep] = new RoutingCandidate(rep, string.Empty, handoff.Position, routed.OpenLeads + 1);
                }
            }
        }

        private static string Describe(IReadOnlyList<int> positions) =>
            positions.Count <= 12 ? string.Join(", ", positions) : string.Join(", ", positions.Take(6)) + " … " + string.Join(", ", positions.Skip(positions.Count - 6));
    }
}
