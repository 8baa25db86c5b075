using System;
using System.Collections.Generic;
using LeadAlign.Schema;

namespace LeadAlign.Cli.Simulation
{
    /// <summary>
    /// The simulated world's truth about which contacted leads become SQLs: a logistic model of buying signals the simulator
    /// knows and the product does not. It differs from the shipped scoring model on purpose, as a real market differs from the
    /// points two teams first agree on: being the decision maker, having a business phone and submitting a form (a demo request)
    /// weigh far more than the default model gives them; webinars, downloads and clicks, which the default model rewards, weigh
    /// nothing; a free-mail address costs more. The fitted proposal (la_ProposeScoringModel) has to find this from outcomes alone.
    /// How fast the rep first dialled moves the odds as the published studies measure (<see cref="ResponseTimeEffect"/>): the
    /// intercept is for a first dial within five minutes of the handoff.
    /// </summary>
    internal sealed class ConversionTruth
    {
        /// <summary>The log-odds of SQL for a contacted lead with none of the signals, first dialled within five minutes of its handoff.</summary>
        public const double Intercept = 1.3;

        public const double DecisionMaker = 2.8;

        public const double BusinessPhone = 1.4;

        public const double FormSubmitted = 1.4;

        public const double LargeCompany = 0.5;

        public const double FreeMail = -1.4;

        public const double GoodTitle = 0.8;

        private readonly Dictionary<Guid, Signals> _leads = new();

        public void Created(Guid lead, bool goodTitle, bool decisionMaker, bool businessPhone, int employees, bool freeMail) =>
            _leads[lead] = new Signals { GoodTitle = goodTitle, DecisionMaker = decisionMaker, BusinessPhone = businessPhone, LargeCompany = employees >= 1000, FreeMail = freeMail };

        public void Interacted(Guid lead, InteractionType type)
        {
            if (type == InteractionType.FormSubmission && _leads.TryGetValue(lead, out var signals))
            {
                signals.FormSubmitted = true;
            }
        }

        /// <summary>Whether the lead gave a business phone that works.</summary>
        public bool HasBusinessPhone(Guid lead) => _leads[lead].BusinessPhone;

        /// <summary>The chance a contacted lead becomes an SQL when its first dial came <paramref name="minutesToFirstDial"/> after its handoff.</summary>
        public double SqlChance(Guid lead, double minutesToFirstDial)
        {
            var signals = _leads[lead];
            var logit = Intercept
                + (signals.GoodTitle ? GoodTitle : 0) + (signals.DecisionMaker ? DecisionMaker : 0) + (signals.BusinessPhone ? BusinessPhone : 0)
                + (signals.FormSubmitted ? FormSubmitted : 0) + (signals.LargeCompany ? LargeCompany : 0) + (signals.FreeMail ? FreeMail : 0)
                + ResponseTimeEffect.QualifyLogOdds(minutesToFirstDial);
            return 1 / (1 + Math.Exp(-logit));
        }

        private sealed class Signals
        {
            public bool GoodTitle { get; init; }

            public bool DecisionMaker { get; init; }

            public bool BusinessPhone { get; init; }

            public bool LargeCompany { get; init; }

            public bool FreeMail { get; init; }

            public bool FormSubmitted { get; set; }
        }
    }
}
