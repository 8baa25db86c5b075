using System;
using System.Globalization;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace LeadAlign.Dataverse.Workflows
{
    /// <summary>
    /// How the workflow loader refuses XAML, naming the file, the line, the workflow and the step: a construct no workflow host could
    /// load (the import or the activation would fail), or one the designer writes and the platform runs but the in-memory Dataverse does not.
    /// </summary>
    internal sealed class WorkflowRefusals
    {
        private readonly WorkflowDefinition _definition;

        public WorkflowRefusals(WorkflowDefinition definition)
        {
            _definition = definition;
        }

        /// <summary>A construct no workflow host could load: the import or the workflow's activation would fail.</summary>
        public NotSupportedException Unloadable(XElement element, string what) => new($"{At(element)}: {what}. A Dataverse workflow host cannot load it.");

        /// <summary>A construct the designer writes and the platform runs, but the in-memory Dataverse does not.</summary>
        public NotSupportedException NotRun(XElement element, string what) => new($"{At(element)}: {what} is not run by the in-memory Dataverse.");

        public string Required(XElement element, string attribute) => (string?)element.Attribute(attribute) ?? throw Unloadable(element, $"{element.Name.LocalName} without {attribute}");

        /// <summary>The step's display name: the nearest DisplayName the designer wrote on the element or around it.</summary>
        public static string Display(XElement element) =>
            element.AncestorsAndSelf().Select(ancestor => (string?)ancestor.Attribute("DisplayName")).FirstOrDefault(name => name != null) ?? element.Name.LocalName;

        private string At(XElement element)
        {
            var line = ((IXmlLineInfo)element).HasLineInfo() ? ((IXmlLineInfo)element).LineNumber.ToString(CultureInfo.InvariantCulture) : "?";
            return $"{_definition.SourceFile}:{line}: workflow '{_definition.Name}', step '{Display(element)}'";
        }
    }
}
