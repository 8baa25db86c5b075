using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using LeadAlign.Dataverse;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Tests.Reporting
{
    /// <summary>
    /// The report the contract asks for, worked out here from the organization's raw rows (<see cref="InMemoryDataverse.All"/>)
    /// without any of the product's reporting code: what the test holds the Custom API's answer against.
    /// </summary>
    internal sealed class ExpectedReport
    {
        private readonly InMemoryDataverse _org;
        private readonly DateTime _start;
        private readonly DateTime _end;
        private readonly DateTime _now;
        private readonly TimeZoneInfo _zone;
        private readonly string _zoneId;
        private readonly Entity _agreement;

        public ExpectedReport(InMemoryDataverse org, Guid agreementId, DateTime start, DateTime end, DateTime now)
        {
            _org = org;
            _start = start;
            _end = end;
            _now = now;
            _agreement = org.Get(AgreementTable.EntityName, agreementId)!;
            _zoneId = ZoneIdOf(_agreement.GetAttributeValue<int?>(AgreementTable.TimeZoneCode));
            _zone = TimeZoneInfo.FindSystemTimeZoneById(_zoneId);
        }

        private static readonly Dictionary<int, string> Sources = new() { [1] = "Advertisement", [2] = "Employee Referral", [3] = "External Referral", [4] = "Partner", [5] = "Public Relations", [6] = "Seminar", [7] = "Trade Show", [8] = "Web", [9] = "Word of Mouth", [10] = "Other" };

        private static readonly Dictionary<int, string> Reasons = new()
        {
            [(int)RejectionReason.NotAFit] = "Not a fit", [(int)RejectionReason.NoBudget] = "No budget", [(int)RejectionReason.BadContactData] = "Bad contact data",
            [(int)RejectionReason.Duplicate] = "Duplicate", [(int)RejectionReason.Competitor] = "Competitor", [(int)RejectionReason.StudentOrJobSeeker] = "Student or job seeker",
            [(int)RejectionReason.NotReadyYet] = "Not ready yet", [(int)RejectionReason.Other] = "Other",
        };

        private bool InPeriod(DateTime on) => on >= _start && on < _end;

        public JsonObject Build()
        {
            var leads = _org.All(LeadTable.EntityName).Where(lead => InPeriod(lead.GetAttributeValue<DateTime>("createdon"))).ToList();
            var ids = leads.Select(lead => lead.Id).ToHashSet();
            var history = _org.All(LeadStageChangeTable.EntityName).ToList();
            DateTime? First(Guid lead, LeadStage stage) => history
                .Where(row => row.GetAttributeValue<EntityReference>(LeadStageChangeTable.LeadId)?.Id == lead && row.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.ToStage)?.Value == (int)stage)
                .Select(row => (DateTime?)row.GetAttributeValue<DateTime>(LeadStageChangeTable.ChangedOn)).Min();
            var opportunities = _org.All("opportunity").ToList();
            List<Entity> OpportunitiesOf(Guid lead) => opportunities.Where(row => row.GetAttributeValue<EntityReference>("originatingleadid")?.Id == lead).ToList();
            bool WonLead(Guid lead) => OpportunitiesOf(lead).Any(row => row.GetAttributeValue<OptionSetValue>("statecode").Value == 1);
            bool LostLead(Guid lead) => !WonLead(lead) && OpportunitiesOf(lead).Any(row => row.GetAttributeValue<OptionSetValue>("statecode").Value == 2);
            decimal Revenue(Guid lead) => OpportunitiesOf(lead).Where(row => row.GetAttributeValue<OptionSetValue>("statecode").Value == 1).Sum(row => row.GetAttributeValue<Money>("actualvalue")?.Value ?? 0m);
            DateTime? FirstOpportunity(Guid lead) => OpportunitiesOf(lead).Select(row => (DateTime?)row.GetAttributeValue<DateTime>("createdon")).Min();
            DateTime? WonOn(Guid lead) => OpportunitiesOf(lead).Where(row => row.GetAttributeValue<OptionSetValue>("statecode").Value == 1).Select(row => row.GetAttributeValue<DateTime?>("actualclosedate")).Min();

            var report = new JsonObject
            {
                ["version"] = 1,
                ["generatedOn"] = Instant(_now),
                ["complete"] = true,
                ["notice"] = string.Empty,
                ["agreement"] = Agreement(),
                ["period"] = new JsonObject { ["start"] = Instant(_start), ["end"] = Instant(_end) },
                ["leads"] = leads.Count,
            };

            // The waterfall: each stage's count, conversion from the row before, and hours from first reaching the stage before.
            var steps = new (string Name, Func<Guid, DateTime?> From, Func<Guid, DateTime?> To, Func<Guid, bool> Reached)[]
            {
                ("Inquiry", _ => null, _ => null, _ => true),
                ("MQL", lead => leads.Single(row => row.Id == lead).GetAttributeValue<DateTime>("createdon"), lead => First(lead, LeadStage.Mql), lead => First(lead, LeadStage.Mql) != null),
                ("SAL", lead => First(lead, LeadStage.Mql), lead => First(lead, LeadStage.Sal), lead => First(lead, LeadStage.Sal) != null),
                ("SQL", lead => First(lead, LeadStage.Sal), lead => First(lead, LeadStage.Sql), lead => First(lead, LeadStage.Sql) != null),
                ("Opportunity", lead => First(lead, LeadStage.Sql), FirstOpportunity, lead => OpportunitiesOf(lead).Count > 0),
                ("Won", FirstOpportunity, WonOn, WonLead),
            };
            var waterfall = new JsonArray();
            int? previous = null;
            foreach (var step in steps)
            {
                var count = ids.Count(step.Reached);
                var hours = ids.Select(lead => (From: step.From(lead), To: step.To(lead))).Where(pair => pair.From != null && pair.To != null)
                    .Select(pair => Math.Max(0m, (decimal)(pair.To!.Value - pair.From!.Value).Ticks / TimeSpan.TicksPerHour)).ToList();
                waterfall.Add(new JsonObject
                {
                    ["stage"] = step.Name,
                    ["count"] = count,
                    ["conversionPercent"] = previous == null ? null : Percent(count, previous.Value),
                    ["medianHours"] = Percentile(hours, 0.5m),
                    ["p90Hours"] = Percentile(hours, 0.9m),
                });
                previous = count;
            }

            report["waterfall"] = waterfall;
            report["revenueWon"] = ids.Sum(Revenue);

            JsonArray Groups(IEnumerable<IGrouping<string, Entity>> groups) => new(groups
                .Select(group => (Name: group.Key, Leads: group.Select(lead => lead.Id).ToList()))
                .OrderByDescending(group => group.Leads.Count).ThenBy(group => group.Name, StringComparer.Ordinal)
                .Select(group =>
                {
                    var mql = group.Leads.Count(lead => First(lead, LeadStage.Mql) != null);
                    var sql = group.Leads.Count(lead => First(lead, LeadStage.Sql) != null);
                    var opportunityCount = group.Leads.Count(lead => OpportunitiesOf(lead).Count > 0);
                    var won = group.Leads.Count(WonLead);
                    return (JsonNode)new JsonObject
                    {
                        ["name"] = group.Name,
                        ["leads"] = group.Leads.Count,
                        ["mql"] = mql,
                        ["sal"] = group.Leads.Count(lead => First(lead, LeadStage.Sal) != null),
                        ["sql"] = sql,
                        ["opportunities"] = opportunityCount,
                        ["won"] = won,
                        ["lost"] = group.Leads.Count(LostLead),
                        ["revenue"] = group.Leads.Sum(Revenue),
                        ["mqlPercent"] = Percent(mql, group.Leads.Count),
                        ["sqlPercent"] = Percent(sql, group.Leads.Count),
                        ["winPercent"] = Percent(won, opportunityCount),
                    };
                }).ToArray());

            report["byCampaign"] = Groups(leads.GroupBy(lead => lead.GetAttributeValue<EntityReference>("campaignid") is { } campaign ? _org.Get("campaign", campaign.Id)!.GetAttributeValue<string>("name") : "(no campaign)"));
            report["bySource"] = Groups(leads.GroupBy(lead => lead.GetAttributeValue<OptionSetValue>("leadsourcecode") is { } source ? Sources[source.Value] : "(none)"));
            Commitments(report, history, opportunities);
            report["sla"] = Sla(ids);
            report["rejectionsByCampaign"] = Rejections();

            var bands = new JsonArray();
            foreach (var (value, label) in new[] { ((int)ScoreBand.Cold, "Cold"), ((int)ScoreBand.Warm, "Warm"), ((int)ScoreBand.Hot, "Hot") })
            {
                var inBand = leads.Where(lead => lead.GetAttributeValue<OptionSetValue>(LeadTable.ScoreBand)?.Value == value).Select(lead => lead.Id).ToList();
                var sql = inBand.Count(lead => First(lead, LeadStage.Sql) != null);
                var won = inBand.Count(WonLead);
                bands.Add(new JsonObject { ["band"] = label, ["leads"] = inBand.Count, ["sql"] = sql, ["sqlPercent"] = Percent(sql, inBand.Count), ["won"] = won, ["winPercent"] = Percent(won, inBand.Count) });
            }

            report["scoreBands"] = bands;
            report["speedToLead"] = SpeedToLead(leads, lead => First(lead, LeadStage.Sql) != null);
            report["weeks"] = Weeks();
            report["calibration"] = new Scoring.Calibration.ExpectedCalibration(_org, _agreement, _start, _end).Build();
            return report;
        }

        /// <summary>Speed to lead of the handed-off leads (handoff date set), overall and per rep (routed-to user, else owning user).</summary>
        private JsonObject SpeedToLead(List<Entity> leads, Func<Guid, bool> reachedSql)
        {
            string RepOf(Entity lead)
            {
                var user = lead.GetAttributeValue<EntityReference>(LeadTable.RoutedToId) ?? lead.GetAttributeValue<EntityReference>("ownerid");
                return user?.LogicalName == "systemuser" ? _org.Get("systemuser", user.Id)!.GetAttributeValue<string>("fullname") : "(no rep)";
            }

            JsonObject Row(string? rep, List<Entity> group)
            {
                var accept = group.Select(lead => lead.GetAttributeValue<int?>(LeadTable.MinutesToAccept)).Where(value => value != null).Select(value => (decimal)value!.Value).ToList();
                var contacted = group.Where(lead => lead.GetAttributeValue<int?>(LeadTable.MinutesToFirstContact) != null)
                    .Select(lead => (lead.Id, Minutes: lead.GetAttributeValue<int>(LeadTable.MinutesToFirstContact))).ToList();
                var withinHour = contacted.Where(lead => lead.Minutes <= 60).ToList();
                var later = contacted.Where(lead => lead.Minutes > 60).ToList();
                var row = new JsonObject();
                if (rep != null)
                {
                    row["rep"] = rep;
                }

                row["leads"] = group.Count;
                row["acceptMedianMinutes"] = Percentile(accept, 0.5m);
                row["acceptP90Minutes"] = Percentile(accept, 0.9m);
                row["contactMedianMinutes"] = Percentile(contacted.Select(lead => (decimal)lead.Minutes).ToList(), 0.5m);
                row["contactP90Minutes"] = Percentile(contacted.Select(lead => (decimal)lead.Minutes).ToList(), 0.9m);
                row["within5MinutesPercent"] = Percent(contacted.Count(lead => lead.Minutes <= 5), group.Count);
                row["within60MinutesPercent"] = Percent(withinHour.Count, group.Count);
                row["sqlPercentContactedWithinHour"] = Percent(withinHour.Count(lead => reachedSql(lead.Id)), withinHour.Count);
                row["sqlPercentContactedLater"] = Percent(later.Count(lead => reachedSql(lead.Id)), later.Count);
                return row;
            }

            var handedOff = leads.Where(lead => lead.GetAttributeValue<DateTime?>(LeadTable.HandoffOn) != null).ToList();
            return new JsonObject
            {
                ["overall"] = Row(null, handedOff),
                ["hotLane"] = Row(null, handedOff.Where(lead => lead.GetAttributeValue<bool?>(LeadTable.HotLane) == true).ToList()),
                ["otherLeads"] = Row(null, handedOff.Where(lead => lead.GetAttributeValue<bool?>(LeadTable.HotLane) != true).ToList()),
                ["salesQueue"] = new JsonObject
                {
                    ["leads"] = handedOff.Count(lead => lead.GetAttributeValue<int?>(LeadTable.MinutesInQueue) != null),
                    ["waitMedianMinutes"] = Percentile(handedOff.Where(lead => lead.GetAttributeValue<int?>(LeadTable.MinutesInQueue) != null).Select(lead => (decimal)lead.GetAttributeValue<int>(LeadTable.MinutesInQueue)).ToList(), 0.5m),
                    ["waitP90Minutes"] = Percentile(handedOff.Where(lead => lead.GetAttributeValue<int?>(LeadTable.MinutesInQueue) != null).Select(lead => (decimal)lead.GetAttributeValue<int>(LeadTable.MinutesInQueue)).ToList(), 0.9m),
                },
                ["byRep"] = new JsonArray(handedOff.GroupBy(RepOf).OrderBy(group => group.Key, StringComparer.Ordinal).Select(group => (JsonNode)Row(group.Key, group.ToList())).ToArray()),
            };
        }

        /// <summary>The Windows id of a time zone code, as the organization's timezonedefinition rows give it (read from the seed, no call); UTC when there is none.</summary>
        private static string ZoneIdOf(int? code) =>
            code == null ? "UTC" : LeadAlign.Dataverse.Organization.PlatformTimeZones.Rows.Single(zone => zone.Code == code).StandardName;

        private JsonObject Agreement() => new()
        {
            ["id"] = _agreement.Id.ToString(),
            ["name"] = _agreement.GetAttributeValue<string>(AgreementTable.Name),
            ["timeZone"] = _zoneId,
            ["mqlsPerWeek"] = _agreement.GetAttributeValue<int?>(AgreementTable.MqlsPerWeek),
            ["pipelineSharePercent"] = _agreement.GetAttributeValue<int?>(AgreementTable.PipelineSharePercent),
            ["sqlsPerMonth"] = _agreement.GetAttributeValue<int?>(AgreementTable.SqlsPerMonth),
        };

        private void Commitments(JsonObject report, List<Entity> history, List<Entity> opportunities)
        {
            List<DateTime> LocalMoves(LeadStage stage) => history
                .Where(row => row.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.ToStage)?.Value == (int)stage && InPeriod(row.GetAttributeValue<DateTime>(LeadStageChangeTable.ChangedOn)))
                .Select(row => TimeZoneInfo.ConvertTimeFromUtc(row.GetAttributeValue<DateTime>(LeadStageChangeTable.ChangedOn), _zone)).ToList();
            bool Partial(DateTime localFrom, DateTime localTo)
            {
                var from = TimeZoneInfo.ConvertTimeToUtc(localFrom, _zone);
                var to = TimeZoneInfo.ConvertTimeToUtc(localTo, _zone);
                return from < _start || to > _end || to > _now;
            }

            var localStart = TimeZoneInfo.ConvertTimeFromUtc(_start, _zone);
            var localEnd = TimeZoneInfo.ConvertTimeFromUtc(_end, _zone);
            var mqls = LocalMoves(LeadStage.Mql);
            var perWeek = _agreement.GetAttributeValue<int?>(AgreementTable.MqlsPerWeek);
            var weeks = new JsonArray();
            var monday = localStart.Date;
            while (monday.DayOfWeek != DayOfWeek.Monday)
            {
                monday = monday.AddDays(-1);
            }

            for (; monday < localEnd; monday = monday.AddDays(7))
            {
                var count = mqls.Count(on => on >= monday && on < monday.AddDays(7));
                var partial = Partial(monday, monday.AddDays(7));
                weeks.Add(new JsonObject { ["weekStart"] = monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["mql"] = count, ["commitment"] = perWeek, ["partial"] = partial, ["met"] = partial || perWeek == null ? null : count >= perWeek });
            }

            report["weeklyMql"] = weeks;

            var sqls = LocalMoves(LeadStage.Sql);
            var perMonth = _agreement.GetAttributeValue<int?>(AgreementTable.SqlsPerMonth);
            var months = new JsonArray();
            for (var month = new DateTime(localStart.Year, localStart.Month, 1); month < localEnd; month = month.AddMonths(1))
            {
                var count = sqls.Count(on => on >= month && on < month.AddMonths(1));
                var partial = Partial(month, month.AddMonths(1));
                months.Add(new JsonObject { ["month"] = month.ToString("yyyy-MM", CultureInfo.InvariantCulture), ["sql"] = count, ["commitment"] = perMonth, ["partial"] = partial, ["met"] = partial || perMonth == null ? null : count >= perMonth });
            }

            report["sqlsPerMonth"] = months;

            var created = opportunities.Where(row => InPeriod(row.GetAttributeValue<DateTime>("createdon"))).ToList();
            var marketing = created.Where(row => row.GetAttributeValue<EntityReference>("originatingleadid") is { } lead
                && history.Any(move => move.GetAttributeValue<EntityReference>(LeadStageChangeTable.LeadId)?.Id == lead.Id && move.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.ToStage)?.Value == (int)LeadStage.Mql)).ToList();
            var share = Percent(marketing.Count, created.Count);
            var commitment = _agreement.GetAttributeValue<int?>(AgreementTable.PipelineSharePercent);
            report["pipelineShare"] = new JsonObject
            {
                ["opportunities"] = created.Count,
                ["fromMarketing"] = marketing.Count,
                ["percent"] = share,
                ["commitmentPercent"] = commitment,
                ["met"] = share == null || commitment == null ? null : share >= commitment,
                ["value"] = created.Sum(row => row.GetAttributeValue<Money>("estimatedvalue")?.Value ?? 0m),
                ["valueFromMarketing"] = marketing.Sum(row => row.GetAttributeValue<Money>("estimatedvalue")?.Value ?? 0m),
            };
        }

        private JsonObject Sla(HashSet<Guid> cohort)
        {
            var clocks = _org.All("slakpiinstance")
                .Where(row => row.GetAttributeValue<EntityReference>("regarding") is { } regarding && cohort.Contains(regarding.Id))
                .Where(row => row.GetAttributeValue<OptionSetValue>("status").Value != 5)
                .Where(row => row.GetAttributeValue<string>("name") is "Accept by" or "First contact by")
                .Select(row => (
                    Kpi: row.GetAttributeValue<string>("name") == "Accept by" ? "Accept" : "First contact",
                    Rep: _org.Get("systemuser", row.GetAttributeValue<EntityReference>("ownerid").Id)!.GetAttributeValue<string>("fullname"),
                    Status: row.GetAttributeValue<OptionSetValue>("status").Value))
                .ToList();
            JsonObject Row(string? rep, string kpi, IEnumerable<int> statuses)
            {
                var list = statuses.ToList();
                var succeeded = list.Count(status => status == 4);
                var breached = list.Count(status => status == 1);
                var row = new JsonObject();
                if (rep != null)
                {
                    row["rep"] = rep;
                }

                row["kpi"] = kpi;
                row["succeeded"] = succeeded;
                row["breached"] = breached;
                row["open"] = list.Count(status => status is 0 or 2 or 3);
                row["compliancePercent"] = Percent(succeeded, succeeded + breached);
                return row;
            }

            return new JsonObject
            {
                ["overall"] = new JsonArray(new[] { "Accept", "First contact" }.Select(kpi => (JsonNode)Row(null, kpi, clocks.Where(clock => clock.Kpi == kpi).Select(clock => clock.Status))).ToArray()),
                ["byRep"] = new JsonArray(clocks.GroupBy(clock => (clock.Rep, clock.Kpi)).OrderBy(group => group.Key.Rep, StringComparer.Ordinal).ThenBy(group => group.Key.Kpi, StringComparer.Ordinal)
                    .Select(group => (JsonNode)Row(group.Key.Rep, group.Key.Kpi, group.Select(clock => clock.Status))).ToArray()),
            };
        }

        private JsonArray Rejections() => new(_org.All(LeadFeedbackTable.EntityName)
            .Where(row => InPeriod(row.GetAttributeValue<DateTime>("createdon")))
            .GroupBy(row => (
                Campaign: row.GetAttributeValue<EntityReference>(LeadFeedbackTable.CampaignId) is { } campaign ? _org.Get("campaign", campaign.Id)!.GetAttributeValue<string>("name") : "(no campaign)",
                Reason: Reasons[row.GetAttributeValue<OptionSetValue>(LeadFeedbackTable.Reason).Value]))
            .OrderBy(group => group.Key.Campaign, StringComparer.Ordinal).ThenByDescending(group => group.Count()).ThenBy(group => group.Key.Reason, StringComparer.Ordinal)
            .Select(group => (JsonNode)new JsonObject { ["campaign"] = group.Key.Campaign, ["reason"] = group.Key.Reason, ["count"] = group.Count() })
            .ToArray());

        /// <summary>The agreement's closed week rows starting in the period, each commitment as the row holds it.</summary>
        private JsonArray Weeks()
        {
            static string Result(Entity row, string column) => (CommitmentResult?)row.GetAttributeValue<OptionSetValue>(column)?.Value switch
            {
                CommitmentResult.Met => "Met",
                CommitmentResult.Missed => "Missed",
                _ => "Not measured",
            };
            static JsonObject Commitment(string team, string name, decimal? actual, string unit, int? target, string result) => new()
            {
                ["team"] = team, ["commitment"] = name, ["actual"] = actual, ["unit"] = unit, ["target"] = target, ["result"] = result,
            };

            var rows = _org.All(AlignmentWeekTable.EntityName)
                .Where(row => row.GetAttributeValue<EntityReference>(AlignmentWeekTable.AgreementId)?.Id == _agreement.Id && row.GetAttributeValue<DateTime>(AlignmentWeekTable.WeekStart) < _end && row.GetAttributeValue<DateTime>(AlignmentWeekTable.WeekEnd) > _start)
                .OrderBy(row => row.GetAttributeValue<DateTime>(AlignmentWeekTable.WeekStart));
            return new JsonArray(rows.Select(row => (JsonNode)new JsonObject
            {
                ["id"] = row.Id.ToString("D"),
                ["weekStart"] = TimeZoneInfo.ConvertTimeFromUtc(row.GetAttributeValue<DateTime>(AlignmentWeekTable.WeekStart), _zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["start"] = Instant(row.GetAttributeValue<DateTime>(AlignmentWeekTable.WeekStart)),
                ["closedOn"] = Instant(row.GetAttributeValue<DateTime>(AlignmentWeekTable.ClosedOn)),
                ["commitments"] = new JsonArray(
                    Commitment("Marketing", "MQLs delivered", row.GetAttributeValue<int>(AlignmentWeekTable.Mqls), "count", row.GetAttributeValue<int?>(AlignmentWeekTable.MqlCommitment), Result(row, AlignmentWeekTable.MqlResult)),
                    Commitment("Marketing", "Handoff quality (accepted %)", row.GetAttributeValue<decimal?>(AlignmentWeekTable.AcceptedPercent), "percent", null, "Not measured"),
                    Commitment("Marketing", "Pipeline share", row.GetAttributeValue<decimal?>(AlignmentWeekTable.PipelineShare), "percent", row.GetAttributeValue<int?>(AlignmentWeekTable.PipelineShareCommitment), Result(row, AlignmentWeekTable.PipelineShareResult)),
                    Commitment("Marketing", "Feedback answered in time", row.GetAttributeValue<decimal?>(AlignmentWeekTable.FeedbackInTimePercent), "percent", 100, Result(row, AlignmentWeekTable.FeedbackResult)),
                    Commitment("Sales", "Accept compliance", row.GetAttributeValue<decimal?>(AlignmentWeekTable.AcceptCompliance), "percent", 100, Result(row, AlignmentWeekTable.AcceptResult)),
                    Commitment("Sales", "First-contact compliance", row.GetAttributeValue<decimal?>(AlignmentWeekTable.FirstContactCompliance), "percent", 100, Result(row, AlignmentWeekTable.FirstContactResult)),
                    Commitment("Sales", "No-decision returns", row.GetAttributeValue<int>(AlignmentWeekTable.NoDecisionReturns), "count", 0, Result(row, AlignmentWeekTable.NoDecisionResult))),
            }).ToArray());
        }

        private static string Instant(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        private static decimal? Percent(int part, int whole) => whole == 0 ? null : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);

        /// <summary>Linear interpolation between the closest ranks (PERCENTILE.INC), one decimal.</summary>
        private static decimal? Percentile(List<decimal> values, decimal fraction)
        {
            if (values.Count == 0)
            {
                return null;
            }

            var sorted = values.OrderBy(value => value).ToArray();
            var rank = fraction * (sorted.Length - 1);
            var below = (int)rank;
            var above = Math.Min(below + 1, sorted.Length - 1);
            return Math.Round(sorted[below] + ((sorted[above] - sorted[below]) * (rank - below)), 1, MidpointRounding.AwayFromZero);
        }
    }
}
