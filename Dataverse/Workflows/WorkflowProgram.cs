using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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
        private WorkflowProgram(IReadOnlyList<WorkflowStep> steps, Dictionary<string, object?> defaults)
        {
            Steps = steps;
            Defaults = defaults;
        }

        public IReadOnlyList<WorkflowStep> Steps { get; }

        /// <summary>Boolean variables the XAML declares with a default (the designer's "_condition" variables, False).</summary>
        public Dictionary<string, object?> Defaults { get; }

        /// <summary>
        /// Loads the workflow's XAML as a workflow host loads it (<see cref="WorkflowXamlCheck"/>), then compiles its body
        /// (<see cref="WorkflowCompiler"/>). Anything a host could not load, or the in-memory Dataverse does not run, is refused
        /// with a <see cref="NotSupportedException"/> naming the file, the line and the step.
        /// </summary>
        public static WorkflowProgram Compile(WorkflowDefinition definition, Func<string, Type?> typeOf)
        {
            var refuse = new WorkflowRefusals(definition);
            var root = definition.Xaml.Root ?? throw new NotSupportedException($"{definition.SourceFile}: workflow '{definition.Name}': its XAML is empty.");
            WorkflowXamlCheck.Check(root, definition, typeOf, refuse);
            var declared = new HashSet<string>(StringComparer.Ordinal);
            var defaults = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var variable in root.Descendants(XName.Get("Variable", XamlVocabulary.ActivitiesXmlns)))
            {
                var name = (string?)variable.Attribute("Name") ?? throw refuse.Unloadable(variable, "a Variable without a Name");
                declared.Add(name);
                if (bool.TryParse((string?)variable.Attribute("Default"), out var flag))
                {
                    defaults[name] = flag;
                }
            }

            var mxswa = WorkflowCompiler.Mxswa;
            var body = root.Element(mxswa + "Workflow") ?? throw refuse.Unloadable(root, "a workflow without its mxswa:Workflow element");
            var compiler = new WorkflowCompiler(declared, typeOf, refuse);
            foreach (var child in body.Elements().Where(child => child.Name != mxswa + "Workflow.Variables"))
            {
                compiler.CompileActivity(child);
            }

            return new WorkflowProgram(compiler.Steps, defaults);
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
