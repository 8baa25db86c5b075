using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.ServiceModel;
using LeadAlign.Dataverse;
using LeadAlign.Plugins;
using LeadAlign.Schema;
using LeadAlign.WorkflowActivities;
using LeadAlign.WorkflowActivities.Feedback;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Cli.Simulation
{
    /// <summary>
    /// A month of leads pushed through LeadAlign's real plug-ins, workflows and activities in the in-memory Dataverse:
    /// leads whose fit data, engagement over days and outcome follow a latent propensity (<see cref="LeadPropensity"/>), from
    /// several sources and campaigns; reps with their own response habit, capacity and availability who triage, accept, dial,
    /// qualify, reject (each reason for its own cause) or let leads breach, with speed to lead moving the odds of contact and
    /// qualification as published (<see cref="ResponseTimeEffect"/>, <see cref="ConversionTruth"/>); marketing recycling
    /// leads that were not ready. The default month's funnel lands in the published B2B ranges (<see cref="FunnelPriors"/>).
    /// Everything happens at its simulated time, in time order; the same seed gives the same month.
    /// </summary>
    public sealed class Simulator
    {
        private const int Mql = (int)LeadStage.Mql;
        private const int Sal = (int)LeadStage.Sal;
        private const int Sql = (int)LeadStage.Sql;
        private const int Rejected = (int)LeadStage.Rejected;
        private static readonly Guid AgreementId = new("1ead5c0e-b000-4000-8000-000000000001");
        // The reps' median minutes from handoff to first look and dial, one habit per rep in turn: as HBR 2011's audit of 2,241
        // firms found, about a third answer within the hour, some within the day and many only after it (its mean: 42 hours).
        private static readonly double[] ResponseHabits = { 3, 15, 60, 360, 1680 };
        private static readonly string[] CSuiteTitles = { "Chief Revenue Officer", "Chief Executive Officer", "Chief Marketing Officer", "Founder" };
        private static readonly string[] DirectorTitles = { "VP Sales", "Director of Operations", "Head of Marketing", "Sales Director" };
        private static readonly string[] MediumTitles = { "Sales Manager", "Operations Manager", "Team Lead", "Account Manager", "Buyer", "Consultant" };
        private static readonly string[] PoorTitles = { "Student", "Intern", "Trainee", "Assistant", "Freelancer", "Analyst" };
        private static readonly string[] StudentTitles = { "Student", "Intern", "Trainee" };
        private static readonly string[] CompetitorCompanies = { "Rivalsoft", "Competia Labs" };

        // The lead's industrycode: Business Services and Consulting are among the default model's target industries.
        private static readonly int[] TargetIndustries = { 6, 7 };
        private static readonly int[] OtherIndustries = { 1, 3, 5, 8, 9, 10, 12 };
        private static readonly string[] Companies = { "Contoso", "Fabrikam", "Northwind", "Tailspin", "Litware", "Adventure Works", "Wide World Importers", "Proseware", "Woodgrove", "Coho Winery" };
        private readonly SimulationOptions _options;
        private readonly Random _ownDeals;
        private readonly Random _nurture;
        private readonly Random _queuePicks;
        private readonly Dictionary<Guid, Random> _streams = new();
        private readonly PriorityQueue<Action, (DateTime, long)> _events = new();
        private readonly List<Rep> _reps = new();
        private readonly Dictionary<Guid, LeadPropensity> _leads = new();
        private readonly Dictionary<Guid, int> _open = new();
        private readonly ConversionTruth _truth = new();
        private readonly HashSet<Guid> _followedUp = new();
        private readonly List<string> _emails = new();
        private List<Guid> _marketers = new();
        private Guid _salesQueue;
        private long _sequence;

        public Simulator(SimulationOptions options)
        {
            _options = options;
            _ownDeals = RandomStreams.ForRoutine(options.Seed, 1);
            _nurture = RandomStreams.ForRoutine(options.Seed, 2);
            _queuePicks = RandomStreams.ForRoutine(options.Seed, 3);
            // The month reads its executions' totals, never their traces: keep the latest 1,000 (the totals count all of them); every
            // record kept longer lives past a collection or two and dies old, which costs the collector more than it allocates.
            Org = new InMemoryDataverse(DataverseOptions.ForSolution(options.SolutionFolder, typeof(PluginBase).Assembly, typeof(WorkflowActivityBase).Assembly) with { ExecutionLogCapacity = ExecutionLogCapacity });
        }

        /// <summary>How many executions the month's log keeps with their traces.</summary>
        public const int ExecutionLogCapacity = 1_000;

        public InMemoryDataverse Org { get; }

        public DateTime Start { get; private set; }

        public DateTime End { get; private set; }

        public IReadOnlyList<Rep> Reps => _reps;

        /// <summary>The LeadAlign administrator whose connection the weekly flow runs on.</summary>
        public Guid Admin { get; private set; }

        /// <summary>The marketer who asks for the scoring proposal at the month's end.</summary>
        public Guid Marketer => _marketers[0];

        /// <summary>The days simulated.</summary>
        public int Days => _options.Days;

        /// <summary>The reps' manager, who reads the month's alignment report.</summary>
        public Guid SalesManager { get; private set; }

        /// <summary>Runs the month; <paramref name="progress"/> hears about each simulated day.</summary>
        public void Run(Action<int, int, int> progress)
        {
            Start = Org.UtcNow.Date;
            End = Start.AddDays(_options.Days);
            var campaigns = SetUp();
            _options.Change?.Apply(Org.SystemService, AgreementId);
            ScheduleLeads(campaigns);
            ScheduleOwnDeals();
            ScheduleMarketingRoutines();
            ScheduleQueueWeek();
            ScheduleWeeklyCloses();
            var day = -1;
            while (_events.TryDequeue(out var action, out var when))
            {
                if (when.Item1 > Org.UtcNow)
                {
                    Org.UtcNow = when.Item1;
                }

                var today = (int)(Org.UtcNow - Start).TotalDays;
                if (today != day && today < _options.Days)
                {
                    day = today;
                    progress(Math.Min(day, _options.Days), _options.Days, Org.Store.Count("lead"));
                }

                action();
                Org.DrainAsync();
            }

            Org.UtcNow = End > Org.UtcNow ? End : Org.UtcNow;
            Org.DrainAsync();
            CloseWeeks();
            progress(_options.Days, _options.Days, Org.Store.Count("lead"));
        }

        private List<(Guid Id, int Source)> SetUp()
        {
            if (Org.Get(AgreementTable.EntityName, AgreementId) == null)
            {
                throw new CommandFailure(ExitCode.Input, $"The solution's Data/ holds no agreement {AgreementId}: the simulation runs the agreement LeadAlign ships." + Environment.NewLine + "Restore Data/Agreement.xml of the solution from source control.");
            }

            var system = Org.SystemService;
            var manager = Org.AddUser("Sam Sales Manager");
            SalesManager = manager;
            var marketers = new List<Guid> { Org.AddUser("Mia Marketing"), Org.AddUser("Carla Campaigns"), Org.AddUser("Pat Partners") };
            var salesTeam = system.Create(new Entity("team") { ["name"] = "Inside sales", ["businessunitid"] = new EntityReference("businessunit", Org.RootBusinessUnitId) });
            var marketingTeam = system.Create(new Entity("team") { ["name"] = "Marketing", ["businessunitid"] = new EntityReference("businessunit", Org.RootBusinessUnitId) });
            var queue = system.Create(new Entity("queue") { ["name"] = "Marketing inbox" });
            string[] names = { "Ana", "Ben", "Chen", "Dara", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jules" };

            // Capacity: the open leads a rep works at once, around what a fifth of the leads handed off and worked for two days
            // each would give them.
            var openPerRep = _options.Leads * 0.2 / _options.Reps / _options.Days * 2;
            for (var index = 0; index < _options.Reps; index++)
            {
                var id = Org.AddUser($"{names[index % names.Length]} {(index / names.Length == 0 ? "Rep" : "Rep " + (index / names.Length + 1))}", managerId: manager);
                _reps.Add(new Rep(id, Org.Get("systemuser", id)!.GetAttributeValue<string>("fullname"), ResponseHabits[index % ResponseHabits.Length], Math.Max(4, (int)Math.Round(openPerRep * (1.2 + (0.4 * (index % 3))))), index % 7 == 6 ? 0.25 : 0.1));
                _open[id] = 0;
            }

            system.Execute(new AddMembersTeamRequest { TeamId = salesTeam, MemberIds = _reps.Select(rep => rep.Id).ToArray() });
            Admin = Org.AddUser("Adam Admin");
            _marketers = marketers;
            system.Update(new Entity("team", salesTeam) { [TeamTable.AdministratorId] = new EntityReference("systemuser", manager) });
            system.Update(new Entity("team", marketingTeam) { [TeamTable.AdministratorId] = new EntityReference("systemuser", marketers[0]) });
            _salesQueue = system.Create(new Entity("queue") { ["name"] = "Reps' lead queue", ["ownerid"] = new EntityReference("team", salesTeam) });
            foreach (var rep in _reps)
            {
                // Each rep wants to hear at once when one of their leads looks at pricing.
                Org.As(rep.Id).Create(new Entity(LeadAlertTable.EntityName)
                {
                    [LeadAlertTable.Name] = "My leads on the pricing page",
                    [LeadAlertTable.Scope] = new OptionSetValue((int)AlertScope.MyLeads),
                    [LeadAlertTable.InteractionType] = new OptionSetValue((int)InteractionType.WebVisit),
                    [LeadAlertTable.UrlContains] = "/pricing",
                    [LeadAlertTable.IsActive] = true,
                });
            }

            system.Update(new Entity(AgreementTable.EntityName, AgreementId)
            {
                [AgreementTable.SalesTeamId] = new EntityReference("team", salesTeam),
                [AgreementTable.MarketingTeamId] = new EntityReference("team", marketingTeam),
                [AgreementTable.MarketingQueueId] = new EntityReference("queue", queue),
                [AgreementTable.MaxOpenLeadsPerRep] = Math.Max(20, _options.Leads / _options.Reps / 2),
                [AgreementTable.HotLaneAcceptMinutes] = 30,
            });

            var campaigns = new List<(Guid, int)>
            {
                (Org.As(marketers[0]).Create(new Entity("campaign") { ["name"] = "Spring webinar" }), 6),
                (Org.As(marketers[1]).Create(new Entity("campaign") { ["name"] = "Trade show Berlin" }), 7),
                (Org.As(marketers[0]).Create(new Entity("campaign") { ["name"] = "Paid search", ["ownerid"] = new EntityReference("team", marketingTeam) }), 8),
                (Org.As(marketers[2]).Create(new Entity("campaign") { ["name"] = "Partner referrals" }), 4),
            };

            // One rep is on holiday in the second week: no new leads for them then.
            var away = _reps[^1];
            At(Start.AddDays(7).AddHours(8), () => Org.SystemService.Update(new Entity("systemuser", away.Id) { [SystemUserTable.IsUnavailable] = true }));
            At(Start.AddDays(14).AddHours(8), () => Org.SystemService.Update(new Entity("systemuser", away.Id) { [SystemUserTable.IsUnavailable] = false }));
            return campaigns;
        }

        /// <summary>
        /// Sales' own pipeline: on each weekday one rep in three opens an opportunity of their own (a referral from a customer, an
        /// outbound call) without a lead, so marketing's share of new pipeline is a share of something. Each is closed like the
        /// others, within one to three weeks.
        /// </summary>
        private void ScheduleOwnDeals()
        {
            for (var day = 0; day < _options.Days; day++)
            {
                if (Start.AddDays(day).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                {
                    continue;
                }

                foreach (var rep in _reps.Where(_ => _ownDeals.NextDouble() < 1.0 / 3))
                {
                    var estimate = 10_000m + _ownDeals.Next(90_000);
                    var won = _ownDeals.NextDouble() < 0.3;
                    var closeAfterDays = 7 + (_ownDeals.NextDouble() * 14);
                    var revenueShare = 0.8 + (_ownDeals.NextDouble() * 0.4);
                    At(Start.AddDays(day).AddHours(9 + (_ownDeals.NextDouble() * 8)), () =>
                    {
                        var opportunity = Org.As(rep.Id).Create(new Entity("opportunity") { ["name"] = $"{rep.Name}: own deal", ["estimatedvalue"] = new Money(estimate) });
                        At(Org.UtcNow.AddDays(closeAfterDays), () => Close(rep, opportunity, won, estimate, revenueShare));
                    });
                }
            }
        }

        /// <summary>
        /// Marketing's routines: each weekday at 10:00 marketing answers rejection feedback (most of it within a day or two, some
        /// late: its answer clock then breaches); at 08:00 the marketing-automation integration sends nurture e-mails and records
        /// them, honouring the lead's Nurture paused column nine times in ten (the tenth is flagged as breaking the pause).
        /// </summary>
        private void ScheduleMarketingRoutines()
        {
            for (var day = 0; day < _options.Days + 7; day++)
            {
                var date = Start.AddDays(day);
                if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                {
                    continue;
                }

                At(date.AddHours(10), AnswerFeedback);
                if (day < _options.Days)
                {
                    At(date.AddHours(8), SendNurtureEmails);
                }
            }
        }

        private void AnswerFeedback()
        {
            var open = Org.Store.Rows(LeadFeedbackTable.EntityName).Where(row => row.GetAttributeValue<DateTime?>(LeadFeedbackTable.RespondedOn) == null && row.GetAttributeValue<DateTime?>(LeadFeedbackTable.DueOn) != null).ToList();
            foreach (var feedback in open)
            {
                var random = StreamOf(feedback.GetAttributeValue<EntityReference>(LeadFeedbackTable.LeadId)?.Id);
                if (random.NextDouble() >= 0.55)
                {
                    continue;
                }

                var marketer = feedback.GetAttributeValue<EntityReference>(LeadFeedbackTable.RecipientUserId)?.Id ?? _marketers[0];
                Try(() => Org.RunWorkflowActivity(
                    new RespondToFeedback(),
                    new Dictionary<string, object?>
                    {
                        ["Feedback"] = feedback.ToEntityReference(),
                        ["Response"] = "Thanks: we are tightening the campaign's targeting.",
                        ["Outcome"] = new OptionSetValue((int)(random.NextDouble() < 0.8 ? FeedbackOutcome.Accepted : FeedbackOutcome.Disputed)),
                    },
                    marketer,
                    feedback.ToEntityReference()));
            }
        }

        private void SendNurtureEmails()
        {
            var leads = Org.Store.Rows("lead").ToList();
            foreach (var lead in leads)
            {
                // Two draws a lead whatever it holds, so the routine's stream stays in step between the runs of a comparison.
                var chosen = _nurture.NextDouble() < 0.02;
                var honoursPause = _nurture.NextDouble() < 0.9;
                var stage = lead.GetAttributeValue<OptionSetValue>(LeadTable.Stage)?.Value;
                if (!chosen || stage == (int)LeadStage.Converted || (lead.GetAttributeValue<bool?>(LeadTable.NurturePaused) == true && honoursPause))
                {
                    continue;
                }

                Try(() => Org.SystemService.Create(new Entity(MarketingInteractionTable.EntityName)
                {
                    ["subject"] = "Nurture: five signs your sales and marketing disagree",
                    [MarketingInteractionTable.InteractionType] = new OptionSetValue((int)InteractionType.NurtureEmail),
                    ["regardingobjectid"] = lead.ToEntityReference(),
                }));
            }
        }

        /// <summary>
        /// In the third week the agreement routes MQLs to the reps' lead queue instead of round robin: reps pick from it every half
        /// hour of business time (the accept clock starts at the pick); the fourth week goes back to round robin.
        /// </summary>
        private void ScheduleQueueWeek()
        {
            if (_options.Days < _options.QueueToDay || _options.QueueToDay <= _options.QueueFromDay)
            {
                return;
            }

            At(Start.AddDays(_options.QueueFromDay), () => Org.SystemService.Update(new Entity(AgreementTable.EntityName, AgreementId)
            {
                [AgreementTable.RoutingMode] = new OptionSetValue((int)RoutingMode.SalesQueue),
                [AgreementTable.SalesQueueId] = new EntityReference("queue", _salesQueue),
            }));
            At(Start.AddDays(_options.QueueToDay), () => Org.SystemService.Update(new Entity(AgreementTable.EntityName, AgreementId) { [AgreementTable.RoutingMode] = new OptionSetValue((int)RoutingMode.RoundRobin) }));
            for (var time = Start.AddDays(_options.QueueFromDay); time < Start.AddDays(_options.QueueToDay + 1); time = time.AddMinutes(30))
            {
                if (time.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || time.Hour < 9 || time.Hour >= 17)
                {
                    continue;
                }

                At(time, PickFromQueue);
            }
        }

        private void PickFromQueue()
        {
            var waiting = Org.Store.Rows(QueueItemTable.EntityName)
                .Where(item => item.GetAttributeValue<EntityReference>(QueueItemTable.QueueId)?.Id == _salesQueue && item.GetAttributeValue<EntityReference>(QueueItemTable.WorkerId) == null && item.GetAttributeValue<OptionSetValue>("statecode")?.Value != 1)
                .OrderBy(item => item.GetAttributeValue<DateTime>("createdon"))
                .ToList();
            foreach (var rep in _reps.Where(_ => _queuePicks.NextDouble() < 0.5))
            {
                var item = waiting.FirstOrDefault();
                if (item == null)
                {
                    return;
                }

                waiting.RemoveAt(0);
                var lead = item.GetAttributeValue<EntityReference>(QueueItemTable.ObjectId).Id;
                if (Try(() => Org.As(rep.Id).Execute(new PickFromQueueRequest { QueueItemId = item.Id, WorkerId = rep.Id, RemoveQueueItem = false })))
                {
                    AfterSave(lead);
                }
            }
        }

        /// <summary>
        /// What the solution's weekly cloud flow does, every Monday at 02:00, on the LeadAlign administrator's connection: evaluate
        /// the due SLA clocks, re-score the leads, close the last full week (the managers are notified).
        /// </summary>
        private void ScheduleWeeklyCloses()
        {
            for (var day = 1; day <= _options.Days; day++)
            {
                if (Start.AddDays(day).DayOfWeek == DayOfWeek.Monday)
                {
                    At(Start.AddDays(day).AddHours(2), RunWeeklyFlow);
                }
            }
        }

        /// <summary>After the month: the weeks the flow has not closed yet (the last one ends after the month).</summary>
        private void CloseWeeks()
        {
            for (var monday = Start.AddDays(-(((int)Start.DayOfWeek + 6) % 7)); monday.AddDays(7) <= Org.UtcNow; monday = monday.AddDays(7))
            {
                Try(() => Org.As(Admin).Execute(new OrganizationRequest("la_CloseAlignmentWeek") { ["WeekStart"] = monday }));
            }
        }

        private void RunWeeklyFlow()
        {
            var admin = Org.As(Admin);
            while ((bool)admin.Execute(new OrganizationRequest("la_EvaluateLeadSlas") { ["PageSize"] = 250 })["MoreRecords"])
            {
            }

            var page = 1;
            var cookie = string.Empty;
            while (page > 0)
            {
                var scored = admin.Execute(new OrganizationRequest("la_RecalculateLeadScores") { ["PageNumber"] = page, ["PageSize"] = 250, ["PagingCookie"] = cookie });
                page = scored.Results.Contains("NextPageNumber") ? (int)scored["NextPageNumber"] : 0;
                cookie = scored.Results.Contains("PagingCookie") ? scored["PagingCookie"] as string ?? string.Empty : string.Empty;
            }

            Try(() => admin.Execute(new OrganizationRequest("la_CloseAlignmentWeek")));
        }

        private void ScheduleLeads(List<(Guid Id, int Source)> campaigns)
        {
            var weights = Enumerable.Range(0, _options.Days).Select(day => Start.AddDays(day).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.3 : 1.0).ToArray();
            var total = weights.Sum();
            var made = 0;
            for (var day = 0; day < _options.Days; day++)
            {
                var count = day == _options.Days - 1 ? _options.Leads - made : (int)Math.Round(_options.Leads * weights[day] / total);
                count = Math.Min(count, _options.Leads - made);
                for (var index = 0; index < count; index++)
                {
                    var number = made + index;
                    var random = RandomStreams.ForLead(_options.Seed, number);
                    var when = Start.AddDays(day).AddHours(7 + (random.NextDouble() * 13));
                    var propensity = LeadPropensity.Draw(random);
                    var campaign = random.NextDouble() < 0.8 ? campaigns[random.Next(campaigns.Count)] : ((Guid Id, int Source)?)null;
                    At(when, () => CreateLead(number, random, propensity, campaign));
                }

                made += count;
            }
        }

        /// <summary>
        /// A lead as marketing captures it: every fit column is drawn from the lead's propensity with noise of its own (a senior
        /// title, a large company, revenue, a target industry, a working business phone, a business e-mail, the decision maker),
        /// so most leads start below the MQL threshold and reach it, if ever, through the engagement that follows over days.
        /// </summary>
        private void CreateLead(int number, Random random, LeadPropensity propensity, (Guid Id, int Source)? campaign)
        {
            var z = propensity.Value;
            var seniority = (0.6 * z) + (0.8 * LeadPropensity.Normal(random));
            var titles = seniority > 1.6 ? CSuiteTitles : seniority > 0.8 ? DirectorTitles : seniority > -0.9 ? MediumTitles : PoorTitles;
            var title = titles[random.Next(titles.Length)];
            var company = propensity.Competitor ? CompetitorCompanies[random.Next(CompetitorCompanies.Length)] : Companies[random.Next(Companies.Length)] + " " + (number % 97);
            var employees = (int)Math.Max(1, Math.Round(Math.Exp(3.7 + (1.4 * ((0.5 * z) + (0.87 * LeadPropensity.Normal(random)))))));
            var revenue = LeadPropensity.Revenue(employees, LeadPropensity.Normal(random));
            var industry = random.NextDouble() < LeadPropensity.Logistic(-1.4 + (0.6 * z)) ? TargetIndustries[random.Next(TargetIndustries.Length)] : OtherIndustries[random.Next(OtherIndustries.Length)];
            var phone = propensity.BadContactData ? "0000" : random.NextDouble() < LeadPropensity.Logistic(1.5 + (0.8 * z)) ? "+1 555 " + (1000 + (number % 9000)) : null;
            var lead = new Entity("lead")
            {
                ["firstname"] = "Lead",
                ["lastname"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["companyname"] = random.NextDouble() < 0.95 ? company : null,
                ["jobtitle"] = title,
                ["numberofemployees"] = employees,
                ["revenue"] = new Money(revenue),
                ["industrycode"] = new OptionSetValue(industry),
                ["emailaddress1"] = Email(number, random, propensity, company),
                ["telephone1"] = phone,
                ["leadsourcecode"] = new OptionSetValue(campaign?.Source ?? new[] { 2, 3, 8, 9 }[random.Next(4)]),
                ["campaignid"] = campaign == null ? null : new EntityReference("campaign", campaign.Value.Id),
                ["decisionmaker"] = random.NextDouble() < LeadPropensity.Logistic(-2.2 + (0.9 * z) + (titles == CSuiteTitles || titles == DirectorTitles ? 1.2 : 0)),
            };
            var id = Org.SystemService.Create(lead);
            _leads[id] = propensity;
            _streams[id] = random;
            _truth.Created(id, titles == CSuiteTitles || titles == DirectorTitles, lead.GetAttributeValue<bool>("decisionmaker"), phone != null && !propensity.BadContactData, employees, lead.GetAttributeValue<string>("emailaddress1").EndsWith("@gmail.com", StringComparison.Ordinal));
            AfterSave(id);

            // Engagement arrives as a Poisson process through the rest of the month, faster for higher propensity; a form
            // submission (a demo request) is likelier the higher it is, the other kinds of interaction are not.
            var formShare = 0.04 + (0.12 * LeadPropensity.Logistic(2 * z));
            var interactionsPerDay = propensity.InteractionsPerDay(LeadPropensity.Normal(random));
            if (Array.IndexOf(StudentTitles, title) >= 0)
            {
                // Students and job seekers read and download far more than they buy: the engagement that makes some of them
                // MQLs sales then rejects with their own reason.
                interactionsPerDay *= 4;
            }

            var at = Org.UtcNow;
            for (var index = 0; index < 15; index++)
            {
                at = at.AddDays(-Math.Log(1 - random.NextDouble()) / interactionsPerDay);
                if (at >= End)
                {
                    break;
                }

                var type = Pick(random, new[] { 0.25, formShare, 0.12, 0.1, 0.1, 0.13, 0.15 });
                At(at, () => Interact(id, type));
            }
        }

        /// <summary>A business address mostly, a free-mail one more often for a low propensity, and now and then a person who already came in (a duplicate).</summary>
        private string Email(int number, Random random, LeadPropensity propensity, string company)
        {
            if (_emails.Count > 0 && random.NextDouble() < 0.03)
            {
                propensity.Duplicate = true;
                return _emails[random.Next(_emails.Count)];
            }

            var email = random.NextDouble() < LeadPropensity.Logistic(-1.6 - (0.9 * propensity.Value)) ? $"lead{number}@gmail.com" : $"lead{number}@{company.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant()}.com";
            _emails.Add(email);
            return email;
        }

        private void Interact(Guid lead, int type)
        {
            var random = StreamOf(lead);
            var stage = Org.Get("lead", lead)!.GetAttributeValue<OptionSetValue>(LeadTable.Stage)?.Value;
            if (stage is Sql or Rejected or (int)LeadStage.Converted)
            {
                return;
            }

            var interaction = new Entity(MarketingInteractionTable.EntityName)
            {
                ["subject"] = "Interaction",
                [MarketingInteractionTable.InteractionType] = new OptionSetValue((int)InteractionType.WebVisit + type),
                ["regardingobjectid"] = new EntityReference("lead", lead),
            };
            if (type == 0)
            {
                interaction[MarketingInteractionTable.Url] = random.NextDouble() < 0.3 ? "https://www.contoso.com/pricing" : "https://www.contoso.com/blog/lead-alignment";
            }

            Org.SystemService.Create(interaction);
            _truth.Interacted(lead, (InteractionType)((int)InteractionType.WebVisit + type));
            AfterSave(lead);
        }

        /// <summary>
        /// After a save, a lead handed off for the first time gets its rep's first look on the calendar: after the rep's usual
        /// response time (log-normal around their median), slower the more open work they hold against their capacity, much
        /// faster for a hot-lane lead. A rep over half again their capacity, or one of the leads a rep lets sit, is never looked at.
        /// </summary>
        private void AfterSave(Guid lead)
        {
            var random = StreamOf(lead);
            var row = Org.Get("lead", lead)!;
            if (row.GetAttributeValue<OptionSetValue>(LeadTable.Stage)?.Value != Mql || !row.Contains(LeadTable.HandoffOn) || !_followedUp.Add(lead))
            {
                return;
            }

            var rep = _reps.Single(each => each.Id == row.GetAttributeValue<EntityReference>("ownerid").Id);
            var load = (double)_open[rep.Id] / rep.Capacity;
            if (random.NextDouble() < rep.IgnoreRate || load > 1.5)
            {
                return;
            }

            _open[rep.Id]++;
            var minutes = rep.ResponseMinutes * Math.Exp(0.9 * LeadPropensity.Normal(random)) * (1 + load) * (row.GetAttributeValue<bool?>(LeadTable.HotLane) == true ? 0.25 : 1);
            At(Org.UtcNow.AddMinutes(minutes), () => Triage(lead, rep, minutes));
        }

        /// <summary>
        /// The rep's first look at an MQL: a duplicate, a competitor, a student or job seeker, a number that does not work, or
        /// (often) a junior title or a company too small to be a fit is rejected there and then with that reason; the rest the rep
        /// accepts and dials at once.
        /// </summary>
        private void Triage(Guid lead, Rep rep, double minutes)
        {
            var random = StreamOf(lead);
            var propensity = _leads[lead];
            var row = Org.Get("lead", lead)!;
            var title = row.GetAttributeValue<string>("jobtitle");
            var employees = row.GetAttributeValue<int?>("numberofemployees") ?? 0;
            var notAFit = Array.IndexOf(PoorTitles, title) >= 0 || employees < 20 ? 0.85 : Array.IndexOf(MediumTitles, title) >= 0 && employees < 100 ? 0.6 : 0.15;
            if (row.GetAttributeValue<bool?>("decisionmaker") == true)
            {
                notAFit *= 0.4; // the one who signs is worth a call even at a small company
            }

            RejectionReason? reason = propensity.Duplicate && random.NextDouble() < 0.9 ? RejectionReason.Duplicate
                : propensity.Competitor ? RejectionReason.Competitor
                : Array.IndexOf(StudentTitles, title) >= 0 ? RejectionReason.StudentOrJobSeeker
                : propensity.BadContactData && random.NextDouble() < 0.8 ? RejectionReason.BadContactData
                : random.NextDouble() < notAFit ? RejectionReason.NotAFit
                : null;
            if (reason != null)
            {
                Reject(lead, rep, reason.Value);
                return;
            }

            if (!Try(() => Org.As(rep.Id).Execute(new OrganizationRequest("la_AcceptLead") { ["Target"] = new EntityReference("lead", lead) })))
            {
                _open[rep.Id]--;
                return;
            }

            Dial(lead, rep, minutes, 0);
        }

        /// <summary>
        /// A dial. The first one connects with odds that fall a hundredfold from five to thirty minutes after the handoff
        /// (<see cref="ResponseTimeEffect.ContactLogOdds"/>: 80 % within five minutes); the rep then redials every three to eight
        /// hours, three times in ten connecting, up to six dials (a lead without a working business phone, reached by e-mail and
        /// mobile only, at a fifth of those odds), after which the lead is rejected as unreachable (Other). A connected call is
        /// the completed phone call LeadAlign counts as first contact.
        /// </summary>
        private void Dial(Guid lead, Rep rep, double minutesToFirstDial, int attempt)
        {
            var random = StreamOf(lead);
            var reachable = _truth.HasBusinessPhone(lead) ? 0 : -1.5;
            var connects = LeadPropensity.Logistic(reachable + (attempt == 0 ? Math.Log(4) + ResponseTimeEffect.ContactLogOdds(minutesToFirstDial) : Math.Log(0.3 / 0.7)));
            if (random.NextDouble() >= connects)
            {
                if (attempt < 5)
                {
                    At(Org.UtcNow.AddHours(3 + (random.NextDouble() * 5)), () => Dial(lead, rep, minutesToFirstDial, attempt + 1));
                }
                else
                {
                    Reject(lead, rep, RejectionReason.Other);
                }

                return;
            }

            var call = Org.As(rep.Id).Create(new Entity("phonecall") { ["subject"] = "First call", ["directioncode"] = true, ["regardingobjectid"] = new EntityReference("lead", lead) });
            Org.As(rep.Id).Execute(new SetStateRequest { EntityMoniker = new EntityReference("phonecall", call), State = new OptionSetValue(1), Status = new OptionSetValue(2) });
            if (random.NextDouble() < 0.06)
            {
                // The rep never gets to a decision: the agreement's decision clock returns the lead to marketing.
                _open[rep.Id]--;
                return;
            }

            if (random.NextDouble() < _truth.SqlChance(lead, minutesToFirstDial))
            {
                At(Org.UtcNow.AddHours(24 + (random.NextDouble() * 72)), () => Qualify(lead, rep));
            }
            else
            {
                // What the conversation found decides the reason: no money, no plan to buy yet, or simply not a fit.
                var propensity = _leads[lead];
                var reason = !propensity.HasBudget ? RejectionReason.NoBudget : !propensity.ReadyToBuy ? RejectionReason.NotReadyYet : RejectionReason.NotAFit;
                At(Org.UtcNow.AddHours(4 + (random.NextDouble() * 48)), () => Reject(lead, rep, reason));
            }
        }

        private void Qualify(Guid lead, Rep rep)
        {
            var random = StreamOf(lead);
            _open[rep.Id]--;
            if (!Try(() => Org.As(rep.Id).Update(new Entity("lead", lead)
            {
                [LeadTable.Stage] = new OptionSetValue(Sql),
                ["budgetamount"] = new Money(10_000m + random.Next(200_000)),
                ["decisionmaker"] = true,
                ["need"] = new OptionSetValue(random.Next(3)),
                ["purchasetimeframe"] = new OptionSetValue(random.Next(4)),
            })))
            {
                return;
            }

            if (random.NextDouble() < 0.9)
            {
                At(Org.UtcNow.AddHours(24 + (random.NextDouble() * 48)), () => Convert(lead, rep));
            }
        }

        /// <summary>
        /// The rep qualifies the lead into an account and an opportunity (as D365 Sales does by default: the opportunity keeps the
        /// lead as its originating lead, its campaign and its estimated amount), then closes it within one to two weeks: won
        /// more often for a higher propensity, for about the estimate; otherwise lost.
        /// </summary>
        private void Convert(Guid lead, Rep rep)
        {
            var random = StreamOf(lead);
            var estimate = 5_000m + random.Next(95_000);
            if (!Try(() => Org.As(rep.Id).Update(new Entity("lead", lead) { ["estimatedamount"] = new Money(estimate) })))
            {
                return;
            }

            Guid opportunity = Guid.Empty;
            if (!Try(() => opportunity = ((QualifyLeadResponse)Org.As(rep.Id).Execute(new QualifyLeadRequest { LeadId = new EntityReference("lead", lead), CreateAccount = true, CreateOpportunity = true, Status = new OptionSetValue(3) }))
                    .CreatedEntities.Single(created => created.LogicalName == "opportunity").Id))
            {
                return;
            }

            var tier = _leads[lead].Tier;
            var won = random.NextDouble() < (tier == 0 ? 0.28 : tier == 1 ? 0.2 : 0.08);
            var revenueShare = 0.8 + (random.NextDouble() * 0.4);
            At(Org.UtcNow.AddDays(5 + (random.NextDouble() * 9)), () => Close(rep, opportunity, won, estimate, revenueShare));
        }

        /// <summary>The rep closes the opportunity through Win (for about the estimate) or Lose, recording the close activity.</summary>
        private void Close(Rep rep, Guid opportunity, bool won, decimal estimate, double revenueShare) => Try(() =>
        {
            var close = new Entity("opportunityclose")
            {
                ["opportunityid"] = new EntityReference("opportunity", opportunity),
                ["subject"] = won ? "Won" : "Lost",
                ["actualend"] = Org.UtcNow.Date,
            };
            if (won)
            {
                close["actualrevenue"] = new Money(Math.Round(estimate * (decimal)revenueShare, 2));
                Org.As(rep.Id).Execute(new WinOpportunityRequest { OpportunityClose = close, Status = new OptionSetValue(3) });
            }
            else
            {
                Org.As(rep.Id).Execute(new LoseOpportunityRequest { OpportunityClose = close, Status = new OptionSetValue(4) });
            }
        });

        private void Reject(Guid lead, Rep rep, RejectionReason reason)
        {
            var random = StreamOf(lead);
            _open[rep.Id]--;
            var rejection = new Entity("lead", lead) { [LeadTable.Stage] = new OptionSetValue(Rejected), [LeadTable.RejectionReason] = new OptionSetValue((int)reason) };
            if (reason == RejectionReason.Other)
            {
                rejection[LeadTable.RejectionNotes] = "No answer after six dials.";
            }

            if (!Try(() => Org.As(rep.Id).Update(rejection)))
            {
                return;
            }

            if (reason == RejectionReason.NotReadyYet && random.NextDouble() < 0.7)
            {
                At(Org.UtcNow.AddHours(48 + (random.NextDouble() * 72)), () => Try(() => Org.RunWorkflowActivity(
                    new RecycleLeadToNurture(),
                    new Dictionary<string, object?> { ["Lead"] = new EntityReference("lead", lead), ["Reason"] = "Not ready yet: back to nurture." },
                    Org.SystemUserId,
                    new EntityReference("lead", lead))));
            }
        }

        private bool Try(Action action)
        {
            try
            {
                action();
                return true;
            }
            catch (FaultException<OrganizationServiceFault>)
            {
                return false;
            }
        }

        private void At(DateTime when, Action action)
        {
            if (when < End.AddDays(7))
            {
                _events.Enqueue(action, (when, _sequence++));
            }
        }

        /// <summary>The lead's own random stream (a lead the month did not create, e.g. none: the world's nurture stream).</summary>
        private Random StreamOf(Guid? lead) => lead != null && _streams.TryGetValue(lead.Value, out var random) ? random : _nurture;

        private static int Pick(Random random, double[] weights)
        {
            var roll = random.NextDouble() * weights.Sum();
            for (var index = 0; index < weights.Length; index++)
            {
                roll -= weights[index];
                if (roll <= 0)
                {
                    return index;
                }
            }

            return weights.Length - 1;
        }

        /// <summary>A rep of the simulation: their median minutes from handoff to first look and dial, how many open leads they work at once, and how often they let a lead sit.</summary>
        public sealed record Rep(Guid Id, string Name, double ResponseMinutes, int Capacity, double IgnoreRate);
    }
}
