using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace LeadAlign.Dataverse.Ui
{
    /// <summary>
    /// The forms and views of an unpacked solution folder (Entities/&lt;table&gt;/FormXml/&lt;type&gt;/*.xml and
    /// Entities/&lt;table&gt;/SavedQueries/*.xml, as SolutionPackager unpacks them), as an import leaves them in an organization.
    /// </summary>
    public sealed class SolutionUi
    {
        /// <summary>
        /// The conditions a Timer control may name, each as a &lt;condition&gt;ConditionName column and a &lt;condition&gt;ConditionValue
        /// (FormXml.xsd, "Timer Control parameters"; the success condition is required).
        /// </summary>
        public static readonly IReadOnlyList<string> TimerConditions = new[] { "Success", "Failure", "Warning", "Cancel", "Pause" };

        /// <summary>The timer parameters that name a column the timer reads: its FailureTimeField and each condition's column.</summary>
        private static readonly string[] TimerColumns = TimerConditions.Select(condition => condition + "ConditionName").Prepend("FailureTimeField").ToArray();

        public SolutionUi(IReadOnlyList<FormDefinition> forms, IReadOnlyList<ViewDefinition> views)
        {
            Forms = forms;
            Views = views;
        }

        public static SolutionUi Empty { get; } = new(Array.Empty<FormDefinition>(), Array.Empty<ViewDefinition>());

        public IReadOnlyList<FormDefinition> Forms { get; }

        public IReadOnlyList<ViewDefinition> Views { get; }

        public FormDefinition? Form(Guid id) => Forms.FirstOrDefault(form => form.Id == id);

        public ViewDefinition? View(Guid id) => Views.FirstOrDefault(view => view.Id == id);

        public static SolutionUi FromSolutionFolder(string solutionFolder)
        {
            var entities = Path.Combine(solutionFolder, "Entities");
            if (!Directory.Exists(entities))
            {
                return Empty;
            }

            var forms = new List<FormDefinition>();
            var views = new List<ViewDefinition>();
            foreach (var tableFolder in Directory.EnumerateDirectories(entities).OrderBy(path => path, StringComparer.Ordinal))
            {
                var table = Path.GetFileName(tableFolder).ToLowerInvariant();
                forms.AddRange(Files(tableFolder, "FormXml", SearchOption.AllDirectories)
                    .SelectMany(file => XDocument.Load(file).Descendants("systemform").Select(form => ReadForm(form, table, Relative(solutionFolder, file)))));
                views.AddRange(Files(tableFolder, "SavedQueries", SearchOption.TopDirectoryOnly)
                    .SelectMany(file => XDocument.Load(file).Descendants("savedquery").Select(view => ReadView(view, table, Relative(solutionFolder, file)))));
            }

            return new SolutionUi(forms, views);
        }

        private static IEnumerable<string> Files(string tableFolder, string folder, SearchOption depth) =>
            Directory.Exists(Path.Combine(tableFolder, folder))
                ? Directory.EnumerateFiles(Path.Combine(tableFolder, folder), "*.xml", depth).OrderBy(path => path, StringComparer.Ordinal)
                : Enumerable.Empty<string>();

        private static FormDefinition ReadForm(XElement form, string table, string file)
        {
            var controls = form.Descendants("control").ToList();
            var columns = controls.Select(control => (string?)control.Attribute("datafieldname"))
                .Concat(controls.SelectMany(control => control.Element("parameters")?.Elements().Where(parameter => TimerColumns.Contains(parameter.Name.LocalName)).Select(parameter => (string?)parameter.Value.Trim()) ?? Enumerable.Empty<string?>()))
                .Where(column => !string.IsNullOrEmpty(column))
                .Select(column => column!.ToLowerInvariant())
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var subgrids = controls.Where(control => string.Equals((string?)control.Attribute("indicationOfSubgrid"), "true", StringComparison.OrdinalIgnoreCase))
                .Select(control => control.Element("parameters"))
                .Where(parameters => parameters != null)
                .Select(parameters => new SubgridDefinition(
                    (string?)parameters!.Parent!.Attribute("id") ?? string.Empty,
                    ((string?)parameters.Element("TargetEntityType") ?? string.Empty).Trim().ToLowerInvariant(),
                    ((string?)parameters.Element("RelationshipName") ?? string.Empty).Trim(),
                    Guid.TryParse(((string?)parameters.Element("ViewId") ?? string.Empty).Trim(), out var view) ? view : null))
                .ToList();
            var name = (string?)form.Element("LocalizedNames")?.Elements("LocalizedName").FirstOrDefault()?.Attribute("description") ?? string.Empty;
            return new FormDefinition(Guid.Parse((string)form.Element("formid")!), table, name, columns, subgrids) { File = file };
        }

        private static ViewDefinition ReadView(XElement view, string table, string file)
        {
            var name = (string?)view.Element("LocalizedNames")?.Elements("LocalizedName").FirstOrDefault()?.Attribute("description") ?? string.Empty;
            var fetch = view.Element("fetchxml")?.Element("fetch")?.ToString(SaveOptions.DisableFormatting) ?? string.Empty;
            var layout = view.Descendants("cell").Select(cell => (string?)cell.Attribute("name")).Where(column => !string.IsNullOrEmpty(column)).Select(column => column!).ToList();
            return new ViewDefinition(Guid.Parse((string)view.Element("savedqueryid")!), table, name, fetch, layout) { File = file };
        }

        private static string Relative(string folder, string file) => Path.GetRelativePath(folder, file).Replace('\\', '/');
    }
}
