using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadAlign.Dataverse.Workflows
{
    /// <summary>
    /// What a classic workflow's XAML may name, as the platform's workflow host resolves it: the XML namespaces the workflow
    /// designer declares (each a CLR namespace in one exact assembly) and the types each of them holds.
    /// <para>
    /// The namespaces and their assembly identities are the ones a real 2026 Dataverse export declares
    /// (meandtech2001/Apollo-HealthCare-Management-D365-CRM-, commit 4af90e9294495d736f1f1087e206d1b997e8bfa9,
    /// Workflows/CalcTotalMedicineAmount_CustomWF-01090B03-630A-F111-8407-0022481A1BF1.xaml and
    /// Workflows/SendEmailOnChangeOfMedicalTestStatus-C6C87E93-3D15-F111-8342-0022481A1BF1.xaml). The types of the SDK's
    /// namespaces are checked against the official 9.0.2.34 API listing by XamlVocabularyTests; the designer's server-side
    /// activities (Microsoft.Crm.Workflow) are the ones those exports and a workflow retrieved from a real org
    /// (delegateas/XrmMockup, tests/XrmMockup365Test/Metadata/OtherWorkflows/WaitingWorkflow.xml) call.
    /// </para>
    /// </summary>
    internal static class XamlVocabulary
    {
        public const string ActivitiesXmlns = "http://schemas.microsoft.com/netfx/2009/xaml/activities";

        public const string XamlXmlns = "http://schemas.microsoft.com/winfx/2006/xaml";

        public const string SdkAssembly = "Microsoft.Xrm.Sdk, Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35";

        public const string WorkflowSdkAssembly = "Microsoft.Xrm.Sdk.Workflow, Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35";

        /// <summary>The server's workflow assembly: ActivityReference names its activities by assembly-qualified name.</summary>
        public const string CrmWorkflowAssembly = "Microsoft.Crm.Workflow, Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35";

        private const string Mscorlib = "mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089";

        /// <summary>Each CLR namespace the designer declares, keyed by "namespace;assembly=identity", with the types it may name.</summary>
        public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> ClrNamespaces = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
        {
            ["Microsoft.VisualBasic.Activities;assembly=System.Activities, Version=4.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35"] = Set("VisualBasic"),
            ["Microsoft.Xrm.Sdk;assembly=" + SdkAssembly] = Set("Entity", "EntityReference", "EntityCollection", "OptionSetValue", "OptionSetValueCollection", "Money"),
            ["Microsoft.Xrm.Sdk.Query;assembly=" + SdkAssembly] = Set("ConditionOperator", "LogicalOperator"),
            ["Microsoft.Xrm.Sdk.Workflow;assembly=" + WorkflowSdkAssembly] = Set("XrmTimeSpan", "WorkflowPropertyType"),
            ["Microsoft.Xrm.Sdk.Workflow.Activities;assembly=" + WorkflowSdkAssembly] = Set(
                "ActivityReference", "AssignEntity", "CreateEntity", "GetEntityProperty", "GetPrimaryEntity", "Postpone", "ReferenceLiteral",
                "RetrieveEntity", "SendEmail", "SendEmailFromTemplate", "SetEntityProperty", "SetState", "StartChildWorkflow", "UpdateEntity",
                "WebActivityReference", "Workflow"),
            ["Microsoft.Crm.Workflow.Activities;assembly=" + CrmWorkflowAssembly] = Set("InvokeSdkMessageActivity"),
            ["System;assembly=" + Mscorlib] = Set("Type", "Object", "String", "DateTime", "Guid", "Int32", "Boolean", "Decimal", "Double"),
            ["System.Collections.Generic;assembly=" + Mscorlib] = Set("IDictionary", "Dictionary", "List"),
            ["System.Collections.ObjectModel;assembly=" + Mscorlib] = Set("Collection"),
            ["System.Runtime.Serialization;assembly=System.Runtime.Serialization, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089"] = Set(),
        };

        /// <summary>System.Activities types of the default XML namespace that designer XAML names.</summary>
        public static readonly IReadOnlySet<string> ActivitiesTypes = Set("Activity", "Sequence", "Variable", "InArgument", "OutArgument", "InOutArgument", "Assign", "Persist", "Literal", "TerminateWorkflow");

        /// <summary>The XAML language's own elements and its built-in types (x:String, x:Boolean …).</summary>
        public static readonly IReadOnlySet<string> XamlTypes = Set("Members", "Property", "Null", "Reference", "String", "Boolean", "Object", "Int32", "Decimal", "Double", "Type");

        /// <summary>The designer's step activities, called through <c>mxswa:ActivityReference AssemblyQualifiedName="…"</c>.</summary>
        public static readonly IReadOnlySet<string> DesignerActivities = Set(
            "Microsoft.Crm.Workflow.Activities.Composite",
            "Microsoft.Crm.Workflow.Activities.ConditionSequence",
            "Microsoft.Crm.Workflow.Activities.ConditionBranch",
            "Microsoft.Crm.Workflow.Activities.EvaluateCondition",
            "Microsoft.Crm.Workflow.Activities.EvaluateLogicalCondition",
            "Microsoft.Crm.Workflow.Activities.EvaluateExpression",
            "Microsoft.Crm.Workflow.Activities.ConvertCrmXrmTypes");

        /// <summary>The expression operators of EvaluateExpression the designer writes.</summary>
        public static readonly IReadOnlySet<string> ExpressionOperators = Set(
            "CreateCrmType", "SelectFirstNonNull", "RetrieveCurrentTime", "RetrieveLastExecutionTime", "Add", "Subtract");

        /// <summary>The full CLR name of a declared XML namespace's type, or null when the namespace or the type does not exist.</summary>
        public static string? ClrTypeName(string xmlNamespace, string typeName)
        {
            if (xmlNamespace == ActivitiesXmlns)
            {
                return ActivitiesTypes.Contains(typeName) ? "System.Activities." + typeName : null;
            }

            if (xmlNamespace == XamlXmlns)
            {
                return XamlTypes.Contains(typeName) ? "x:" + typeName : null;
            }

            if (!xmlNamespace.StartsWith("clr-namespace:", StringComparison.Ordinal))
            {
                return null;
            }

            var key = xmlNamespace["clr-namespace:".Length..];
            return ClrNamespaces.TryGetValue(key, out var types) && types.Contains(typeName) ? key.Split(';')[0] + "." + typeName : null;
        }

        /// <summary>Whether the XML namespace is one the designer declares (its types may still be refused one by one).</summary>
        public static bool IsKnownNamespace(string xmlNamespace) =>
            xmlNamespace == ActivitiesXmlns || xmlNamespace == XamlXmlns || xmlNamespace == "clr-namespace:" ||
            (xmlNamespace.StartsWith("clr-namespace:", StringComparison.Ordinal) && ClrNamespaces.ContainsKey(xmlNamespace["clr-namespace:".Length..]));

        /// <summary>Every CLR type name the SDK namespaces hold, for the test against the official API listing.</summary>
        public static IEnumerable<string> SdkTypeNames() =>
            ClrNamespaces.Where(pair => pair.Key.Contains("assembly=Microsoft.Xrm.Sdk", StringComparison.Ordinal))
                .SelectMany(pair => pair.Value.Select(type => (Namespace: pair.Key.Split(';')[0], Assembly: pair.Key.Split("assembly=")[1].Split(',')[0], Type: type)))
                .Select(entry => entry.Assembly + "|" + entry.Namespace + "." + entry.Type);

        private static IReadOnlySet<string> Set(params string[] names) => new HashSet<string>(names, StringComparer.Ordinal);
    }
}
