using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse.Query;
using LeadAlign.Dataverse.Workflows;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Dataverse
{
    /// <summary>
    /// Background workflows of the solution: started by the operations their definitions name, queued like asynchronous
    /// steps and run after the operation commits; a workflow waiting for a date stays waiting until the clock passes it.
    /// </summary>
    public sealed partial class InMemoryDataverse
    {
        private readonly List<(WorkflowDefinition Definition, WorkflowProgram Program)> _workflows = new();
        private readonly PriorityQueue<WorkflowRun, (DateTime Until, long Order)> _waiting = new();
        private long _waitOrder;

        /// <summary>Background workflows waiting for a date, with the date they wait for.</summary>
        public IReadOnlyList<(string Workflow, EntityReference Row, DateTime Until)> WaitingWorkflows =>
            _waiting.UnorderedItems.OrderBy(item => item.Priority).Select(item => (item.Element.Definition.Name, item.Element.Primary, item.Element.WaitUntil)).ToList();

        private void LoadWorkflows(IEnumerable<WorkflowDefinition> definitions)
        {
            foreach (var definition in definitions)
            {
                Metadata.RequireTable(definition.PrimaryEntity);
                _workflows.Add((definition, WorkflowProgram.Compile(definition, PluginType)));
            }
        }

        private void QueueWorkflows(string message, string table, Guid id, ParameterCollection inputs, Guid userId, int depth)
        {
            if (_workflows.Count == 0 || id == Guid.Empty)
            {
                return;
            }

            var changed = message == "Update" && inputs.TryGetValue("Target", out var target) && target is Entity entity ? entity.Attributes.Keys.ToList() : new List<string>();
            foreach (var (definition, program) in _workflows.Where(workflow => workflow.Definition.StartsOn(message, table, changed)))
            {
                var run = new WorkflowRun(definition, program, new EntityReference(table, id), definition.RunAs == 0 ? SystemUserId : userId, depth);
                Enqueue(new AsyncJob($"Workflow '{definition.Name}' on {table} {id}", () => Continue(run)));
            }
        }

        /// <summary>Moves the waiting workflows whose date has passed back to the queue. Returns how many.</summary>
        private int ReleaseDueWorkflows()
        {
            var released = 0;
            while (_waiting.TryPeek(out var run, out var when) && when.Until <= UtcNow)
            {
                _waiting.Dequeue();
                _asyncQueue.Enqueue(new AsyncJob($"Workflow '{run.Definition.Name}' on {run.Primary.LogicalName} {run.Primary.Id} (resumed)", () => Continue(run)));
                released++;
            }

            return released;
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
                    var row = Store.Get(run.Primary.LogicalName, run.Primary.Id) ?? throw new InvalidOperationException($"{run.Primary.LogicalName} With Id = {run.Primary.Id} Does Not Exist");
                    Metadata.RequireColumn(run.Primary.LogicalName, step.Attribute);
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
                    variables[step.Target] = UtcNow >= (Read(step.Source) as DateTime? ?? throw new InvalidOperationException($"the timeout {step.Source} is not a date."));
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
                    var outputs = RunWorkflowActivity(activity, inputs, run.UserId, run.Primary, run.Depth);
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
                    if (until > UtcNow)
                    {
                        run.WaitUntil = until;
                        _waiting.Enqueue(run, (until, _waitOrder++));
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
            return new ConditionEvaluator(() => UtcNow, userId).Matches(row, new ConditionExpression(Operand, parsed, parameters.ToArray()));
        }

        private sealed class WorkflowRun
        {
            public WorkflowRun(WorkflowDefinition definition, WorkflowProgram program, EntityReference primary, Guid userId, int depth)
            {
                Definition = definition;
                Program = program;
                Primary = primary;
                UserId = userId;
                Depth = depth;
            }

            public WorkflowDefinition Definition { get; }

            public WorkflowProgram Program { get; }

            public EntityReference Primary { get; }

            public Guid UserId { get; }

            public int Depth { get; }

            public int Next { get; set; }

            public DateTime WaitUntil { get; set; }

            /// <summary>The earliest timeout the branches of the current wait armed; null outside a wait.</summary>
            public DateTime? Timeout { get; set; }

            public Dictionary<string, object?> Variables { get; } = new(StringComparer.Ordinal);
        }
    }
}
