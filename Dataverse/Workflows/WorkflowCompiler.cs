using System;
using System.Activities;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LeadAlign.Dataverse.Workflows
{
    /// <summary>
    /// Compiles a workflow's body, in the shape the classic workflow designer exports it, into <see cref="WorkflowStep"/>s: Composite
    /// steps, condition sequences and their branches (a wait is a ConditionSequence with Wait = True whose timeout branch arms a
    /// Postpone), GetEntityProperty of the primary row, EvaluateCondition, EvaluateExpression (CreateCrmType, SelectFirstNonNull),
    /// ConvertCrmXrmTypes, the timeout branch's two assignments, and calls of custom workflow activities. Shapes and sources are
    /// described on <see cref="WorkflowProgram"/>.
    /// </summary>
    internal sealed class WorkflowCompiler
    {
        /// <summary>The mxswa namespace: the workflow SDK's activities (Workflow, ActivityReference, GetEntityProperty, Postpone, …).</summary>
        internal static readonly XNamespace Mxswa = "clr-namespace:Microsoft.Xrm.Sdk.Workflow.Activities;assembly=" + XamlVocabulary.WorkflowSdkAssembly;

        private static readonly Regex Variable = new(@"^\[\s*([A-Za-z_][A-Za-z0-9_]*)\s*\]$", RegexOptions.CultureInvariant);
        private static readonly Regex Cast = new(@"^\[\s*DirectCast\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*,\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\)\s*\]$", RegexOptions.CultureInvariant);
        private static readonly Regex ObjectArray = new(@"^\[\s*New Object\(\)\s*\{(?<items>.*)\}\s*\]$", RegexOptions.CultureInvariant | RegexOptions.Singleline);
        private static readonly Regex NoTimeoutMeansForever = new(@"^\[\s*Microsoft\.VisualBasic\.IIf\(\s*Microsoft\.VisualBasic\.IsNothing\((?<a>[A-Za-z_][A-Za-z0-9_]*)\)\s*,\s*DateTime\.MaxValue\s*,\s*(?<b>[A-Za-z_][A-Za-z0-9_]*)\s*\)\s*\]$", RegexOptions.CultureInvariant);
        private static readonly Regex TimeoutPassed = new(@"^\[\s*DateTime\.UtcNow\s*>=\s*DirectCast\((?<a>[A-Za-z_][A-Za-z0-9_]*)\s*,\s*System\.DateTime\)\.ToUniversalTime\(\)\s*\]$", RegexOptions.CultureInvariant);
        private static readonly XName Key = XName.Get("Key", XamlVocabulary.XamlXmlns);
        private static readonly XNamespace Activities = XamlVocabulary.ActivitiesXmlns;

        private readonly List<WorkflowStep> _steps = new();
        private readonly IReadOnlySet<string> _declared;
        private readonly Func<string, Type?> _typeOf;
        private readonly WorkflowRefusals _refuse;

        /// <summary><paramref name="declared"/>: the variables the XAML declares; <paramref name="typeOf"/> resolves a custom activity's full type name.</summary>
        public WorkflowCompiler(IReadOnlySet<string> declared, Func<string, Type?> typeOf, WorkflowRefusals refuse)
        {
            _declared = declared;
            _typeOf = typeOf;
            _refuse = refuse;
        }

        public IReadOnlyList<WorkflowStep> Steps => _steps;

        /// <summary>Compiles an activity of the workflow's body (and what it holds) into steps.</summary>
        public void CompileActivity(XElement element)
        {
            var name = element.Name;
            if (name == Activities + "Sequence")
            {
                foreach (var child in element.Elements().Where(child => child.Name != Activities + "Sequence.Variables"))
                {
                    CompileActivity(child);
                }
            }
            else if (name == Activities + "Assign")
            {
                CompileAssign(element);
            }
            else if (name == Activities + "Persist" || name == XName.Get("Null", XamlVocabulary.XamlXmlns))
            {
                return;
            }
            else if (name == Mxswa + "GetEntityProperty")
            {
                CompileGetProperty(element);
            }
            else if (name == Mxswa + "ActivityReference")
            {
                CompileReference(element);
            }
            else if (name == Mxswa + "Postpone")
            {
                throw _refuse.Unloadable(element, "a Postpone step outside a wait; the designer writes a wait as a ConditionSequence with Wait = True whose timeout branch has the Postpone as its Else");
            }
            else
            {
                throw _refuse.NotRun(element, $"the {element.Name.LocalName} step");
            }
        }

        private void CompileGetProperty(XElement element)
        {
            if ((string?)element.Attribute("Entity") != "[InputEntities(\"primaryEntity\")]")
            {
                throw _refuse.NotRun(element, "GetEntityProperty of a row other than the primary row");
            }

            var literal = element.Element(Mxswa + "GetEntityProperty.TargetType")?.Descendants(Mxswa + "ReferenceLiteral").FirstOrDefault();
            _steps.Add(new WorkflowStep(WorkflowStepKind.GetProperty, WorkflowRefusals.Display(element))
            {
                Attribute = _refuse.Required(element, "Attribute"),
                Target = VariableOf(element, _refuse.Required(element, "Value")),
                Operator = ((string?)literal?.Attribute("Value"))?.EndsWith(":EntityReference", StringComparison.Ordinal) == true ? "EntityReference" : string.Empty,
            });
        }

        /// <summary>The two assignments of the designer's timeout branch: no date means never, and "has the date passed".</summary>
        private void CompileAssign(XElement element)
        {
            var to = _refuse.Required(element, "To");
            var value = _refuse.Required(element, "Value");
            var never = NoTimeoutMeansForever.Match(value.Trim());
            if (never.Success && never.Groups["a"].Value == never.Groups["b"].Value && VariableOf(element, to) == never.Groups["a"].Value)
            {
                _steps.Add(new WorkflowStep(WorkflowStepKind.NullMeansForever, WorkflowRefusals.Display(element)) { Source = Declared(element, never.Groups["a"].Value), Target = VariableOf(element, to) });
                return;
            }

            var passed = TimeoutPassed.Match(value.Trim());
            if (passed.Success)
            {
                _steps.Add(new WorkflowStep(WorkflowStepKind.TimeoutPassed, WorkflowRefusals.Display(element)) { Source = Declared(element, passed.Groups["a"].Value), Target = VariableOf(element, to) });
                return;
            }

            throw _refuse.NotRun(element, $"the assignment {to} = {value}");
        }

        private void CompileReference(XElement element)
        {
            var qualifiedName = _refuse.Required(element, "AssemblyQualifiedName");
            var comma = qualifiedName.IndexOf(',', StringComparison.Ordinal);
            var typeName = (comma < 0 ? qualifiedName : qualifiedName[..comma]).Trim();
            var assembly = comma < 0 ? string.Empty : qualifiedName[(comma + 1)..].Trim();
            if (typeName.StartsWith("Microsoft.Crm.Workflow.", StringComparison.Ordinal))
            {
                if (!XamlVocabulary.DesignerActivities.Contains(typeName) || assembly != XamlVocabulary.CrmWorkflowAssembly)
                {
                    throw _refuse.Unloadable(element, $"the activity {qualifiedName}, which does not exist in {XamlVocabulary.CrmWorkflowAssembly}");
                }

                CompileDesignerActivity(element, typeName);
                return;
            }

            CompileCustomActivity(element, typeName, assembly);
        }

        private void CompileDesignerActivity(XElement element, string typeName)
        {
            var arguments = Arguments(element);
            string Argument(string key) => arguments.TryGetValue(key, out var argument) ? argument.Value.Trim() : throw _refuse.Unloadable(element, $"{typeName} without its {key} argument");
            switch (typeName)
            {
                case "Microsoft.Crm.Workflow.Activities.Composite":
                    foreach (var child in Property(element, "Activities")?.Elements() ?? throw _refuse.Unloadable(element, "a Composite without its Activities"))
                    {
                        CompileActivity(child);
                    }

                    return;
                case "Microsoft.Crm.Workflow.Activities.ConditionSequence":
                    CompileConditionSequence(element, Argument("Wait") == "True");
                    return;
                case "Microsoft.Crm.Workflow.Activities.ConditionBranch":
                    throw _refuse.Unloadable(element, "a ConditionBranch outside a ConditionSequence");
                case "Microsoft.Crm.Workflow.Activities.EvaluateCondition":
                    _steps.Add(new WorkflowStep(WorkflowStepKind.Evaluate, WorkflowRefusals.Display(element))
                    {
                        Operator = Argument("ConditionOperator"),
                        Source = VariableOf(element, Argument("Operand")),
                        Parameters = arguments.TryGetValue("Parameters", out var parameters) && parameters.Name.LocalName != "Null" ? ArrayItems(element, parameters.Value).Select(item => Declared(element, item)).ToList() : Array.Empty<string>(),
                        Target = VariableOf(element, Argument("Result")),
                    });
                    return;
                case "Microsoft.Crm.Workflow.Activities.EvaluateExpression":
                    CompileExpression(element, Argument("ExpressionOperator"), ArrayItems(element, Argument("Parameters")), VariableOf(element, Argument("Result")));
                    return;
                case "Microsoft.Crm.Workflow.Activities.ConvertCrmXrmTypes":
                    _steps.Add(new WorkflowStep(WorkflowStepKind.Copy, WorkflowRefusals.Display(element)) { Source = VariableOf(element, Argument("Value")), Target = VariableOf(element, Argument("Result")) });
                    return;
                default:
                    throw _refuse.NotRun(element, $"the activity {typeName}");
            }
        }

        private void CompileExpression(XElement element, string expressionOperator, IReadOnlyList<string> items, string result)
        {
            switch (expressionOperator)
            {
                case "CreateCrmType" when items.Count >= 2:
                    _steps.Add(new WorkflowStep(WorkflowStepKind.CreateValue, WorkflowRefusals.Display(element)) { Operator = items[0].Split('.').Last(), Literal = items[1].Trim('"'), Target = result });
                    return;
                case "SelectFirstNonNull":
                    _steps.Add(new WorkflowStep(WorkflowStepKind.FirstNonNull, WorkflowRefusals.Display(element)) { Parameters = items.Select(item => Declared(element, item)).ToList(), Target = result });
                    return;
                case var known when XamlVocabulary.ExpressionOperators.Contains(known):
                    throw _refuse.NotRun(element, $"the expression operator {expressionOperator}");
                default:
                    throw _refuse.Unloadable(element, $"the expression operator {expressionOperator}, which EvaluateExpression does not have");
            }
        }

        /// <summary>
        /// The branches are tried in order: the first whose condition holds runs its Then and ends the sequence. In a wait
        /// (Wait = True) a timeout branch that does not hold arms its Else, a Postpone until its date; when no branch held,
        /// the workflow waits until the earliest armed date and then evaluates the whole sequence again.
        /// </summary>
        private void CompileConditionSequence(XElement element, bool wait)
        {
            var start = _steps.Count;
            var ends = new List<WorkflowStep>();
            var timeouts = 0;
            foreach (var child in Property(element, "Activities")?.Elements() ?? throw _refuse.Unloadable(element, "a ConditionSequence without its Activities"))
            {
                if (child.Name == Mxswa + "ActivityReference" && ((string?)child.Attribute("AssemblyQualifiedName"))?.StartsWith("Microsoft.Crm.Workflow.Activities.ConditionBranch,", StringComparison.Ordinal) == true)
                {
                    ends.Add(CompileBranch(child, wait, ref timeouts));
                }
                else
                {
                    CompileActivity(child);
                }
            }

            if (wait)
            {
                if (timeouts == 0)
                {
                    throw _refuse.NotRun(element, "a wait on a condition of the row without a timeout");
                }

                _steps.Add(new WorkflowStep(WorkflowStepKind.Wait, WorkflowRefusals.Display(element)) { JumpTo = start });
            }

            foreach (var end in ends)
            {
                end.JumpTo = _steps.Count;
            }
        }

        private WorkflowStep CompileBranch(XElement branch, bool wait, ref int timeouts)
        {
            var condition = Arguments(branch).TryGetValue("Condition", out var argument) ? argument.Value.Trim() : throw _refuse.Unloadable(branch, "a ConditionBranch without its Condition");
            var then = Property(branch, "Then");
            var otherwise = Property(branch, "Else");
            // An Otherwise branch: the designer writes the condition [True], the Visual Basic literal (it also declares a
            // variable named True, with the default False, which the literal does not read).
            var test = new WorkflowStep(WorkflowStepKind.JumpUnless, WorkflowRefusals.Display(branch)) { Source = condition == "[True]" ? string.Empty : VariableOf(branch, condition) };
            if (test.Source.Length > 0)
            {
                _steps.Add(test);
            }

            if (then != null && then.Name.LocalName != "Null")
            {
                if (then.Name != Mxswa + "ActivityReference" || !((string?)then.Attribute("AssemblyQualifiedName"))!.StartsWith("Microsoft.Crm.Workflow.Activities.Composite,", StringComparison.Ordinal))
                {
                    throw _refuse.Unloadable(then, $"a ConditionBranch whose Then is a {then.Name.LocalName}; the designer writes it as a Composite ActivityReference");
                }

                CompileActivity(then);
            }

            var end = new WorkflowStep(WorkflowStepKind.Jump, WorkflowRefusals.Display(branch));
            _steps.Add(end);
            test.JumpTo = _steps.Count;
            if (otherwise != null && otherwise.Name.LocalName != "Null")
            {
                if (otherwise.Name == Mxswa + "Postpone")
                {
                    if (!wait || (string?)otherwise.Attribute("BlockExecution") != "False")
                    {
                        throw _refuse.Unloadable(otherwise, "a Postpone as a branch's Else outside a wait, or one that blocks execution; the designer arms a timeout with BlockExecution = False in a ConditionSequence with Wait = True");
                    }

                    var until = Cast.Match(_refuse.Required(otherwise, "PostponeUntil").Trim());
                    if (!until.Success || until.Groups[2].Value != "System.DateTime")
                    {
                        throw _refuse.NotRun(otherwise, $"the timeout {(string?)otherwise.Attribute("PostponeUntil")}");
                    }

                    _steps.Add(new WorkflowStep(WorkflowStepKind.ArmTimeout, WorkflowRefusals.Display(otherwise)) { Source = Declared(otherwise, until.Groups[1].Value) });
                    timeouts++;
                }
                else
                {
                    CompileActivity(otherwise);
                }
            }

            return end;
        }

        /// <summary>
        /// A custom workflow activity as the designer calls it: an ActivityReference naming it by assembly-qualified name,
        /// inside its Composite step, every input as <c>[DirectCast(variable, Type)]</c> of the argument's type, every output
        /// into the workflow variable <c>CustomActivityStepN&lt;Property&gt;_localParameter</c>.
        /// </summary>
        private void CompileCustomActivity(XElement element, string typeName, string assembly)
        {
            var type = _typeOf(typeName);
            if (type == null || !typeof(CodeActivity).IsAssignableFrom(type))
            {
                throw _refuse.Unloadable(element, $"the activity {typeName}, which no registered plug-in assembly holds");
            }

            var expected = type.Assembly.GetName();
            var named = new AssemblyName(assembly.Length == 0 ? "?" : assembly);
            if (named.Name != expected.Name || !(named.GetPublicKeyToken() ?? Array.Empty<byte>()).SequenceEqual(expected.GetPublicKeyToken() ?? Array.Empty<byte>())
                || named.Version?.Major != expected.Version?.Major || named.Version?.Minor != expected.Version?.Minor)
            {
                throw _refuse.Unloadable(element, $"the activity {typeName} in '{assembly}', where the registered assembly is '{expected.FullName}'");
            }

            var composite = element.Parent?.Parent?.Parent;
            if (element.Parent?.Name.LocalName != "Collection" || composite?.Name != Mxswa + "ActivityReference"
                || !((string?)composite.Attribute("AssemblyQualifiedName"))!.StartsWith("Microsoft.Crm.Workflow.Activities.Composite,", StringComparison.Ordinal))
            {
                throw _refuse.Unloadable(element, $"a call of {typeName} outside its Composite step");
            }

            var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
            var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var argument in Arguments(element))
            {
                var property = type.GetProperty(argument.Key);
                var isInput = argument.Value.Name == Activities + "InArgument";
                var expectedBase = isInput ? typeof(InArgument<>) : typeof(OutArgument<>);
                if (property == null || !property.PropertyType.IsGenericType || property.PropertyType.GetGenericTypeDefinition() != expectedBase)
                {
                    throw _refuse.Unloadable(argument.Value, $"the argument {argument.Key}, which {type.Name} does not have as an {expectedBase.Name.Split('`')[0]}");
                }

                var valueType = property.PropertyType.GetGenericArguments()[0];
                if (isInput)
                {
                    var cast = Cast.Match(argument.Value.Value.Trim());
                    if (!cast.Success || cast.Groups[2].Value != valueType.FullName)
                    {
                        throw _refuse.Unloadable(argument.Value, $"the input {argument.Key} = {argument.Value.Value.Trim()}; the designer passes [DirectCast(…_converted, {valueType.FullName})]");
                    }

                    inputs[argument.Key] = Declared(argument.Value, cast.Groups[1].Value);
                }
                else
                {
                    var target = VariableOf(argument.Value, argument.Value.Value);
                    if (!Regex.IsMatch(target, $"^CustomActivityStep[0-9]+{Regex.Escape(argument.Key)}_localParameter$", RegexOptions.CultureInvariant))
                    {
                        throw _refuse.Unloadable(argument.Value, $"the output {argument.Key} into {target}; the designer writes it into the workflow variable CustomActivityStepN{argument.Key}_localParameter");
                    }

                    outputs[argument.Key] = target;
                }
            }

            var missing = type.GetProperties().Where(property => property.GetCustomAttribute<RequiredArgumentAttribute>() != null && !inputs.ContainsKey(property.Name)).Select(property => property.Name).ToList();
            if (missing.Count > 0)
            {
                throw _refuse.Unloadable(element, $"a call of {type.Name} without its required input {string.Join(", ", missing)}");
            }

            _steps.Add(new WorkflowStep(WorkflowStepKind.CallActivity, WorkflowRefusals.Display(element)) { ActivityType = type, Inputs = inputs, Outputs = outputs });
        }

        private static Dictionary<string, XElement> Arguments(XElement reference) =>
            reference.Element(Mxswa + "ActivityReference.Arguments")?.Elements()
                .ToDictionary(argument => (string?)argument.Attribute(Key) ?? string.Empty, argument => argument, StringComparer.Ordinal)
            ?? new Dictionary<string, XElement>(StringComparer.Ordinal);

        private XElement? Property(XElement reference, string key)
        {
            var properties = reference.Element(Mxswa + "ActivityReference.Properties")?.Elements().ToList() ?? new List<XElement>();
            var allowed = ((string?)reference.Attribute("AssemblyQualifiedName"))?.StartsWith("Microsoft.Crm.Workflow.Activities.ConditionBranch,", StringComparison.Ordinal) == true
                ? new[] { "Then", "Else", "Description" }
                : new[] { "Variables", "Activities" };
            var stray = properties.FirstOrDefault(property => !allowed.Contains((string?)property.Attribute(Key)));
            if (stray != null)
            {
                throw _refuse.Unloadable(stray, $"a {stray.Name.LocalName} property keyed '{(string?)stray.Attribute(Key)}'; this activity's properties are {string.Join(", ", allowed)}");
            }

            return properties.FirstOrDefault(property => (string?)property.Attribute(Key) == key);
        }

        private string VariableOf(XElement element, string expression)
        {
            var match = Variable.Match(expression.Trim());
            return match.Success ? Declared(element, match.Groups[1].Value) : throw _refuse.NotRun(element, $"the expression {expression.Trim()}");
        }

        private string Declared(XElement element, string name) =>
            _declared.Contains(name) ? name : throw _refuse.Unloadable(element, $"the variable {name}, which no Variable declares");

        private IReadOnlyList<string> ArrayItems(XElement element, string expression)
        {
            var match = ObjectArray.Match(expression.Trim());
            return match.Success
                ? match.Groups["items"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : throw _refuse.NotRun(element, $"the expression {expression.Trim()}");
        }
    }
}
