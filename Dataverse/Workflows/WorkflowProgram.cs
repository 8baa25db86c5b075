using System;
using System.Activities;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace LeadAlign.Dataverse.Workflows
{
    /// <summary>
    /// A background workflow's XAML compiled to a list of steps the in-memory Dataverse can run, suspend at a wait, and resume.
    /// It loads the XAML only in the shape the classic workflow designer exports, and refuses at start, naming the file, the line
    /// and the construct, anything a real workflow host could not load:
    /// <list type="bullet">
    /// <item>an XML namespace or a type the platform does not have (<see cref="XamlVocabulary"/>), such as
    /// <c>Microsoft.Xrm.Sdk.Query.ReferenceLiteral</c>;</item>
    /// <item>a custom workflow activity used as a XAML element: the platform calls one only through
    /// <c>mxswa:ActivityReference AssemblyQualifiedName="…"</c> inside a <c>Composite</c> step, its input arguments fed by
    /// <c>GetEntityProperty</c> → <c>EvaluateExpression</c> (SelectFirstNonNull) → <c>ConvertCrmXrmTypes</c> and passed as
    /// <c>[DirectCast(…_converted, Type)]</c>, its outputs written to <c>Workflow.Variables</c> named
    /// <c>CustomActivityStepN&lt;Property&gt;_localParameter</c>;</item>
    /// <item>steps the designer never writes: a ConditionBranch whose Then is not a Composite, a bare Postpone outside a wait
    /// (the designer writes a wait as a <c>ConditionSequence</c> with <c>Wait</c> = True whose timeout branch has the Postpone
    /// as its Else), a variable nobody declared, a Visual Basic expression of another form.</item>
    /// </list>
    /// Designer constructs the in-memory Dataverse does not run (update and create steps, e-mail steps, waits on a column's
    /// value without a timeout, logical conditions) are refused by name too, saying so.
    /// Shapes: a real 2026 export (meandtech2001/Apollo-HealthCare-Management-D365-CRM-, commit 4af90e92…,
    /// Workflows/CalcTotalMedicineAmount_CustomWF-01090B03-….xaml for a custom activity call and
    /// Workflows/SendEmailOnChangeOfMedicalTestStatus-C6C87E93-….xaml for conditions and waits) and a workflow retrieved from a
    /// real org (delegateas/XrmMockup, tests/XrmMockup365Test/Metadata/OtherWorkflows/WaitingWorkflow.xml: timeout waits).
    /// </summary>
    internal sealed class WorkflowProgram
    {
        private static readonly Regex Variable = new(@"^\[\s*([A-Za-z_][A-Za-z0-9_]*)\s*\]$", RegexOptions.CultureInvariant);
        private static readonly Regex Cast = new(@"^\[\s*DirectCast\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*,\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\)\s*\]$", RegexOptions.CultureInvariant);
        private static readonly Regex ObjectArray = new(@"^\[\s*New Object\(\)\s*\{(?<items>.*)\}\s*\]$", RegexOptions.CultureInvariant | RegexOptions.Singleline);
        private static readonly Regex NoTimeoutMeansForever = new(@"^\[\s*Microsoft\.VisualBasic\.IIf\(\s*Microsoft\.VisualBasic\.IsNothing\((?<a>[A-Za-z_][A-Za-z0-9_]*)\)\s*,\s*DateTime\.MaxValue\s*,\s*(?<b>[A-Za-z_][A-Za-z0-9_]*)\s*\)\s*\]$", RegexOptions.CultureInvariant);
        private static readonly Regex TimeoutPassed = new(@"^\[\s*DateTime\.UtcNow\s*>=\s*DirectCast\((?<a>[A-Za-z_][A-Za-z0-9_]*)\s*,\s*System\.DateTime\)\.ToUniversalTime\(\)\s*\]$", RegexOptions.CultureInvariant);
        private static readonly Regex TypeToken = new(@"(?:(?<prefix>[A-Za-z][A-Za-z0-9]*):)?(?<name>[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant);
        private static readonly XName Key = XName.Get("Key", XamlVocabulary.XamlXmlns);
        private static readonly XName TypeArguments = XName.Get("TypeArguments", XamlVocabulary.XamlXmlns);
        private static readonly XNamespace Mxswa = "clr-namespace:Microsoft.Xrm.Sdk.Workflow.Activities;assembly=" + XamlVocabulary.WorkflowSdkAssembly;
        private static readonly XNamespace Activities = XamlVocabulary.ActivitiesXmlns;

        private readonly List<Step> _steps = new();
        private readonly HashSet<string> _declared = new(StringComparer.Ordinal);
        private readonly Func<string, Type?> _typeOf;
        private readonly WorkflowDefinition _definition;

        private WorkflowProgram(WorkflowDefinition definition, Func<string, Type?> typeOf)
        {
            _definition = definition;
            _typeOf = typeOf;
        }

        public IReadOnlyList<Step> Steps => _steps;

        /// <summary>Boolean variables the XAML declares with a default (the designer's "_condition" variables, False).</summary>
        public Dictionary<string, object?> Defaults { get; } = new(StringComparer.Ordinal);

        public static WorkflowProgram Compile(WorkflowDefinition definition, Func<string, Type?> typeOf)
        {
            var program = new WorkflowProgram(definition, typeOf);
            var root = definition.Xaml.Root ?? throw new NotSupportedException($"{definition.SourceFile}: workflow '{definition.Name}': its XAML is empty.");
            program.CheckVocabulary(root);
            foreach (var variable in root.Descendants(Activities + "Variable"))
            {
                var name = (string?)variable.Attribute("Name") ?? throw program.Unloadable(variable, "a Variable without a Name");
                program._declared.Add(name);
                if (bool.TryParse((string?)variable.Attribute("Default"), out var flag))
                {
                    program.Defaults[name] = flag;
                }
            }

            var body = root.Element(Mxswa + "Workflow") ?? throw program.Unloadable(root, "a workflow without its mxswa:Workflow element");
            foreach (var child in body.Elements().Where(child => child.Name != Mxswa + "Workflow.Variables"))
            {
                program.CompileActivity(child);
            }

            return program;
        }

        /// <summary>Every element and every type name of the XAML must be one the platform's workflow host resolves.</summary>
        private void CheckVocabulary(XElement root)
        {
            var workflowClass = (string?)root.Attribute(XName.Get("Class", XamlVocabulary.XamlXmlns)) ?? string.Empty;
            var expectedClass = "XrmWorkflow" + _definition.Id.ToString("N");
            if (root.Name != Activities + "Activity" || workflowClass != expectedClass)
            {
                throw Unloadable(root, $"the root must be an Activity whose x:Class is {expectedClass} (the workflow's id), not {root.Name.LocalName} '{workflowClass}'");
            }

            foreach (var element in root.DescendantsAndSelf())
            {
                var ns = element.Name.NamespaceName;
                var typeName = element.Name.LocalName.Split('.')[0];
                if (ns == "clr-namespace:")
                {
                    if (typeName != workflowClass)
                    {
                        throw Unloadable(element, $"the element {element.Name.LocalName} of the workflow's own namespace");
                    }

                    continue;
                }

                if (!XamlVocabulary.IsKnownNamespace(ns))
                {
                    var clr = ns.StartsWith("clr-namespace:", StringComparison.Ordinal) ? ns["clr-namespace:".Length..].Split(';')[0] + "." + typeName : null;
                    var custom = clr == null ? null : _typeOf(clr);
                    throw Unloadable(element, custom != null && typeof(Activity).IsAssignableFrom(custom)
                        ? $"the custom workflow activity {clr} used as a XAML element; the platform calls a custom activity only through mxswa:ActivityReference AssemblyQualifiedName=\"{clr}, {custom.Assembly.FullName}\" inside a Composite step"
                        : $"the XML namespace {ns}, which no workflow host resolves");
                }

                if (XamlVocabulary.ClrTypeName(ns, typeName) == null)
                {
                    throw Unloadable(element, $"{element.GetPrefixOfNamespace(ns) ?? string.Empty}:{typeName}, a type that does not exist in {AssemblyOf(ns)}");
                }

                foreach (var attribute in element.Attributes())
                {
                    var isTypeName = attribute.Name == TypeArguments
                        || (element.Name.LocalName == "ReferenceLiteral" && attribute.Name.LocalName == "Value")
                        || (element.Name.LocalName == "Property" && ns == XamlVocabulary.XamlXmlns && attribute.Name.LocalName == "Type");
                    if (!isTypeName)
                    {
                        continue;
                    }

                    foreach (Match token in TypeToken.Matches(attribute.Value))
                    {
                        var prefix = token.Groups["prefix"].Success ? token.Groups["prefix"].Value : string.Empty;
                        var tokenNamespace = prefix.Length == 0 ? element.GetDefaultNamespace() : element.GetNamespaceOfPrefix(prefix);
                        if (tokenNamespace == null || XamlVocabulary.ClrTypeName(tokenNamespace.NamespaceName, token.Groups["name"].Value) == null)
                        {
                            throw Unloadable(element, $"the type {token.Value} in {attribute.Name.LocalName}=\"{attribute.Value}\", which does not exist");
                        }
                    }
                }
            }
        }

        private void CompileActivity(XElement element)
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
                throw Unloadable(element, "a Postpone step outside a wait; the designer writes a wait as a ConditionSequence with Wait = True whose timeout branch has the Postpone as its Else");
            }
            else
            {
                throw NotRun(element, $"the {element.Name.LocalName} step");
            }
        }

        private void CompileGetProperty(XElement element)
        {
            if ((string?)element.Attribute("Entity") != "[InputEntities(\"primaryEntity\")]")
            {
                throw NotRun(element, "GetEntityProperty of a row other than the primary row");
            }

            var literal = element.Element(Mxswa + "GetEntityProperty.TargetType")?.Descendants(Mxswa + "ReferenceLiteral").FirstOrDefault();
            _steps.Add(new Step(StepKind.GetProperty, Display(element))
            {
                Attribute = Required(element, "Attribute"),
                Target = VariableOf(element, Required(element, "Value")),
                Operator = ((string?)literal?.Attribute("Value"))?.EndsWith(":EntityReference", StringComparison.Ordinal) == true ? "EntityReference" : string.Empty,
            });
        }

        /// <summary>The two assignments of the designer's timeout branch: no date means never, and "has the date passed".</summary>
        private void CompileAssign(XElement element)
        {
            var to = Required(element, "To");
            var value = Required(element, "Value");
            var never = NoTimeoutMeansForever.Match(value.Trim());
            if (never.Success && never.Groups["a"].Value == never.Groups["b"].Value && VariableOf(element, to) == never.Groups["a"].Value)
            {
                _steps.Add(new Step(StepKind.NullMeansForever, Display(element)) { Source = Declared(element, never.Groups["a"].Value), Target = VariableOf(element, to) });
                return;
            }

            var passed = TimeoutPassed.Match(value.Trim());
            if (passed.Success)
            {
                _steps.Add(new Step(StepKind.TimeoutPassed, Display(element)) { Source = Declared(element, passed.Groups["a"].Value), Target = VariableOf(element, to) });
                return;
            }

            throw NotRun(element, $"the assignment {to} = {value}");
        }

        private void CompileReference(XElement element)
        {
            var qualifiedName = Required(element, "AssemblyQualifiedName");
            var comma = qualifiedName.IndexOf(',', StringComparison.Ordinal);
            var typeName = (comma < 0 ? qualifiedName : qualifiedName[..comma]).Trim();
            var assembly = comma < 0 ? string.Empty : qualifiedName[(comma + 1)..].Trim();
            if (typeName.StartsWith("Microsoft.Crm.Workflow.", StringComparison.Ordinal))
            {
                if (!XamlVocabulary.DesignerActivities.Contains(typeName) || assembly != XamlVocabulary.CrmWorkflowAssembly)
                {
                    throw Unloadable(element, $"the activity {qualifiedName}, which does not exist in {XamlVocabulary.CrmWorkflowAssembly}");
                }

                CompileDesignerActivity(element, typeName);
                return;
            }

            CompileCustomActivity(element, typeName, assembly);
        }

        private void CompileDesignerActivity(XElement element, string typeName)
        {
            var arguments = Arguments(element);
            string Argument(string key) => arguments.TryGetValue(key, out var argument) ? argument.Value.Trim() : throw Unloadable(element, $"{typeName} without its {key} argument");
            switch (typeName)
            {
                case "Microsoft.Crm.Workflow.Activities.Composite":
                    foreach (var child in Property(element, "Activities")?.Elements() ?? throw Unloadable(element, "a Composite without its Activities"))
                    {
                        CompileActivity(child);
                    }

                    return;
                case "Microsoft.Crm.Workflow.Activities.ConditionSequence":
                    CompileConditionSequence(element, Argument("Wait") == "True");
                    return;
                case "Microsoft.Crm.Workflow.Activities.ConditionBranch":
                    throw Unloadable(element, "a ConditionBranch outside a ConditionSequence");
                case "Microsoft.Crm.Workflow.Activities.EvaluateCondition":
                    _steps.Add(new Step(StepKind.Evaluate, Display(element))
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
                    _steps.Add(new Step(StepKind.Copy, Display(element)) { Source = VariableOf(element, Argument("Value")), Target = VariableOf(element, Argument("Result")) });
                    return;
                default:
                    throw NotRun(element, $"the activity {typeName}");
            }
        }

        private void CompileExpression(XElement element, string expressionOperator, IReadOnlyList<string> items, string result)
        {
            switch (expressionOperator)
            {
                case "CreateCrmType" when items.Count >= 2:
                    _steps.Add(new Step(StepKind.CreateValue, Display(element)) { Operator = items[0].Split('.').Last(), Literal = items[1].Trim('"'), Target = result });
                    return;
                case "SelectFirstNonNull":
                    _steps.Add(new Step(StepKind.FirstNonNull, Display(element)) { Parameters = items.Select(item => Declared(element, item)).ToList(), Target = result });
                    return;
                case var known when XamlVocabulary.ExpressionOperators.Contains(known):
                    throw NotRun(element, $"the expression operator {expressionOperator}");
                default:
                    throw Unloadable(element, $"the expression operator {expressionOperator}, which EvaluateExpression does not have");
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
            var ends = new List<Step>();
            var timeouts = 0;
            foreach (var child in Property(element, "Activities")?.Elements() ?? throw Unloadable(element, "a ConditionSequence without its Activities"))
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
                    throw NotRun(element, "a wait on a condition of the row without a timeout");
                }

                _steps.Add(new Step(StepKind.Wait, Display(element)) { JumpTo = start });
            }

            foreach (var end in ends)
            {
                end.JumpTo = _steps.Count;
            }
        }

        private Step CompileBranch(XElement branch, bool wait, ref int timeouts)
        {
            var condition = Arguments(branch).TryGetValue("Condition", out var argument) ? argument.Value.Trim() : throw Unloadable(branch, "a ConditionBranch without its Condition");
            var then = Property(branch, "Then");
            var otherwise = Property(branch, "Else");
            // An Otherwise branch: the designer writes the condition [True], the Visual Basic literal (it also declares a
            // variable named True, with the default False, which the literal does not read).
            var test = new Step(StepKind.JumpUnless, Display(branch)) { Source = condition == "[True]" ? string.Empty : VariableOf(branch, condition) };
            if (test.Source.Length > 0)
            {
                _steps.Add(test);
            }

            if (then != null && then.Name.LocalName != "Null")
            {
                if (then.Name != Mxswa + "ActivityReference" || !((string?)then.Attribute("AssemblyQualifiedName"))!.StartsWith("Microsoft.Crm.Workflow.Activities.Composite,", StringComparison.Ordinal))
                {
                    throw Unloadable(then, $"a ConditionBranch whose Then is a {then.Name.LocalName}; the designer writes it as a Composite ActivityReference");
                }

                CompileActivity(then);
            }

            var end = new Step(StepKind.Jump, Display(branch));
            _steps.Add(end);
            test.JumpTo = _steps.Count;
            if (otherwise != null && otherwise.Name.LocalName != "Null")
            {
                if (otherwise.Name == Mxswa + "Postpone")
                {
                    if (!wait || (string?)otherwise.Attribute("BlockExecution") != "False")
                    {
                        throw Unloadable(otherwise, "a Postpone as a branch's Else outside a wait, or one that blocks execution; the designer arms a timeout with BlockExecution = False in a ConditionSequence with Wait = True");
                    }

                    var until = Cast.Match(Required(otherwise, "PostponeUntil").Trim());
                    if (!until.Success || until.Groups[2].Value != "System.DateTime")
                    {
                        throw NotRun(otherwise, $"the timeout {(string?)otherwise.Attribute("PostponeUntil")}");
                    }

                    _steps.Add(new Step(StepKind.ArmTimeout, Display(otherwise)) { Source = Declared(otherwise, until.Groups[1].Value) });
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
                throw Unloadable(element, $"the activity {typeName}, which no registered plug-in assembly holds");
            }

            var expected = type.Assembly.GetName();
            var named = new AssemblyName(assembly.Length == 0 ? "?" : assembly);
            if (named.Name != expected.Name || !(named.GetPublicKeyToken() ?? Array.Empty<byte>()).SequenceEqual(expected.GetPublicKeyToken() ?? Array.Empty<byte>())
                || named.Version?.Major != expected.Version?.Major || named.Version?.Minor != expected.Version?.Minor)
            {
                throw Unloadable(element, $"the activity {typeName} in '{assembly}', where the registered assembly is '{expected.FullName}'");
            }

            var composite = element.Parent?.Parent?.Parent;
            if (element.Parent?.Name.LocalName != "Collection" || composite?.Name != Mxswa + "ActivityReference"
                || !((string?)composite.Attribute("AssemblyQualifiedName"))!.StartsWith("Microsoft.Crm.Workflow.Activities.Composite,", StringComparison.Ordinal))
            {
                throw Unloadable(element, $"a call of {typeName} outside its Composite step");
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
                    throw Unloadable(argument.Value, $"the argument {argument.Key}, which {type.Name} does not have as an {expectedBase.Name.Split('`')[0]}");
                }

                var valueType = property.PropertyType.GetGenericArguments()[0];
                if (isInput)
                {
                    var cast = Cast.Match(argument.Value.Value.Trim());
                    if (!cast.Success || cast.Groups[2].Value != valueType.FullName)
                    {
                        throw Unloadable(argument.Value, $"the input {argument.Key} = {argument.Value.Value.Trim()}; the designer passes [DirectCast(…_converted, {valueType.FullName})]");
                    }

                    inputs[argument.Key] = Declared(argument.Value, cast.Groups[1].Value);
                }
                else
                {
                    var target = VariableOf(argument.Value, argument.Value.Value);
                    if (!Regex.IsMatch(target, $"^CustomActivityStep[0-9]+{Regex.Escape(argument.Key)}_localParameter$", RegexOptions.CultureInvariant))
                    {
                        throw Unloadable(argument.Value, $"the output {argument.Key} into {target}; the designer writes it into the workflow variable CustomActivityStepN{argument.Key}_localParameter");
                    }

                    outputs[argument.Key] = target;
                }
            }

            var missing = type.GetProperties().Where(property => property.GetCustomAttribute<RequiredArgumentAttribute>() != null && !inputs.ContainsKey(property.Name)).Select(property => property.Name).ToList();
            if (missing.Count > 0)
            {
                throw Unloadable(element, $"a call of {type.Name} without its required input {string.Join(", ", missing)}");
            }

            _steps.Add(new Step(StepKind.CallActivity, Display(element)) { ActivityType = type, Inputs = inputs, Outputs = outputs });
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
                throw Unloadable(stray, $"a {stray.Name.LocalName} property keyed '{(string?)stray.Attribute(Key)}'; this activity's properties are {string.Join(", ", allowed)}");
            }

            return properties.FirstOrDefault(property => (string?)property.Attribute(Key) == key);
        }

        private static string AssemblyOf(string xmlNamespace) =>
            xmlNamespace.Contains(";assembly=", StringComparison.Ordinal) ? xmlNamespace.Split(";assembly=")[1] : xmlNamespace;

        private static string Display(XElement element) =>
            element.AncestorsAndSelf().Select(ancestor => (string?)ancestor.Attribute("DisplayName")).FirstOrDefault(name => name != null) ?? element.Name.LocalName;

        private string At(XElement element)
        {
            var line = ((IXmlLineInfo)element).HasLineInfo() ? ((IXmlLineInfo)element).LineNumber.ToString(CultureInfo.InvariantCulture) : "?";
            return $"{_definition.SourceFile}:{line}: workflow '{_definition.Name}', step '{Display(element)}'";
        }

        /// <summary>A construct no workflow host could load: the import or the workflow's activation would fail.</summary>
        private NotSupportedException Unloadable(XElement element, string what) => new($"{At(element)}: {what}. A Dataverse workflow host cannot load it.");

        /// <summary>A construct the designer writes and the platform runs, but the in-memory Dataverse does not.</summary>
        private NotSupportedException NotRun(XElement element, string what) => new($"{At(element)}: {what} is not run by the in-memory Dataverse.");

        private string Required(XElement element, string attribute) => (string?)element.Attribute(attribute) ?? throw Unloadable(element, $"{element.Name.LocalName} without {attribute}");

        private string VariableOf(XElement element, string expression)
        {
            var match = Variable.Match(expression.Trim());
            return match.Success ? Declared(element, match.Groups[1].Value) : throw NotRun(element, $"the expression {expression.Trim()}");
        }

        private string Declared(XElement element, string name) =>
            _declared.Contains(name) ? name : throw Unloadable(element, $"the variable {name}, which no Variable declares");

        private IReadOnlyList<string> ArrayItems(XElement element, string expression)
        {
            var match = ObjectArray.Match(expression.Trim());
            return match.Success
                ? match.Groups["items"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : throw NotRun(element, $"the expression {expression.Trim()}");
        }

        internal enum StepKind
        {
            GetProperty,
            Copy,
            CreateValue,
            FirstNonNull,
            Evaluate,
            NullMeansForever,
            TimeoutPassed,
            JumpUnless,
            Jump,
            CallActivity,
            ArmTimeout,
            Wait,
        }

        internal sealed class Step
        {
            public Step(StepKind kind, string displayName)
            {
                Kind = kind;
                DisplayName = displayName;
            }

            public StepKind Kind { get; }

            public string DisplayName { get; }

            public string Attribute { get; init; } = string.Empty;

            public string Source { get; init; } = string.Empty;

            public string Target { get; init; } = string.Empty;

            public string Operator { get; init; } = string.Empty;

            public string Literal { get; init; } = string.Empty;

            public IReadOnlyList<string> Parameters { get; init; } = Array.Empty<string>();

            public Type? ActivityType { get; init; }

            /// <summary>Each input argument of a custom activity and the variable it is read from.</summary>
            public IReadOnlyDictionary<string, string> Inputs { get; init; } = new Dictionary<string, string>();

            /// <summary>Each output argument of a custom activity and the variable it is written to.</summary>
            public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>();

            public int JumpTo { get; set; }
        }

        /// <summary>A CreateCrmType literal as the value the workflow compares with.</summary>
        public static object? Literal(string type, string text) => type switch
        {
            "OptionSetValue" => new Microsoft.Xrm.Sdk.OptionSetValue(int.Parse(text, CultureInfo.InvariantCulture)),
            "Boolean" => text is "1" or "true" or "True",
            "Integer" => int.Parse(text, CultureInfo.InvariantCulture),
            "Decimal" => decimal.Parse(text, CultureInfo.InvariantCulture),
            "Money" => new Microsoft.Xrm.Sdk.Money(decimal.Parse(text, CultureInfo.InvariantCulture)),
            "DateTime" => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            _ => text,
        };
    }
}
