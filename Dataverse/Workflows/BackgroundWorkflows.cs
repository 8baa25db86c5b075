using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Organization;
using LeadAlign.Dataverse.Pipeline;
using LeadAlign.Dataverse.Query;
using LeadAlign.Dataverse.Storage;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Dataverse.Workflows
{
    /// <summary>
    /// Background workflows of the solution: started by the operations their definitions name (create, or update of the named
    /// columns, of the primary table), queued like asynchronous steps and run after the operation commits, as the workflow's user
    /// (RunAs) or SYSTEM standing in for its owner; a workflow waiting for a date stays waiting until the clock passes it.
    /// </summary>
    internal sealed class BackgroundWorkflows
    {
        private readonly IReadOnlyList<(WorkflowDefinition Definition, WorkflowProgram Program)> _workflows;
        private readonly PriorityQueue<WorkflowRun, (DateTime Until, long Order)> _waiting = new();
        private readonly MetadataCatalog _metadata;
        private readonly RecordStore _store;
        private readonly AsyncQueue _jobs;
        private readonly WorkflowActivityRunner _activities;
        private readonly OrganizationClock _clock;
        private readonly Guid _systemUserId;
        private long _waitOrder;

        public BackgroundWorkflows(
            IReadOnlyList<(WorkflowDefinition Definition, WorkflowProgram Program)> workflows,
            MetadataCatalog metadata,
            RecordStore store,
            AsyncQueue jobs,
            WorkflowActivityRunner activities,
            OrganizationClock clock,
            Guid systemUserId)
        {
            _workflows = workflows;
            _metadata = metadata;
            _store = store;
            _jobs = jobs;
            _activities = activities;
            _clock = clock;
            _systemUserId = systemUserId;
        }

        /// <summary>Background workflows waiting for a date, with the date they wait for.</summary>
        public IReadOnlyList<(string Workflow, EntityReference Row, DateTime Until)> Waiting
        {
            get
            {
                lock (_waiting)
                {
                    return _waiting.UnorderedItems.OrderBy(item => item.Priority).Select(item => (item.Element.Definition.Name, item.Element.Primary, item.Element.WaitUntil)).ToList();
                }
            }
        }

        /// <summary>Loads each workflow as the workflow host loads it: its table must exist, its XAML must load (<see cref="WorkflowProgram"/>).</summary>
        public static IReadOnlyList<(WorkflowDefinition Definition, WorkflowProgram Program)> Load(IEnumerable<WorkflowDefinition> definitions, MetadataCatalog metadata, Func<string, Type?> typeOf)
        {
            var workflows = new List<(WorkflowDefinition, WorkflowProgram)>();
            foreach (var definition in definitions)
            {
                metadata.RequireTable(definition.PrimaryEntity);
                workflows.Add((definition, WorkflowProgram.Compile(definition, typeOf)));
            }

            return workflows;
        }

        /// <summary>Queues the workflows an operation starts: a Create, or an Update of <paramref name="changedColumns"/>, of their table.</summary>
        public void Queue(string message, string table, Guid id, IReadOnlyCollection<string> changedColumns, Guid userId, int depth)
        {
            if (_workflows.Count == 0 || id == Guid.Empty)
            {
                return;
            }

            foreach (var (definition, program) in _workflows.Where(workflow => workflow.Definition.StartsOn(message, table, changedColumns)))
            {
                var run = new WorkflowRun(definition, program, new EntityReference(table, id), definition.RunAs == 0 ? _systemUserId : userId, depth);
                _jobs.Enqueue(new AsyncJob($"Workflow '{definition.Name}' on {table} {id}", () => Continue(run)));
            }
        }

        /// <summary>Moves the waiting workflows whose date has passed back to the queue. Returns how many.</summary>
        public int ReleaseDue()
        {
            var due = new List<WorkflowRun>();
            lock (_waiting)
            {
                while (_waiting.TryPeek(out var run, out var when) && when.Until <= _clock.UtcNow)
                {
                    due.Add(_waiting.Dequeue());
                }
            }

            foreach (var run in due)
            {
                _jobs.EnqueueReady(new AsyncJob($"Workflow '{run.Definition.Name}' on {run.Primary.LogicalName} {run.Primary.Id} (resumed)", () => Continue(run)));
            }

            return due.Count;
        }

        private void Continue(WorkflowRun run)
        {
            var steps = run.Program.Steps;
            while (run.Next < steps.Count)
            {
                var step = steps[run.Next];
                try
                {
                    if (!Execute(run, step))
                    {
                        return;
                    }
                }
                catch (Exception failure) when (failure is not OutOfMemoryException)
                {
                    throw new InvalidOperationException($"Workflow '{run.Definition.Name}', step '{step.DisplayName}': {failure.Message}", failure);
                }
            }
        }

        /// <summary>Runs one step; false when the workflow stops or waits.</summary>
        private bool Execute(WorkflowRun run, WorkflowStep step)
        {
            var variables = run.Variables;
            object? Read(string name) => variables.TryGetValue(name, out var value) ? value : run.Program.Defaults.GetValueOrDefault(name);
            run.Next++;
            switch (step.Kind)
            {
                case WorkflowStepKind.GetProperty:
                    var row = _store.Get(run.Primary.LogicalName, run.Primary.Id) ?? throw new InvalidOperationException($"{run.Primary.LogicalName} With Id = {run.Primary.Id} Does Not Exist");
                    _metadata.RequireColumn(run.Primary.LogicalName, step.Attribute);
                    var read = row.Attributes.TryGetValue(step.Attribute, out var value) ? value : null;
                    variables[step.Target] = step.Operator == "EntityReference" && read is Guid rowId ? new EntityReference(run.Primary.LogicalName, rowId) : read;
                    return true;
                case WorkflowStepKind.Copy:
                    variables[step.Target] = Read(step.Source);
                    return true;
                case WorkflowStepKind.FirstNonNull:
                    variables[step.Target] = step.Parameters.Select(Read).FirstOrDefault(candidate => candidate != null);
                    return true;
                case WorkflowStepKind.CreateValue:
                    variables[step.Target] = WorkflowProgram.Literal(step.Operator, step.Literal);
                    return true;
                case WorkflowStepKind.Evaluate:
                    variables[step.Target] = Evaluate(step.Operator, Read(step.Source), step.Parameters.Select(Read).ToList(), run.UserId);
                    return true;
                case WorkflowStepKind.NullMeansForever:
                    variables[step.Target] = Read(step.Source) ?? DateTime.MaxValue;
                    return true;
                case WorkflowStepKind.TimeoutPassed:
                    variables[step.Target] = _clock.UtcNow >= (Read(step.Source) as DateTime? ?? throw new InvalidOperationException($"the timeout {step.Source} is not a date."));
                    return true;
                case WorkflowStepKind.JumpUnless:
                    if (Read(step.Source) is not true)
                    {
                        run.Next = step.JumpTo;
                    }

                    return true;
                case WorkflowStepKind.Jump:
                    run.Next = step.JumpTo;
                    return true;
                case WorkflowStepKind.CallActivity:
                    var activity = (System.Activities.Activity)Activator.CreateInstance(step.ActivityType!)!;
                    var inputs = step.Inputs.ToDictionary(input => input.Key, input => Read(input.Value));
                    var outputs = _activities.Run(activity, inputs, run.UserId, run.Primary, run.Depth);
                    foreach (var output in step.Outputs)
                    {
                        variables[output.Value] = outputs.TryGetValue(output.Key, out var produced) ? produced : null;
                    }

                    return true;
                case WorkflowStepKind.ArmTimeout:
                    var timeout = Read(step.Source) as DateTime? ?? throw new InvalidOperationException($"the timeout {step.Source} is not a date.");
                    run.Timeout = run.Timeout is { } armed && armed <= timeout ? armed : timeout;
                    return true;
                case WorkflowStepKind.Wait:
                    // No branch of the wait held: sleep until the earliest armed timeout, then evaluate the wait again.
                    var until = run.Timeout ?? throw new InvalidOperationException("the wait has no timeout armed.");
                    run.Timeout = null;
                    run.Next = step.JumpTo;
                    if (until > _clock.UtcNow)
                    {
                        run.WaitUntil = until;
                        lock (_waiting)
                        {
                            _waiting.Enqueue(run, (until, _waitOrder++));
                        }

                        return false;
                    }

                    return true;
                default:
                    run.Next = run.Program.Steps.Count;
                    return false;
            }
        }

        /// <summary>
        /// An EvaluateCondition step, with the query engine's condition semantics (a null operand matches only Null and NotNull).
        /// A comparison with an empty parameter is false, as the workflow designer's "equals [empty field]" is.
        /// </summary>
        private bool Evaluate(string conditionOperator, object? operand, IReadOnlyList<object?> parameters, Guid userId)
        {
            if (!Enum.TryParse<ConditionOperator>(conditionOperator, out var parsed))
            {
                throw new NotSupportedException($"the condition operator {conditionOperator} is not a Dataverse condition operator.");
            }

            if (parameters.Contains(null))
            {
                return false;
            }

            const string Operand = "operand";
            var row = new Entity("workflowcondition") { [Operand] = operand };
            return new ConditionEvaluator(() => _clock.UtcNow, userId).Matches(row, new ConditionExpression(Operand, parsed, parameters.ToArray()));
        }
    }
}
