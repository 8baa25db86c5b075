using System;
using System.Activities;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Organization;
using LeadAlign.Dataverse.Pipeline;
using LeadAlign.Dataverse.Registration;
using LeadAlign.Dataverse.Security;
using LeadAlign.Dataverse.Service;
using LeadAlign.Dataverse.Storage;
using LeadAlign.Dataverse.Ui;
using LeadAlign.Dataverse.Workflows;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Dataverse
{
    /// <summary>
    /// An organization of the in-memory Dataverse: the metadata catalog, the rows, the registered steps and Custom APIs,
    /// the settable clock, deterministic ids, the queue of asynchronous work and the log of every execution.
    /// Services for a user come from <see cref="ServiceFor"/>; they run every request through the event pipeline.
    /// Requests from many threads run at once, each top-level operation in its own transaction with row locks and snapshot reads
    /// (<see cref="RecordStore"/>); plug-in code runs on the caller's thread.
    /// This class composes the organization's parts, each with one job: the rows (<see cref="RecordStore"/>, <see cref="RecordWriter"/>
    /// and its column checks, <see cref="RecordReader"/>), the messages (<see cref="MessageDispatcher"/> and the handlers of Messages/),
    /// the queries (<see cref="Query.QueryRunner"/>), the event pipeline (<see cref="EventPipeline"/>, <see cref="StepInvoker"/>,
    /// <see cref="Transactions"/>, <see cref="AsyncQueue"/>) and the background workflows (<see cref="BackgroundWorkflows"/>).
    /// </summary>
    public sealed class InMemoryDataverse
    {
        /// <summary>The most requests one ExecuteMultiple or ExecuteTransaction may carry.</summary>
        public const int MaxBatchSize = 1000;

        private readonly OrganizationClock _clock;
        private readonly IdSequence _ids = new();
        private readonly SlaSettings _sla;
        private readonly RecordReader _reader;
        private readonly RecordWriter _records;
        private readonly AsyncQueue _jobs;
        private readonly WorkflowActivityRunner _activities;
        private readonly BackgroundWorkflows _workflows;
        private readonly MessageDispatcher _messages;
        private readonly AccessChecker _access;

        public InMemoryDataverse()
            : this(new DataverseOptions())
        {
        }

        public InMemoryDataverse(DataverseOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            Log = new ExecutionLog(options.ExecutionLogCapacity);
            Metadata = options.Metadata ?? MetadataCatalog.Standard();
            Steps = options.Steps;
            MaxDepth = options.MaxDepth;
            Ui = options.Ui;
            Store = new RecordStore(options.LockTimeout);
            _clock = new OrganizationClock(options.StartTime);
            _sla = new SlaSettings(options.SlaEnabledTables, Metadata);
            var pluginTypes = new PluginTypes(options.PluginAssemblies);
            foreach (var step in Steps)
            {
                if (pluginTypes.Find(step.PluginTypeFullName) == null)
                {
                    throw new InvalidOperationException($"The step '{step.Name}' ({step.Id}) names the plug-in type {step.PluginTypeFullName}, which none of the plug-in assemblies holds.");
                }
            }

            var workflows = BackgroundWorkflows.Load(options.Workflows, Metadata, pluginTypes.Find);
            var identity = new OrganizationIdentity(IdSequence.NextOrganizationId(), _ids.NewId(), _ids.NewId(), options.WebApplicationUrl);
            OrganizationId = identity.OrganizationId;
            RootBusinessUnitId = identity.RootBusinessUnitId;
            SystemUserId = identity.SystemUserId;

            _reader = new RecordReader(Store, Metadata, RootBusinessUnitId);
            _records = new RecordWriter(Store, Metadata, _reader, new ColumnChecks(Metadata, _reader, _sla), new ActivityParties(Store, _ids), _clock, _ids, RootBusinessUnitId);
            _jobs = new AsyncQueue(Store);
            var transactions = new Transactions(Store);
            _activities = new WorkflowActivityRunner(transactions, Log, _reader, _clock, _ids, OrganizationId, PluginServicesFor);
            _workflows = new BackgroundWorkflows(workflows, Metadata, Store, _jobs, _activities, _clock, SystemUserId);
            var invoker = new StepInvoker(pluginTypes, options.SecureConfigurations, Log, PluginServicesFor);
            var pipeline = new EventPipeline(Steps, MaxDepth, Metadata, Store, _reader, transactions, _jobs, invoker, _workflows, _clock, _ids, OrganizationId);
            var customApis = new Dictionary<string, CustomApiHandler>(StringComparer.OrdinalIgnoreCase);
            foreach (var api in options.CustomApis)
            {
                customApis[api.UniqueName] = new CustomApiHandler(api, pluginTypes, invoker);
            }

            _access = new AccessChecker(options.EnforceSecurityRoles, Store, Metadata, SystemUserId, RootBusinessUnitId, options.SecurityRoles, options.FieldSecurityProfiles);
            var services = new MessageServices(
                Metadata,
                Store,
                _reader,
                _records,
                new Associations(Store, Metadata, _reader, _ids),
                new Query.QueryRunner(Metadata, Store, _reader, _clock, _access, options.AggregateQueryRecordLimit),
                transactions,
                _clock,
                identity,
                _sla,
                _access);
            _messages = new MessageDispatcher(MessageTable.BuiltIn, customApis, pipeline, services);

            Store.Put(_records.SystemRow("businessunit", RootBusinessUnitId, new Dictionary<string, object?> { ["name"] = "LeadAlign" }));
            Store.Put(_records.SystemRow("systemuser", SystemUserId, new Dictionary<string, object?>
            {
                ["fullname"] = "SYSTEM",
                ["businessunitid"] = new EntityReference("businessunit", RootBusinessUnitId),
                ["isdisabled"] = false,
            }));
            if (Metadata.Table(PlatformTimeZones.Table) != null)
            {
                foreach (var zone in PlatformTimeZones.Rows)
                {
                    Store.Put(_records.SystemRow(PlatformTimeZones.Table, PlatformTimeZones.IdOf(zone.Code), new Dictionary<string, object?>
                    {
                        ["timezonecode"] = zone.Code,
                        ["standardname"] = zone.StandardName,
                        ["userinterfacename"] = zone.UserInterfaceName,
                        ["bias"] = zone.Bias,
                        ["retiredorder"] = 0,
                    }));
                }
            }

            foreach (var row in options.Data)
            {
                SystemService.Create(row);
            }
        }

        public MetadataCatalog Metadata { get; }

        /// <summary>The solution's forms and views, as its import leaves them (see <see cref="OpenForm"/> and <see cref="OpenView"/>).</summary>
        public SolutionUi Ui { get; }

        public IReadOnlyList<StepRegistration> Steps { get; }

        public int MaxDepth { get; }

        /// <summary>Unique per organization in the process, so caches keyed by organization (as plug-ins key them) never mix two test organizations.</summary>
        public Guid OrganizationId { get; }

        public Guid RootBusinessUnitId { get; }

        /// <summary>The SYSTEM user, as which a plug-in's <c>CreateOrganizationService(null)</c> runs.</summary>
        public Guid SystemUserId { get; }

        /// <summary>The rows. Tests read them through a service; this is for the library's own use and diagnostics.</summary>
        public RecordStore Store { get; }

        /// <summary>Every plug-in and workflow activity execution, with its trace, duration and service calls.</summary>
        public ExecutionLog Log { get; }

        /// <summary>
        /// "Now" for the organization, UTC. It moves only when set or advanced: every operation takes its time from it
        /// (createdon, modifiedon, OperationCreatedOn), so SLA and decay logic can be tested at any moment.
        /// </summary>
        public DateTime UtcNow
        {
            get => _clock.UtcNow;
            set => _clock.UtcNow = value;
        }

        /// <summary>Asynchronous steps and workflows waiting to run, in order.</summary>
        public int PendingAsyncJobs => _jobs.Count;

        /// <summary>What the asynchronous jobs that failed said, in order.</summary>
        public List<string> FailedAsyncJobs => _jobs.Failed;

        /// <summary>Background workflows waiting for a date, with the date they wait for.</summary>
        public IReadOnlyList<(string Workflow, EntityReference Row, DateTime Until)> WaitingWorkflows => _workflows.Waiting;

        /// <summary>A service that runs as SYSTEM.</summary>
        public IOrganizationService SystemService => ServiceFor(SystemUserId);

        public void Advance(TimeSpan by) => UtcNow = UtcNow.Add(by);

        /// <summary>
        /// Whether <paramref name="table"/> is enabled for SLAs in this organization: the options' <see cref="DataverseOptions.SlaEnabledTables"/>,
        /// else the metadata. Only such a table's rows can be the regarding row of an SLA KPI instance; RetrieveEntity reports it as IsSLAEnabled.
        /// </summary>
        public bool IsSlaEnabled(string table) => _sla.IsEnabled(table);

        /// <summary>The next id: deterministic, so two runs of a scenario give the same ids.</summary>
        public Guid NewId() => _ids.NewId();

        /// <summary>A service that runs requests as <paramref name="userId"/>, as a client application's service would.</summary>
        public IOrganizationService ServiceFor(Guid userId) => new OrganizationService(_messages, new Caller(userId, userId, null, null));

        /// <summary>A service that runs as <paramref name="userId"/>: the scenario's "when this user does this".</summary>
        public IOrganizationService As(Guid userId) => ServiceFor(userId);

        /// <summary>Adds an enabled user in <paramref name="businessUnitId"/> (the root business unit by default), bypassing the pipeline.</summary>
        public Guid AddUser(string fullName, Guid? businessUnitId = null, Guid? managerId = null, IReadOnlyDictionary<string, object?>? columns = null)
        {
            var id = NewId();
            var values = new Dictionary<string, object?>
            {
                ["fullname"] = fullName,
                ["businessunitid"] = new EntityReference("businessunit", businessUnitId ?? RootBusinessUnitId),
                ["isdisabled"] = false,
            };
            if (managerId != null)
            {
                values["parentsystemuserid"] = new EntityReference("systemuser", managerId.Value);
            }

            foreach (var column in columns ?? new Dictionary<string, object?>())
            {
                values[column.Key] = column.Value;
            }

            Store.Put(_records.SystemRow("systemuser", id, values));

            return id;
        }

        /// <summary>
        /// "Given these records": writes rows as they would be after earlier work, without running any step. Values are still
        /// checked against metadata, and system columns are filled as on Create (as <paramref name="asUser"/>, SYSTEM by default).
        /// </summary>
        public void Seed(IEnumerable<Entity> rows, Guid? asUser = null)
        {
            using var transaction = Store.Begin();
            foreach (var row in rows)
            {
                _records.Create(RowCopy.Of(row), asUser ?? SystemUserId);
            }

            transaction?.Commit();
        }

        public void Seed(params Entity[] rows) => Seed((IEnumerable<Entity>)rows);

        /// <summary>
        /// Runs the queued asynchronous steps and workflows, as the asynchronous service does after the operations commit,
        /// including the work they queue in turn, and resumes the waiting workflows whose date the clock has passed. Returns how many jobs ran. A failed job is logged, not thrown: as on the
        /// platform, it fails its own system job and leaves the operation that queued it committed.
        /// </summary>
        public int DrainAsync(int maxJobs = 100_000) => _jobs.Drain(maxJobs, _workflows.ReleaseDue);

        /// <summary>
        /// Runs a custom workflow activity with its input arguments and returns its output arguments, as a workflow step
        /// does: IWorkflowContext (the running user, the primary row), IOrganizationServiceFactory and ITracingService are its
        /// extensions. The activity's service calls are nested operations at depth 2, and its execution is logged with its trace.
        /// A fault it raises reaches the caller as the platform's fault.
        /// </summary>
        public IDictionary<string, object> RunWorkflowActivity(Activity activity, IDictionary<string, object?> inputs, Guid userId, EntityReference primaryEntity, int depth = 1)
        {
            ArgumentNullException.ThrowIfNull(activity);
            ArgumentNullException.ThrowIfNull(primaryEntity);
            return _activities.Run(activity, inputs, userId, primaryEntity, depth);
        }

        /// <summary>Whether requests are checked against the calling user's security roles (<see cref="DataverseOptions.EnforceSecurityRoles"/>).</summary>
        public bool EnforcesSecurityRoles => _access.Enabled;

        /// <summary>
        /// Declares a role users and teams can then be given by name (a test's "Basic User"-like base role): the depth of each
        /// privilege it grants, by the privilege's name. A role of the same name is replaced.
        /// </summary>
        public SecurityRole AddRole(string name, IReadOnlyDictionary<string, PrivilegeDepths> privileges)
        {
            var role = SecurityRole.Declare(name, privileges);
            lock (Store.Gate)
            {
                _access.Declare(role);
            }

            return role;
        }

        /// <summary>
        /// Gives <paramref name="userId"/> the role named <paramref name="roleName"/> (the solution's, System Administrator, or one
        /// <see cref="AddRole"/> declared): the role's row is created in the root business unit if it is not there yet, and the user
        /// is associated with it through systemuserroles_association, as SYSTEM.
        /// </summary>
        public void AssignRole(Guid userId, string roleName) =>
            SystemService.Associate("systemuser", userId, new Relationship("systemuserroles_association"), new EntityReferenceCollection { new EntityReference("role", RoleRow(roleName)) });

        /// <summary>Gives the team <paramref name="teamId"/> the role named <paramref name="roleName"/>: its members hold it as if it were their own.</summary>
        public void AssignTeamRole(Guid teamId, string roleName)
        {
            var role = RoleRow(roleName);
            lock (Store.Gate)
            {
                _access.AssignToTeam(teamId, role);
            }
        }

        /// <summary>Declares a field security profile (a test's own; the solution's come with its options). One with the same id is replaced.</summary>
        public FieldSecurityProfile AddFieldSecurityProfile(string name, IEnumerable<FieldPermission> permissions)
        {
            var profile = FieldSecurityProfile.Declare(name, permissions);
            lock (Store.Gate)
            {
                _access.Columns.Declare(profile);
            }

            return profile;
        }

        /// <summary>
        /// Makes a user or a team a member of the field security profile named <paramref name="profileName"/>, as an admin does in
        /// Settings → Security → Column security profiles: they may then read, create and update its columns as it allows.
        /// </summary>
        public void AddFieldSecurityProfileMember(string profileName, Guid principalId)
        {
            lock (Store.Gate)
            {
                _access.Columns.AddMember(_access.Columns.Profile(profileName).Id, principalId);
            }
        }

        /// <summary>"Then Dataverse holds": the stored row with every column, read without running any step; null when absent.</summary>
        public Entity? Get(string table, Guid id)
        {
            lock (Store.Gate)
            {
                return _reader.Get(table, id);
            }
        }

        /// <summary>
        /// Opens a view of the solution as <paramref name="userId"/>, as a grid does: its FetchXML runs through the pipeline as the
        /// user, so an unknown column, a missing Read privilege and column security answer as they do for any query.
        /// </summary>
        public EntityCollection OpenView(Guid userId, Guid viewId) =>
            As(userId).RetrieveMultiple(new FetchExpression((Ui.View(viewId) ?? throw DataverseFault.RecordNotFound("savedquery", viewId)).FetchXml));

        /// <summary>
        /// Opens a form of the solution on a row as <paramref name="userId"/>, as the form does: the row is retrieved with the
        /// form's columns (bound controls, and the columns its timers read), and each subgrid runs its view kept to the rows its
        /// relationship ties to the row, all as the user.
        /// </summary>
        public FormLoad OpenForm(Guid userId, Guid formId, Guid rowId)
        {
            var form = Ui.Form(formId) ?? throw DataverseFault.RecordNotFound("systemform", formId);
            var service = As(userId);
            var row = service.Retrieve(form.Table, rowId, new ColumnSet(form.Columns.ToArray()));
            var subgrids = new Dictionary<string, EntityCollection>(StringComparer.Ordinal);
            foreach (var subgrid in form.Subgrids)
            {
                var view = subgrid.ViewId is { } viewId
                    ? Ui.View(viewId) ?? throw DataverseFault.RecordNotFound("savedquery", viewId)
                    : throw DataverseFault.Invalid($"The subgrid {subgrid.Id} names no view.");
                subgrids[subgrid.Id] = service.RetrieveMultiple(new FetchExpression(SubgridQuery.For(view, subgrid, form.Table, rowId, Metadata)));
            }

            return new FormLoad(row, subgrids);
        }

        /// <summary>"Then Dataverse holds": every stored row of a table, read without running any step.</summary>
        public IReadOnlyList<Entity> All(string table)
        {
            lock (Store.Gate)
            {
                return _reader.RowsOf(table).Select(RowCopy.Of).ToList();
            }
        }

        /// <summary>The id of the role row named as the declared role <paramref name="roleName"/>, created as SYSTEM when it is not there.</summary>
        private Guid RoleRow(string roleName)
        {
            SecurityRole role;
            lock (Store.Gate)
            {
                role = _access.Role(roleName);
                if (_reader.Get("role", role.Id) != null)
                {
                    return role.Id;
                }
            }

            return SystemService.Create(new Entity("role", role.Id) { ["name"] = role.Name, ["businessunitid"] = new EntityReference("businessunit", RootBusinessUnitId) });
        }

        /// <summary>The services the platform hands a plug-in or workflow activity running in <paramref name="context"/>.</summary>
        private PluginServices PluginServicesFor(IExecutionContext context, ExecutionRecord record) => new(_messages, SystemUserId, context, record);
    }
}
