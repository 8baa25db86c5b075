using System;
using System.Collections.Generic;
using System.Diagnostics;
using LeadAlign.Dataverse.Registration;
using LeadAlign.Dataverse.Service;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Pipeline
{
    /// <summary>
    /// Runs a step's plug-in as the platform runs it: one instance per step, created with the step's unsecure and secure configuration
    /// and reused for every execution (so a stateful plug-in shows its bug); the services it is handed; the shared variables it leaves
    /// serializable (<see cref="SharedVariableSerialization"/>); the execution logged with its trace, duration and service calls; a
    /// failure turned into the platform's fault.
    /// </summary>
    internal sealed class StepInvoker
    {
        private readonly Dictionary<Guid, IPlugin> _instances = new();
        private readonly PluginTypes _types;
        private readonly IReadOnlyDictionary<Guid, string> _secureConfigurations;
        private readonly ExecutionLog _log;
        private readonly Func<IExecutionContext, ExecutionRecord, PluginServices> _servicesFor;

        /// <summary><paramref name="servicesFor"/>: the services the platform hands a plug-in running in that context.</summary>
        public StepInvoker(PluginTypes types, IReadOnlyDictionary<Guid, string> secureConfigurations, ExecutionLog log, Func<IExecutionContext, ExecutionRecord, PluginServices> servicesFor)
        {
            _types = types;
            _secureConfigurations = secureConfigurations;
            _log = log;
            _servicesFor = servicesFor;
        }

        public void Invoke(StepRegistration step, PluginExecutionContext context)
        {
            var plugin = PluginFor(step);
            var record = new ExecutionRecord(step.PluginTypeFullName, context.MessageName, context.PrimaryEntityName, context.Stage, context.Mode, context.Depth, context.OperationCreatedOn);
            _log.Add(record);
            var clock = Stopwatch.StartNew();
            try
            {
                plugin.Execute(_servicesFor(context, record));

                // The platform serializes the context when the step returns: a shared variable it cannot serialize fails the step.
                SharedVariableSerialization.Check(context.SharedVariables);
            }
            catch (Exception failure)
            {
                record.Failure = failure.Message;
                throw PluginFault.From(failure, step.PluginTypeFullName, record.Trace);
            }
            finally
            {
                record.Duration = clock.Elapsed;
            }
        }

        /// <summary>
        /// The plug-in instance of a step: created once, then reused for every execution, on every thread at once, as the platform
        /// caches it (so instance state a plug-in keeps is shared by concurrent executions, as it is on the platform).
        /// </summary>
        private IPlugin PluginFor(StepRegistration step)
        {
            lock (_instances)
            {
                return _instances.TryGetValue(step.Id, out var cached) ? cached : Created(step);
            }
        }

        private IPlugin Created(StepRegistration step)
        {

            var type = _types.Find(step.PluginTypeFullName)!;
            _secureConfigurations.TryGetValue(step.Id, out var secure);
            var instance = type.GetConstructor(new[] { typeof(string), typeof(string) }) is { } both
                ? both.Invoke(new object?[] { step.Configuration, secure })
                : type.GetConstructor(new[] { typeof(string) }) is { } unsecure
                    ? unsecure.Invoke(new object?[] { step.Configuration })
                    : Activator.CreateInstance(type);
            var plugin = instance as IPlugin ?? throw new InvalidOperationException($"{type.FullName} does not implement IPlugin.");
            _instances[step.Id] = plugin;
            return plugin;
        }
    }
}
