using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Pipeline;
using LeadAlign.Dataverse.Registration;
using LeadAlign.Dataverse.Storage;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse
{
    /// <summary>
    /// An organization of the in-memory Dataverse: the metadata catalog, the rows, the registered steps and Custom APIs,
    /// the settable clock, deterministic ids, the queue of asynchronous work and the log of every execution.
    /// Services for a user come from <see cref="ServiceFor"/>; they run every request through the event pipeline.
    /// One request runs at a time (requests from many threads are serialized); plug-in code runs on the caller's thread.
    /// </summary>
    public sealed partial class InMemoryDataverse
    {
        private readonly object _gate = new();
        private readonly Dictionary<string, Type> _pluginTypes = new(StringComparer.Ordinal);
        private readonly Dictionary<Guid, IPlugin> _pluginInstances = new();
        private readonly Dictionary<string, CustomApiDefinition> _customApis = new(StringComparer.OrdinalIgnoreCase);
        private readonly Queue<AsyncJob> _asyncQueue = new();
        private readonly IReadOnlyDictionary<Guid, string> _secureConfigurations;
        private readonly IReadOnlyDictionary<string, bool> _slaEnabledTables;
        private List<AsyncJob>? _pendingAsync;
        private static long _organizations;
        private long _nextId;
        private long _nextVersion = 1000;

        public InMemoryDataverse()
            : this(new DataverseOptions())
        {
        }

        public InMemoryDataverse(DataverseOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            Metadata = options.Metadata ?? MetadataCatalog.Standard();
            Steps = options.Steps;
            MaxDepth = options.MaxDepth;
            UtcNow = options.StartTime;
            _secureConfigurations = options.SecureConfigurations;
            _slaEnabledTables = options.SlaEnabledTables;
            foreach (var type in options.PluginAssemblies.SelectMany(assembly => assembly.GetTypes()))
            {
                if (type.FullName != null && !type.IsAbstract && type.IsClass)
                {
                    _pluginTypes[type.FullName] = type;
                }
            }

            foreach (var api in options.CustomApis)
            {
                _customApis[api.UniqueName] = api;
            }

            foreach (var step in Steps)
            {
                if (!_pluginTypes.ContainsKey(step.PluginTypeFullName))
                {
                    throw new InvalidOperationException($"The step '{step.Name}' ({step.Id}) names the plug-in type {step.PluginTypeFullName}, which none of the plug-in assemblies holds.");
                }
            }

            LoadWorkflows(options.Workflows);
            OrganizationId = new Guid(string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-a000-{System.Threading.Interlocked.Increment(ref _organizations):D12}"));
            RootBusinessUnitId = NewId();
            SystemUserId = NewId();
            Store.Put(SystemRow("businessunit", RootBusinessUnitId, new Dictionary<string, object?> { ["name"] = "LeadAlign" }));
            Store.Put(SystemRow("systemuser", SystemUserId, new Dictionary<string, object?>
            {
                ["fullname"] = "SYSTEM",
                ["businessunitid"] = new EntityReference("businessunit", RootBusinessUnitId),
                ["isdisabled"] = false,
            }));
            foreach (var row in options.Data)
            {
                SystemService.Create(row);
            }
        }

        public MetadataCatalog Metadata { get; }

        public IReadOnlyList<StepRegistration> Steps { get; }

        public int MaxDepth { get; }

        /// <summary>Unique per organization in the process, so caches keyed by organization (as plug-ins key them) never mix two test organizations.</summary>
        public Guid OrganizationId { get; }

        public Guid RootBusinessUnitId { get; }

        /// <summary>The SYSTEM user, as which a plug-in's <c>CreateOrganizationService(null)</c> runs.</summary>
        public Guid SystemUserId { get; }

        /// <summary>The rows. Tests read them through a service; this is for the library's own use and diagnostics.</summary>
        public RecordStore Store { get; } = new();

        /// <summary>Every plug-in and workflow activity execution, with its trace, duration and service calls.</summary>
        public ExecutionLog Log { get; } = new();

        /// <summary>
        /// "Now" for the organization, UTC. It moves only when set or advanced: every operation takes its time from it
        /// (createdon, modifiedon, OperationCreatedOn), so SLA and decay logic can be tested at any moment.
        /// </summary>
        public DateTime UtcNow
        {
            get => _utcNow;
            set => _utcNow = value.Kind == DateTimeKind.Utc ? value : throw new ArgumentException("The clock is UTC: give a DateTime of kind Utc.", nameof(value));
        }

        private DateTime _utcNow;

        public void Advance(TimeSpan by) => UtcNow = UtcNow.Add(by);

        /// <summary>
        /// Whether <paramref name="table"/> is enabled for SLAs in this organization: the options' <see cref="DataverseOptions.SlaEnabledTables"/>,
        /// else the metadata. Only such a table's rows can be the regarding row of an SLA KPI instance; RetrieveEntity reports it as IsSLAEnabled.
        /// </summary>
        public bool IsSlaEnabled(string table) =>
            _slaEnabledTables.TryGetValue(table, out var enabled) ? enabled : Metadata.Table(table)?.IsSlaEnabled ?? false;

        /// <summary>Asynchronous steps and workflows waiting to run, in order.</summary>
        public int PendingAsyncJobs => _asyncQueue.Count;

        /// <summary>The next id: deterministic, so two runs of a scenario give the same ids.</summary>
        public Guid NewId()
        {
            var next = System.Threading.Interlocked.Increment(ref _nextId);
            return new Guid(string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-8000-{next:D12}"));
        }

        /// <summary>A service that runs requests as <paramref name="userId"/>, as a client application's service would.</summary>
        public IOrganizationService ServiceFor(Guid userId) => new OrganizationService(this, new Caller(userId, userId, null, null));

        /// <summary>A service that runs as SYSTEM.</summary>
        public IOrganizationService SystemService => ServiceFor(SystemUserId);

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

            lock (_gate)
            {
                Store.Put(SystemRow("systemuser", id, values));
            }

            return id;
        }

        /// <summary>
        /// "Given these records": writes rows as they would be after earlier work, without running any step. Values are still
        /// checked against metadata, and system columns are filled as on Create (as <paramref name="asUser"/>, SYSTEM by default).
        /// </summary>
        public void Seed(IEnumerable<Entity> rows, Guid? asUser = null)
        {
            lock (_gate)
            {
                using var transaction = Store.Begin();
                foreach (var row in rows)
                {
                    CreateRow(RowCopy.Of(row), asUser ?? SystemUserId);
                }

                transaction?.Commit();
            }
        }

        public void Seed(params Entity[] rows) => Seed((IEnumerable<Entity>)rows);

        /// <summary>
        /// Runs the queued asynchronous steps and workflows, as the asynchronous service does after the operations commit,
        /// including the work they queue in turn, and resumes the waiting workflows whose date the clock has passed. Returns how many jobs ran. A failed job is logged, not thrown: as on the
        /// platform, it fails its own system job and leaves the operation that queued it committed.
        /// </summary>
        public int DrainAsync(int maxJobs = 100_000)
        {
            var ran = 0;
            while (true)
            {
                AsyncJob job;
                lock (_gate)
                {
                    if (_asyncQueue.Count == 0 && ReleaseDueWorkflows() == 0)
                    {
                        return ran;
                    }

                    if (ran >= maxJobs)
                    {
                        throw new InvalidOperationException($"More than {maxJobs} asynchronous jobs ran in one drain: the work keeps queueing itself.");
                    }

                    job = _asyncQueue.Dequeue();
                }

                ran++;
                lock (_gate)
                {
                    try
                    {
                        job.Run();
                    }
                    catch (Exception failure) when (failure is not OutOfMemoryException)
                    {
                        FailedAsyncJobs.Add($"{job.Description}: {failure.Message}");
                    }
                }
            }
        }

        /// <summary>What the asynchronous jobs that failed said, in order.</summary>
        public List<string> FailedAsyncJobs { get; } = new();

        internal Type? PluginType(string fullName) => _pluginTypes.TryGetValue(fullName, out var type) ? type : null;

        internal CustomApiDefinition? CustomApi(string name) => _customApis.TryGetValue(name, out var api) ? api : null;

        internal void Enqueue(AsyncJob job)
        {
            if (_pendingAsync != null)
            {
                _pendingAsync.Add(job);
            }
            else
            {
                _asyncQueue.Enqueue(job);
            }
        }

        internal long NextVersion() => ++_nextVersion;

        private Entity SystemRow(string table, Guid id, IReadOnlyDictionary<string, object?> values)
        {
            var definition = Metadata.RequireTable(table);
            var row = new Entity(table, id);
            row[definition.PrimaryId] = id;
            foreach (var value in values)
            {
                row[value.Key] = value.Value;
            }

            row["createdon"] = UtcNow;
            row["modifiedon"] = UtcNow;
            row["versionnumber"] = NextVersion();
            if (definition.HasColumn("statecode"))
            {
                row["statecode"] = new OptionSetValue(0);
                row["statuscode"] = new OptionSetValue(definition.DefaultStatus(0) ?? 1);
            }

            return row;
        }

        /// <summary>Work queued for after commit: an asynchronous step or a background workflow.</summary>
        internal sealed class AsyncJob
        {
            public AsyncJob(string description, Action run)
            {
                Description = description;
                Run = run;
            }

            public string Description { get; }

            public Action Run { get; }
        }
    }
}
