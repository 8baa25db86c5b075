using System;
using System.Activities;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LeadAlign.Dataverse.Workflows
{
    /// <summary>
    /// A background workflow's XAML compiled to a list of steps the in-memory Dataverse can run, suspend at a wait, and resume.
    /// It understands the part of the platform's workflow XAML LeadAlign ships, in the shape the workflow designer exports:
    /// <list type="bullet">
    /// <item>Sequence (its variables are created on first write);</item>
    /// <item>GetEntityProperty of the primary row (<c>[InputEntities("primaryEntity")]</c>) into a variable; with the TargetType
    /// EntityReference, the primary key comes back as a reference to the row (how the designer passes "the record" to an activity);</item>
    /// <item>the ActivityReferences ConditionSequence, ConditionBranch (Then and Else as inline activities), EvaluateCondition
    /// (with the operators and semantics of the query engine's ConditionEvaluator), EvaluateExpression with CreateCrmType,
    /// and ConvertCrmXrmTypes;</item>
    /// <item>custom workflow activities, their arguments bound to variables (<c>[Name]</c>) or literal text;</item>
    /// <item>Postpone with PostponeUntil: wait until a date, released when the settable clock passes it;</item>
    /// <item>TerminateWorkflow.</item>
    /// </list>
    /// Any other element or activity is refused when the workflow is loaded, with an error that names it.
    /// </summary>
    internal sealed class WorkflowProgram
    {
        private const string ActivitiesNamespace = "clr-namespace:Microsoft.Xrm.Sdk.Workflow.Activities;assembly=Microsoft.Xrm.Sdk.Workflow";
        private static readonly Regex Variable = new(@"^\[\s*([A-Za-z_][A-Za-z0-9_]*)\s*\]$", RegexOptions.CultureInvariant);
        private static readonly Regex ObjectArray = new(@"^\[\s*New Object\(\)\s*\{(?<items>.*)\}\s*\]$", RegexOptions.CultureInvariant | RegexOptions.Singleline);
        private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "Members", "VisualBasic.Settings", "Sequence.Variables", "GetEntityProperty.TargetType" };

        private readonly List<Step> _steps = new();
        private readonly Func<string, Type?> _typeOf;
        private readonly string _source;

        private WorkflowProgram(Func<string, Type?> typeOf, string source)
        {
            _typeOf = typeOf;
            _source = source;
        }

        public IReadOnlyList<Step> Steps => _steps;

        /// <summary>Boolean variables the XAML declares with a default (the designer's "True" variable of an Otherwise branch).</summary>
        public Dictionary<string, object?> Defaults { get; } = new(StringComparer.Ordinal);

        public static WorkflowProgram Compile(WorkflowDefinition definition, Func<string, Type?> typeOf)
        {
            var program = new WorkflowProgram(typeOf, definition.Name);
            var root = definition.Xaml.Root ?? throw new NotSupportedException($"Workflow '{definition.Name}': its XAML is empty.");
            var body = root.Elements().FirstOrDefault(element => element.Name.LocalName == "Workflow")
                ?? throw new NotSupportedException($"Workflow '{definition.Name}': its XAML has no Workflow element.");
            foreach (var variable in root.Descendants().Where(element => element.Name.LocalName == "Variable" && element.Attribute("Default") != null))
            {
                program.Defaults[(string)variable.Attribute("Name")!] = bool.TryParse((string?)variable.Attribute("Default"), out var flag) ? flag : (string?)variable.Attribute("Default");
            }

            program.CompileChildren(body);
            return program;
        }

        private void CompileChildren(XElement parent)
        {
            foreach (var child in parent.Elements())
            {
                Compile(child);
            }
        }

        private void Compile(XElement element)
        {
            var name = element.Name.LocalName;
            if (Ignored.Contains(name) || name.EndsWith(".Variables", StringComparison.Ordinal))
            {
                return;
            }

            var isPlatform = element.Name.NamespaceName.StartsWith(ActivitiesNamespace, StringComparison.Ordinal);
            switch (name)
            {
                case "Sequence":
                    CompileChildren(element);
                    return;
                case "GetEntityProperty" when isPlatform:
                    if ((string?)element.Attribute("Entity") != "[InputEntities(\"primaryEntity\")]")
                    {
                        throw Refused(element, "GetEntityProperty of a row other than the primary row");
                    }

                    var targetType = element.Elements().FirstOrDefault(child => child.Name.LocalName == "GetEntityProperty.TargetType")?
                        .Descendants().Select(literal => (string?)literal.Attribute("Value")).FirstOrDefault(value => value != null);
                    _steps.Add(new Step(StepKind.GetProperty, Display(element))
                    {
                        Attribute = Required(element, "Attribute"),
                        Target = VariableOf(element, Required(element, "Value")),
                        Operator = targetType?.EndsWith("EntityReference", StringComparison.Ordinal) == true ? "EntityReference" : string.Empty,
                    });
                    return;
                case "Postpone" when isPlatform:
                    _steps.Add(new Step(StepKind.WaitUntil, Display(element)) { Source = VariableOf(element, Required(element, "PostponeUntil")) });
                    return;
                case "TerminateWorkflow" when isPlatform:
                    _steps.Add(new Step(StepKind.Stop, Display(element)));
                    return;
                case "ActivityReference" when isPlatform:
                    CompileReference(element);
                    return;
            }

            var customType = CustomActivityType(element);
            if (customType == null)
            {
                throw Refused(element, $"the element {element.Name.LocalName} ({element.Name.NamespaceName})");
            }

            var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
            var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in customType.GetProperties())
            {
                var bound = (string?)element.Attribute(property.Name)
                    ?? element.Elements().FirstOrDefault(child => child.Name.LocalName == customType.Name + "." + property.Name)?.Elements().FirstOrDefault()?.Value.Trim();
                if (bound == null)
                {
                    continue;
                }

                if (typeof(OutArgument).IsAssignableFrom(property.PropertyType))
                {
                    outputs[property.Name] = VariableOf(element, bound);
                }
                else if (typeof(InArgument).IsAssignableFrom(property.PropertyType))
                {
                    inputs[property.Name] = bound;
                }
            }

            _steps.Add(new Step(StepKind.CallActivity, Display(element)) { ActivityType = customType, Inputs = inputs, Outputs = outputs });
        }

        private void CompileReference(XElement element)
        {
            var typeName = Required(element, "AssemblyQualifiedName").Split(',')[0].Trim();
            var arguments = element.Elements().FirstOrDefault(child => child.Name.LocalName == "ActivityReference.Arguments")?.Elements()
                .ToDictionary(argument => (string?)argument.Attribute(XName.Get("Key", "http://schemas.microsoft.com/winfx/2006/xaml")) ?? string.Empty, argument => argument, StringComparer.Ordinal)
                ?? new Dictionary<string, XElement>(StringComparer.Ordinal);
            var properties = element.Elements().FirstOrDefault(child => child.Name.LocalName == "ActivityReference.Properties")?.Elements().ToList() ?? new List<XElement>();
            string Argument(string key) => arguments.TryGetValue(key, out var argument) ? argument.Value.Trim() : throw Refused(element, $"{typeName} without its {key} argument");

            switch (typeName)
            {
                case "Microsoft.Crm.Workflow.Activities.ConditionSequence":
                    var activities = properties.FirstOrDefault(property => Key(property) == "Activities") ?? throw Refused(element, "a ConditionSequence without Activities");
                    var ends = new List<Step>();
                    foreach (var child in activities.Elements())
                    {
                        if (child.Name.LocalName == "ActivityReference" && ((string?)child.Attribute("AssemblyQualifiedName"))?.StartsWith("Microsoft.Crm.Workflow.Activities.ConditionBranch,", StringComparison.Ordinal) == true)
                        {
                            ends.Add(CompileBranch(child));
                        }
                        else
                        {
                            Compile(child);
                        }
                    }

                    foreach (var end in ends)
                    {
                        end.JumpTo = _steps.Count;
                    }

                    return;
                case "Microsoft.Crm.Workflow.Activities.EvaluateCondition":
                    _steps.Add(new Step(StepKind.Evaluate, Display(element))
                    {
                        Operator = Argument("ConditionOperator"),
                        Source = VariableOf(element, Argument("Operand")),
                        Parameters = arguments.ContainsKey("Parameters") ? ArrayItems(element, Argument("Parameters")) : Array.Empty<string>(),
                        Target = VariableOf(element, Argument("Result")),
                    });
                    return;
                case "Microsoft.Crm.Workflow.Activities.EvaluateExpression":
                    if (Argument("ExpressionOperator") != "CreateCrmType")
                    {
                        throw Refused(element, $"the expression operator {Argument("ExpressionOperator")}");
                    }

                    var items = ArrayItems(element, Argument("Parameters"));
                    if (items.Count < 2)
                    {
                        throw Refused(element, "CreateCrmType without a type and a value");
                    }

                    _steps.Add(new Step(StepKind.CreateValue, Display(element))
                    {
                        Operator = items[0].Split('.').Last(),
                        Literal = items[1].Trim('"'),
                        Target = VariableOf(element, Argument("Result")),
                    });
                    return;
                case "Microsoft.Crm.Workflow.Activities.ConvertCrmXrmTypes":
                    _steps.Add(new Step(StepKind.Copy, Display(element)) { Source = VariableOf(element, Argument("Value")), Target = VariableOf(element, Argument("Result")) });
                    return;
                default:
                    throw Refused(element, $"the activity {typeName}");
            }
        }

        /// <summary>If the branch's condition holds, its Then runs and the sequence ends; otherwise its Else (if any) runs.</summary>
        private Step CompileBranch(XElement branch)
        {
            var condition = branch.Elements().FirstOrDefault(child => child.Name.LocalName == "ActivityReference.Arguments")?.Elements()
                .FirstOrDefault(argument => Key(argument) == "Condition")?.Value.Trim() ?? throw Refused(branch, "a ConditionBranch without a Condition");
            var properties = branch.Elements().FirstOrDefault(child => child.Name.LocalName == "ActivityReference.Properties")?.Elements().ToList() ?? new List<XElement>();
            var then = properties.FirstOrDefault(property => Key(property) == "Then");
            var otherwise = properties.FirstOrDefault(property => Key(property) == "Else");
            if (then?.Name.LocalName == "Reference" || otherwise?.Name.LocalName == "Reference")
            {
                throw Refused(branch, "a ConditionBranch whose Then or Else is an x:Reference");
            }

            var test = new Step(StepKind.JumpUnless, Display(branch)) { Source = VariableOf(branch, condition) };
            _steps.Add(test);
            if (then != null && then.Name.LocalName != "Null")
            {
                Compile(then);
            }

            var end = new Step(StepKind.Jump, Display(branch));
            _steps.Add(end);
            test.JumpTo = _steps.Count;
            if (otherwise != null && otherwise.Name.LocalName != "Null")
            {
                Compile(otherwise);
            }

            return end;
        }

        private Type? CustomActivityType(XElement element)
        {
            var ns = element.Name.NamespaceName;
            if (!ns.StartsWith("clr-namespace:", StringComparison.Ordinal))
            {
                return null;
            }

            var clrNamespace = ns["clr-namespace:".Length..].Split(';')[0];
            var type = _typeOf(clrNamespace + "." + element.Name.LocalName);
            return type != null && typeof(CodeActivity).IsAssignableFrom(type) ? type : null;
        }

        private static string? Key(XElement element) => (string?)element.Attribute(XName.Get("Key", "http://schemas.microsoft.com/winfx/2006/xaml"));

        private static string Display(XElement element) => (string?)element.Attribute("DisplayName") ?? element.Name.LocalName;

        private NotSupportedException Refused(XElement element, string what) =>
            new($"Workflow '{_source}', step '{Display(element)}': {what} is not supported by the in-memory Dataverse.");

        private string Required(XElement element, string attribute) => (string?)element.Attribute(attribute) ?? throw Refused(element, $"{element.Name.LocalName} without {attribute}");

        private string VariableOf(XElement element, string expression)
        {
            var match = Variable.Match(expression.Trim());
            return match.Success ? match.Groups[1].Value : throw Refused(element, $"the expression {expression}");
        }

        private IReadOnlyList<string> ArrayItems(XElement element, string expression)
        {
            var match = ObjectArray.Match(expression.Trim());
            return match.Success
                ? match.Groups["items"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : throw Refused(element, $"the expression {expression}");
        }

        internal enum StepKind
        {
            GetProperty,
            Copy,
            CreateValue,
            Evaluate,
            JumpUnless,
            Jump,
            CallActivity,
            WaitUntil,
            Stop,
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

            public IReadOnlyDictionary<string, string> Inputs { get; init; } = new Dictionary<string, string>();

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
