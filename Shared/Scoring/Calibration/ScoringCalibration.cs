using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Reporting;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Scoring.Calibration
{
    /// <summary>
    /// Reads what the scoring calibration of a period needs (the one assembler la_GetScoringCalibration and the alignment report
    /// share): five queries of a page per 5,000 rows, see <see cref="CalibrationQueries"/>.
    /// <list type="bullet">
    /// <item>Population: the leads that became MQL in the period (la_mqlon in [start, end)); the score at MQL is the la_score of the
    /// lead's last move to MQL made in the period (la_leadstagechange), else the lead's la_score; a lead with neither is left out
    /// (counted as unscored). SQL reached: la_sqlon set or stage SQL or Converted; not reached: Rejected, Nurture or disqualified;
    /// any other lead is open and left out of the SQL figures. Won: la_outcome Won; Lost counts as not won; no outcome is left out.</item>
    /// <item>Score distribution (PSI and the capacity threshold): the current la_score of the leads created in the period, against the
    /// leads created in the previous period of equal length. Creation, not la_scoredon: every re-scoring (the Monday recalculation)
    /// moves la_scoredon, so a past period's leads would have left it.</item>
    /// <item>Reps: the enabled users on the agreement's sales team; when it has none, the distinct owners of the leads handed off in
    /// the period (la_handoffon).</item>
    /// </list>
    /// </summary>
    internal static class ScoringCalibration
    {
        /// <summary>The leads each rep accepts a week when the agreement does not say.</summary>
        public const int DefaultAcceptsPerRepPerWeek = 25;

        private const int Disqualified = 2;

        /// <summary>The agreement columns the calibration reads.</summary>
        public static readonly string[] AgreementColumns = { AgreementTable.SalesTeamId, AgreementTable.AcceptsPerRepPerWeek };

        /// <exception cref="ReportTooLargeException">The time a plug-in may run would not be enough for the next page.</exception>
        public static CalibrationFigures Assemble(AlignmentReportReader reader, Entity agreement, DateTime start, DateTime end)
        {
            if (reader == null) throw new ArgumentNullException(nameof(reader));
            if (agreement == null) throw new ArgumentNullException(nameof(agreement));
            var previousStart = start - (end - start);
            var model = reader.ReadFirst(CalibrationQueries.ActiveModel());

            var movedScores = new Dictionary<Guid, KeyValuePair<DateTime, int>>();
            foreach (var move in reader.ReadAll(CalibrationQueries.MqlMoves(start, end)))
            {
                var lead = move.GetAttributeValue<EntityReference>(LeadStageChangeTable.LeadId)?.Id;
                var score = move.GetAttributeValue<int?>(LeadStageChangeTable.Score);
                var on = move.GetAttributeValue<DateTime>(LeadStageChangeTable.ChangedOn);
                if (lead.HasValue && score.HasValue && (!movedScores.TryGetValue(lead.Value, out var known) || on >= known.Key))
                {
                    movedScores[lead.Value] = new KeyValuePair<DateTime, int>(on, score.Value);
                }
            }

            var population = new List<CalibrationLead>();
            var unscored = 0;
            foreach (var lead in reader.ReadAll(CalibrationQueries.MqlLeads(start, end)))
            {
                int? score = movedScores.TryGetValue(lead.Id, out var moved) ? moved.Value : lead.GetAttributeValue<int?>(LeadTable.Score);
                if (!score.HasValue)
                {
                    unscored++;
                    continue;
                }

                population.Add(new CalibrationLead(score.Value, SqlOutcome(lead), WonOutcome(lead)));
            }

            var scores = new List<int>();
            var previousScores = new List<int>();
            foreach (var lead in reader.ReadAll(CalibrationQueries.CreatedScores(previousStart, end)))
            {
                (lead.GetAttributeValue<DateTime>(LeadTable.CreatedOn) >= start ? scores : previousScores).Add(lead.GetAttributeValue<int>(LeadTable.Score));
            }

            var team = agreement.GetAttributeValue<EntityReference>(AgreementTable.SalesTeamId);
            var reps = team != null ? reader.ReadAll(CalibrationQueries.SalesTeamReps(team.Id)).Count : 0;
            var repsFrom = CalibrationFigures.RepsFromSalesTeam;
            if (reps == 0)
            {
                repsFrom = CalibrationFigures.RepsFromHandoffOwners;
                reps = reader.ReadAll(CalibrationQueries.HandoffOwners(start, end))
                    .Select(lead => lead.GetAttributeValue<EntityReference>(LeadTable.OwnerId)?.Id)
                    .Where(owner => owner.HasValue)
                    .Distinct()
                    .Count();
            }

            return new CalibrationFigures(
                start,
                end,
                previousStart,
                model,
                population,
                unscored,
                scores,
                previousScores,
                reps,
                repsFrom,
                agreement.GetAttributeValue<int?>(AgreementTable.AcceptsPerRepPerWeek) ?? DefaultAcceptsPerRepPerWeek);
        }

        private static bool? SqlOutcome(Entity lead)
        {
            var stage = lead.GetAttributeValue<OptionSetValue>(LeadTable.Stage)?.Value;
            if (lead.GetAttributeValue<DateTime?>(LeadTable.SqlOn).HasValue || stage == (int)LeadStage.Sql || stage == (int)LeadStage.Converted)
            {
                return true;
            }

            if (stage == (int)LeadStage.Rejected || stage == (int)LeadStage.Nurture || lead.GetAttributeValue<OptionSetValue>(LeadTable.StateCode)?.Value == Disqualified)
            {
                return false;
            }

            return null;
        }

        private static bool? WonOutcome(Entity lead)
        {
            var outcome = lead.GetAttributeValue<OptionSetValue>(LeadTable.Outcome)?.Value;
            return outcome == (int)Outcome.Won ? true : outcome == (int)Outcome.Lost ? false : (bool?)null;
        }
    }
}
