using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadAlign.Runtime;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Reporting
{
    /// <summary>
    /// Closes an agreement's business week: computes its scorecard and writes it to the one la_alignmentweek row of that agreement
    /// and week (created the first time, updated after), as SYSTEM. The agreement row is locked first (an update that changes
    /// nothing), so two closes of one week at once write one row. When the row is new or a figure changed, each team manager
    /// (the administrator of the agreement's sales team and of its marketing team) who can read the row gets an in-app
    /// notification linking to it, created as SYSTEM; a re-run that changes nothing notifies no one.
    /// </summary>
    internal static class AlignmentWeekClose
    {
        /// <summary>AccessRights.ReadAccess of RetrievePrincipalAccess's answer.</summary>
        private const int ReadAccess = 1;

        /// <summary>The columns of the agreement a close reads.</summary>
        public static readonly string[] AgreementColumns =
        {
            AgreementTable.Name, AgreementTable.TimeZoneCode, AgreementTable.MqlsPerWeek, AgreementTable.PipelineSharePercent,
            AgreementTable.SalesTeamId, AgreementTable.MarketingTeamId, AgreementTable.DecisionDays,
        };

        /// <summary>
        /// Closes <paramref name="week"/> of <paramref name="agreement"/> through <paramref name="system"/>, SYSTEM's service.
        /// </summary>
        /// <exception cref="BusinessRuleException">The week is not over at <paramref name="now"/>.</exception>
        public static AlignmentWeekClosed Close(IOrganizationService system, Entity agreement, AlignmentWeekSpan week, DateTime now, Action<string> trace)
        {
            var agreementName = agreement.GetAttributeValue<string>(AgreementTable.Name) ?? "the agreement";
            if (week.End > now)
            {
                throw new BusinessRuleException(string.Format(CultureInfo.InvariantCulture,
                    "The week of {0} is not over yet: it ends on {1:yyyy-MM-dd} at 00:00 in {2}'s time zone ({3:yyyy-MM-dd HH:mm} UTC). Close it after then, or give an earlier WeekStart.",
                    week.Label, week.Monday.AddDays(7), agreementName, week.End));
            }

            system.Update(new Entity(AgreementTable.EntityName, agreement.Id));
            var figures = AlignmentWeekFigures.Compute(new AlignmentReportReader(system, () => false), agreement, week);
            var existing = Find(system, agreement.Id, week);
            var columns = figures.Columns();
            var row = new Entity(AlignmentWeekTable.EntityName) { [AlignmentWeekTable.ClosedOn] = now };
            foreach (var column in columns)
            {
                row[column.Key] = column.Value;
            }

            bool changed;
            if (existing == null)
            {
                row[AlignmentWeekTable.Name] = $"{agreementName}: week of {week.Label}";
                row[AlignmentWeekTable.AgreementId] = new EntityReference(AgreementTable.EntityName, agreement.Id);
                row[AlignmentWeekTable.WeekStart] = week.Start;
                row[AlignmentWeekTable.WeekEnd] = week.End;
                row.Id = system.Create(row);
                changed = true;
            }
            else
            {
                changed = figures.DifferFrom(existing);
                row.Id = existing.Id;
                system.Update(row);
            }

            var reference = new EntityReference(AlignmentWeekTable.EntityName, row.Id);
            var notified = changed ? Notify(system, agreement, week, figures, reference, trace) : 0;
            trace($"Week of {week.Label} closed for {agreementName}: row {row.Id} {(existing == null ? "created" : changed ? "updated with changed figures" : "unchanged")}, {notified} manager(s) notified.");
            return new AlignmentWeekClosed(reference, existing == null, changed, notified, Summary(figures));
        }

        /// <summary>The week's row of the agreement, with its figures, or null.</summary>
        public static Entity? Find(IOrganizationService service, Guid agreementId, AlignmentWeekSpan week)
        {
            var query = new QueryExpression(AlignmentWeekTable.EntityName) { ColumnSet = new ColumnSet(true), TopCount = 1 };
            query.Criteria.AddCondition(AlignmentWeekTable.AgreementId, ConditionOperator.Equal, agreementId);
            query.Criteria.AddCondition(AlignmentWeekTable.WeekStart, ConditionOperator.Equal, week.Start);
            return service.RetrieveMultiple(query).Entities.FirstOrDefault();
        }

        /// <summary>The one-line summary the notification and the trace give: how many commitments were met, and which were missed.</summary>
        public static string Summary(AlignmentWeekFigures figures)
        {
            var measured = figures.Results.Where(result => result.Value != CommitmentResult.NotMeasured).ToList();
            var missed = measured.Where(result => result.Value == CommitmentResult.Missed).Select(result => result.Key).ToList();
            var met = measured.Count - missed.Count;
            return missed.Count == 0
                ? $"{met} of {measured.Count} commitments met."
                : $"{met} of {measured.Count} commitments met; missed: {string.Join(", ", missed)}.";
        }

        private static int Notify(IOrganizationService system, Entity agreement, AlignmentWeekSpan week, AlignmentWeekFigures figures, EntityReference row, Action<string> trace)
        {
            var managers = new List<Guid>();
            foreach (var team in new[] { AgreementTable.SalesTeamId, AgreementTable.MarketingTeamId })
            {
                if (agreement.GetAttributeValue<EntityReference>(team) is { } teamRef
                    && system.Retrieve(TeamTable.EntityName, teamRef.Id, new ColumnSet(TeamTable.AdministratorId)).GetAttributeValue<EntityReference>(TeamTable.AdministratorId) is { } manager
                    && !managers.Contains(manager.Id))
                {
                    managers.Add(manager.Id);
                }
            }

            var notified = 0;
            foreach (var manager in managers)
            {
                if (!CanRead(system, manager, row))
                {
                    trace($"Manager {manager} cannot read the week row: not notified.");
                    continue;
                }

                system.Create(new Entity(AppNotificationTable.EntityName)
                {
                    [AppNotificationTable.Title] = $"Alignment scorecard: week of {week.Label}",
                    [AppNotificationTable.Body] = $"{Summary(figures)} MQLs {figures.Mqls} of {Committed(figures.MqlCommitment)}, SQLs {figures.Sqls}.",
                    [AppNotificationTable.OwnerId] = new EntityReference(SystemUserTable.EntityName, manager),
                    [AppNotificationTable.IconType] = new OptionSetValue(AppNotificationTable.IconInfo),
                    [AppNotificationTable.ToastType] = new OptionSetValue(AppNotificationTable.ToastTimed),
                    [AppNotificationTable.Priority] = new OptionSetValue(AppNotificationTable.PriorityNormal),
                    [AppNotificationTable.Data] = "{\"actions\":[{\"title\":\"Open the week\",\"data\":{\"url\":\"?pagetype=entityrecord&etn=" + AlignmentWeekTable.EntityName + "&id=" + row.Id.ToString("D") + "\"}}]}",
                });
                notified++;
            }

            return notified;
        }

        /// <summary>
        /// Whether <paramref name="user"/> may read <paramref name="row"/>: RetrievePrincipalAccess, asked as SYSTEM (a refused read
        /// as the user would fail this whole operation, as any failed call inside a plug-in does). Its AccessRights is the
        /// platform's flags enum (ReadAccess = 1), read with Convert.ToInt32 so an int answers the same.
        /// </summary>
        private static bool CanRead(IOrganizationService system, Guid user, EntityReference row)
        {
            var request = new OrganizationRequest("RetrievePrincipalAccess");
            request["Target"] = row;
            request["Principal"] = new EntityReference(SystemUserTable.EntityName, user);
            return (Convert.ToInt32(system.Execute(request).Results["AccessRights"], CultureInfo.InvariantCulture) & ReadAccess) != 0;
        }

        private static string Committed(int? commitment) => commitment?.ToString(CultureInfo.InvariantCulture) ?? "no commitment";
    }
}
