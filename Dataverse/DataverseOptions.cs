using System;
using System.Collections.Generic;
using System.Reflection;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Registration;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse
{
    /// <summary>What an in-memory Dataverse is started with. A record, so a test can start from a solution's options and change one (<c>with</c>).</summary>
    public sealed record DataverseOptions
    {
        /// <summary>The tables and columns; the standard-table snapshot when not given.</summary>
        public MetadataCatalog? Metadata { get; init; }

        /// <summary>The registered steps, as the solution's SdkMessageProcessingSteps files hold them.</summary>
        public IReadOnlyList<StepRegistration> Steps { get; init; } = Array.Empty<StepRegistration>();

        public IReadOnlyList<CustomApiDefinition> CustomApis { get; init; } = Array.Empty<CustomApiDefinition>();

        /// <summary>Rows created through the pipeline when the organization starts, as importing the solution's data creates them.</summary>
        public IReadOnlyList<Entity> Data { get; init; } = Array.Empty<Entity>();

        /// <summary>The background workflows, as the solution's Workflows folder holds them.</summary>
        public IReadOnlyList<Workflows.WorkflowDefinition> Workflows { get; init; } = Array.Empty<Workflows.WorkflowDefinition>();

        /// <summary>The assemblies whose plug-in and workflow activity types the registrations name.</summary>
        public IReadOnlyList<Assembly> PluginAssemblies { get; init; } = Array.Empty<Assembly>();

        /// <summary>Secure configuration by step id: it is never in the solution, the admin sets it per environment.</summary>
        public IReadOnlyDictionary<Guid, string> SecureConfigurations { get; init; } = new Dictionary<Guid, string>();

        /// <summary>The clock's start, UTC. Defaults to Monday 2026-01-05 09:00 UTC.</summary>
        /// <summary>
        /// The address users open the organization's apps at, as RetrieveCurrentOrganization returns it (the WebApplication endpoint):
        /// links in e-mails are made absolute with it.
        /// </summary>
        public Uri WebApplicationUrl { get; init; } = new("https://leadalign.crm.dynamics.com/");

        public DateTime StartTime { get; init; } = new(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);

        /// <summary>The default <see cref="LockTimeout"/>: 5 seconds, long enough for any test, short enough that a test that deadlocks its own threads fails soon.</summary>
        public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(5);

        /// <summary>
        /// How long a write waits for a row another transaction holds locked before it fails with the platform's SQL timeout fault
        /// (0x80044151, "SQL timeout expired"). The platform has no such setting of its own: a blocked request waits until its SQL
        /// command times out, within the two minutes a request (and a plug-in) may run. See Dataverse/README.md, <i>Transactions,
        /// locks and isolation</i>.
        /// </summary>
        public TimeSpan LockTimeout { get; init; } = DefaultLockTimeout;

        /// <summary>
        /// The most rows an aggregate FetchXML query may group or count before the platform refuses it with AggregateQueryRecordLimitExceeded
        /// (0x8004E023): 50,000 in Dataverse, which no one can raise; lower it so a test can reach the refusal with a few rows.
        /// </summary>
        public int AggregateQueryRecordLimit { get; init; } = Query.ParsedFetch.AggregateQueryRecordLimit;

        /// <summary>The call depth past which the platform stops an operation as an infinite loop (8 by default).</summary>
        public int MaxDepth { get; init; } = 8;

        /// <summary>
        /// How many executions the execution log keeps with their traces (the latest); null keeps them all, as tests reading
        /// budgets want. Whatever it keeps, its totals per handler (<see cref="Pipeline.ExecutionLog.Totals"/>) count every execution.
        /// </summary>
        public int? ExecutionLogCapacity { get; init; }

        /// <summary>
        /// Which tables this organization has enabled for SLAs ("Enable for SLA"), where it differs from the metadata (the snapshot
        /// and the solution's Entity.xml): <c>{ ["lead"] = false }</c> is an organization whose admin has not enabled lead.
        /// </summary>
        public IReadOnlyDictionary<string, bool> SlaEnabledTables { get; init; } = new Dictionary<string, bool>(StringComparer.Ordinal);

        /// <summary>
        /// Whether requests are checked against the calling user's security roles, as the platform checks them (off by default: every
        /// user can do everything). SYSTEM is never checked. See Dataverse/README.md, <i>Security roles</i>.
        /// </summary>
        public bool EnforceSecurityRoles { get; init; }

        /// <summary>The roles users and teams can be given by name (<see cref="InMemoryDataverse.AssignRole"/>): the solution's Roles folder; System Administrator is always there.</summary>
        public IReadOnlyList<Security.SecurityRole> SecurityRoles { get; init; } = Array.Empty<Security.SecurityRole>();

        /// <summary>
        /// The field security profiles of the organization (the solution's <c>Other/FieldSecurityProfiles.xml</c>): checked, with the
        /// secured columns of the metadata, when <see cref="EnforceSecurityRoles"/> is on. Members are added in the organization.
        /// </summary>
        public IReadOnlyList<Security.FieldSecurityProfile> FieldSecurityProfiles { get; init; } = Array.Empty<Security.FieldSecurityProfile>();

        /// <summary>The forms and views of the solution (<see cref="InMemoryDataverse.OpenForm"/>, <see cref="InMemoryDataverse.OpenView"/>).</summary>
        public Ui.SolutionUi Ui { get; init; } = LeadAlign.Dataverse.Ui.SolutionUi.Empty;

        /// <summary>Everything an unpacked solution folder registers, with the assemblies that hold its plug-in types.</summary>
        public static DataverseOptions ForSolution(string solutionFolder, params Assembly[] pluginAssemblies)
        {
            var metadata = MetadataCatalog.ForSolution(solutionFolder);
            return new DataverseOptions
            {
                Metadata = metadata,
                Data = SolutionData.FromSolutionFolder(solutionFolder, metadata),
                Steps = StepRegistration.FromSolutionFolder(solutionFolder),
                CustomApis = CustomApiDefinition.FromSolutionFolder(solutionFolder),
                Workflows = LeadAlign.Dataverse.Workflows.WorkflowDefinition.FromSolutionFolder(solutionFolder),
                PluginAssemblies = pluginAssemblies,
                SecurityRoles = Security.SecurityRole.FromSolutionFolder(solutionFolder),
                FieldSecurityProfiles = Security.FieldSecurityProfile.FromSolutionFolder(solutionFolder),
                Ui = LeadAlign.Dataverse.Ui.SolutionUi.FromSolutionFolder(solutionFolder),
            };
        }
    }
}
