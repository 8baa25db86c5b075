using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Tests.Reporting
{
    /// <summary>
    /// Runs a cloud flow's actions against an organization service, as the flow engine would in the order their runAfter gives:
    /// InitializeVariable, SetVariable, Until (do, then test) and the Dataverse connector's PerformUnboundAction, which becomes
    /// the request named by actionName with each item/ parameter. The expressions it evaluates are the few the shipped flow
    /// writes (variables, an action's body property, equals); any other action type or expression fails the run, so the flow
    /// cannot hold a step this run skipped.
    /// </summary>
    internal sealed class CloudFlowRun
    {
        private static readonly Regex Variable = new(@"^@variables\('(?<name>[A-Za-z0-9_]+)'\)$");
        private static readonly Regex Output = new(@"^@outputs\('(?<action>[A-Za-z0-9_]+)'\)\?\['body/(?<property>[A-Za-z0-9_]+)'\]$");
        private static readonly Regex EqualsVariable = new(@"^@equals\(variables\('(?<name>[A-Za-z0-9_]+)'\), (?<literal>true|false|-?[0-9]+)\)$");

        private readonly IOrganizationService _service;
        private readonly Dictionary<string, object?> _variables = new(StringComparer.Ordinal);
        private readonly Dictionary<string, OrganizationResponse> _outputs = new(StringComparer.Ordinal);

        public CloudFlowRun(IOrganizationService service)
        {
            _service = service;
        }

        /// <summary>The requests the flow sent, in order.</summary>
        public List<OrganizationRequest> Calls { get; } = new();

        /// <summary>Each connector action's response, by action name (the last one, for an action in a loop).</summary>
        public IReadOnlyDictionary<string, OrganizationResponse> Outputs => _outputs;

        public void Run(JsonElement actions)
        {
            var pending = actions.EnumerateObject().ToList();
            var done = new HashSet<string>(StringComparer.Ordinal);
            while (pending.Count > 0)
            {
                var next = pending.FirstOrDefault(action => action.Value.GetProperty("runAfter").EnumerateObject().All(before => done.Contains(before.Name)));
                if (next.Value.ValueKind == JsonValueKind.Undefined)
                {
                    throw new InvalidOperationException("No action can run: their runAfter names actions that never run.");
                }

                Execute(next.Name, next.Value);
                done.Add(next.Name);
                pending.Remove(next);
            }
        }

        private void Execute(string name, JsonElement action)
        {
            var type = action.GetProperty("type").GetString();
            switch (type)
            {
                case "InitializeVariable":
                    foreach (var variable in action.GetProperty("inputs").GetProperty("variables").EnumerateArray())
                    {
                        _variables[variable.GetProperty("name").GetString()!] = Evaluate(variable.GetProperty("value"));
                    }

                    break;
                case "SetVariable":
                    var inputs = action.GetProperty("inputs");
                    _variables[inputs.GetProperty("name").GetString()!] = Evaluate(inputs.GetProperty("value"));
                    break;
                case "Until":
                    var limit = action.GetProperty("limit").GetProperty("count").GetInt32();
                    for (var round = 1; ; round++)
                    {
                        Run(action.GetProperty("actions"));
                        if (Equals(Evaluate(action.GetProperty("expression")), true))
                        {
                            break;
                        }

                        if (round == limit)
                        {
                            throw new InvalidOperationException($"{name} reached its limit of {limit} rounds.");
                        }
                    }

                    break;
                case "OpenApiConnection":
                    var host = action.GetProperty("inputs").GetProperty("host");
                    if (host.GetProperty("operationId").GetString() != "PerformUnboundAction")
                    {
                        throw new NotSupportedException($"{name}: only the Dataverse connector's PerformUnboundAction is run here.");
                    }

                    var parameters = action.GetProperty("inputs").GetProperty("parameters");
                    var request = new OrganizationRequest(parameters.GetProperty("actionName").GetString()!);
                    foreach (var parameter in parameters.EnumerateObject().Where(parameter => parameter.Name.StartsWith("item/", StringComparison.Ordinal)))
                    {
                        request[parameter.Name["item/".Length..]] = Evaluate(parameter.Value);
                    }

                    Calls.Add(request);
                    _outputs[name] = _service.Execute(request);
                    break;
                default:
                    throw new NotSupportedException($"{name}: the action type {type} is not run here.");
            }
        }

        private object? Evaluate(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Number:
                    return value.GetInt32();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                case JsonValueKind.String when !value.GetString()!.StartsWith("@", StringComparison.Ordinal):
                    return value.GetString();
                case JsonValueKind.String:
                    var expression = value.GetString()!;
                    if (Variable.Match(expression) is { Success: true } variable)
                    {
                        return _variables[variable.Groups["name"].Value];
                    }

                    if (Output.Match(expression) is { Success: true } output)
                    {
                        return _outputs[output.Groups["action"].Value].Results.TryGetValue(output.Groups["property"].Value, out var result) ? result : null;
                    }

                    if (EqualsVariable.Match(expression) is { Success: true } equals)
                    {
                        var literal = equals.Groups["literal"].Value;
                        object expected = literal is "true" or "false" ? literal == "true" : int.Parse(literal, System.Globalization.CultureInfo.InvariantCulture);
                        return Equals(_variables[equals.Groups["name"].Value], expected);
                    }

                    throw new NotSupportedException($"The expression {expression} is not evaluated here.");
                default:
                    throw new NotSupportedException($"A {value.ValueKind} value is not evaluated here.");
            }
        }
    }
}
