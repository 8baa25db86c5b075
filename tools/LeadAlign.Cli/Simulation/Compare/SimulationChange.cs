using System;
using System.Globalization;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Cli.Simulation.Compare
{
    /// <summary>
    /// One what-if change for <c>leadalign simulate --compare</c>: the scoring model's MQL threshold, the agreement's accept SLA
    /// hours, the number of reps, or the agreement's routing for the whole month. The month is otherwise the same seeded world;
    /// agreement and model changes are saved after set-up through the organization service, so LeadAlign's own plug-ins see
    /// them as an administrator's edit.
    /// </summary>
    public sealed class SimulationChange
    {
        /// <summary>What <c>--compare</c> accepts, for a usage error.</summary>
        public const string Usage =
            "Give one change as name=value: mql-threshold=<0-100000> (the scoring model's MQL threshold), accept-hours=<1-1000> (the agreement's accept SLA, in business hours), "
            + "reps=<2-200> (how many sales reps), or routing=round-robin|queue (how the agreement routes MQLs all month).";

        private const string MqlThreshold = "mql-threshold";
        private const string AcceptHours = "accept-hours";
        private const string RepCount = "reps";
        private const string Routing = "routing";
        private const string RoundRobin = "round-robin";
        private const string Queue = "queue";

        private SimulationChange(string name, string value, int number, string description)
        {
            Name = name;
            Value = value;
            Number = number;
            Description = description;
        }

        /// <summary>The change's name: mql-threshold, accept-hours, reps or routing.</summary>
        public string Name { get; }

        /// <summary>The value as given (a number, or round-robin / queue).</summary>
        public string Value { get; }

        /// <summary>The change as the user wrote it: <c>name=value</c>.</summary>
        public string Text => Name + "=" + Value;

        /// <summary>What the change does, in a sentence for the report.</summary>
        public string Description { get; }

        private int Number { get; }

        /// <summary>Reads <c>name=value</c>; refuses anything else with an <see cref="ArgumentException"/> naming what to give.</summary>
        public static SimulationChange Parse(string text)
        {
            var at = text.IndexOf('=', StringComparison.Ordinal);
            var name = (at < 0 ? text : text[..at]).Trim().ToLowerInvariant();
            var value = at < 0 ? string.Empty : text[(at + 1)..].Trim();
            switch (name)
            {
                case MqlThreshold:
                    var threshold = Whole(name, value, 0, 100_000);
                    return new SimulationChange(name, value, threshold, $"the scoring model's MQL threshold set to {threshold}");
                case AcceptHours:
                    var hours = Whole(name, value, 1, 1000);
                    return new SimulationChange(name, value, hours, $"the agreement's accept SLA set to {hours} business hour{(hours == 1 ? string.Empty : "s")}");
                case RepCount:
                    var reps = Whole(name, value, 2, 200);
                    return new SimulationChange(name, value, reps, $"{reps} sales reps");
                case Routing:
                    var mode = value.ToLowerInvariant();
                    return mode switch
                    {
                        RoundRobin => new SimulationChange(name, mode, 0, "the agreement routes MQLs round robin all month (no sales-queue week)"),
                        Queue => new SimulationChange(name, mode, 0, "the agreement routes MQLs to the reps' lead queue all month (reps pick from it every half hour of business time)"),
                        _ => throw new ArgumentException($"--compare {text}: routing must be round-robin or queue. {Usage}"),
                    };
                default:
                    throw new ArgumentException($"--compare '{text}' is not a change LeadAlign can compare. {Usage}");
            }
        }

        /// <summary>The month's options with this change: the rep count and the routing days; the change itself for the simulator.</summary>
        public SimulationOptions ApplyTo(SimulationOptions options) => Name switch
        {
            RepCount => options with { Reps = Number, Change = this },
            Routing when Value == Queue => options with { QueueFromDay = 0, QueueToDay = options.Days, Change = this },
            Routing => options with { QueueFromDay = 0, QueueToDay = 0, Change = this },
            _ => options with { Change = this },
        };

        /// <summary>Saves the change to the agreement or to its scoring model, after the simulator has set the organization up.</summary>
        public void Apply(IOrganizationService system, Guid agreementId)
        {
            if (Name == AcceptHours)
            {
                system.Update(new Entity(AgreementTable.EntityName, agreementId) { [AgreementTable.AcceptHours] = Number });
            }
            else if (Name == MqlThreshold)
            {
                var agreement = system.Retrieve(AgreementTable.EntityName, agreementId, new Microsoft.Xrm.Sdk.Query.ColumnSet(AgreementTable.ScoringModelId));
                var model = agreement.GetAttributeValue<EntityReference>(AgreementTable.ScoringModelId)
                    ?? throw new CommandFailure(ExitCode.Input, "The shipped agreement has no scoring model, so mql-threshold has nothing to change. Restore Data/Agreement.xml of the solution from source control.");
                system.Update(new Entity(ScoringModelTable.EntityName, model.Id) { [ScoringModelTable.MqlThreshold] = Number });
            }
        }

        private static int Whole(string name, string value, int lowest, int highest) =>
            int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= lowest && number <= highest
                ? number
                : throw new ArgumentException($"--compare {name}={value}: {name} must be a whole number from {lowest} to {highest}. {Usage}");
    }
}
