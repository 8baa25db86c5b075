using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Ui;
using Microsoft.Xrm.Sdk.Metadata;

namespace LeadAlign.Cli.Packaging
{
    /// <summary>
    /// Checks every form of every table of the solution folder (Entities/&lt;table&gt;/FormXml/&lt;type&gt;/*.xml) against the
    /// solution's metadata, reporting each finding as <c>file:line: message</c>:
    /// <list type="bullet">
    /// <item>the form's table exists, and its form id is a GUID no other form of the solution has;</item>
    /// <item>the form, and each tab, section and cell holding a control that the form shows with its label (not showlabel="false",
    /// not hidden), carries a label; tab, section, cell and control
    /// ids, and tab and section names, are unique within the form;</item>
    /// <item>each bound control (datafieldname) names a column of the table, with a control classid that fits the column's type
    /// (the classids of Microsoft Learn, "&lt;control&gt; (FormXml)",
    /// https://learn.microsoft.com/en-us/previous-versions/dynamicscrm-2016/developers-guide/gg334472(v=crm.8), as a real export
    /// binds them: Apollo-HealthCare-Management export, commit 4af90e9294495d736f1f1087e206d1b997e8bfa9, customizations.xml);</item>
    /// <item>each subgrid names a target table that exists, a relationship of the metadata between the form's table and the
    /// target, and views (ViewId, ViewIds) the solution ships for the target when the target is a table of the solution.</item>
    /// </list>
    /// </summary>
    public sealed class FormValidator
    {
        /// <summary>The subgrid control (SubGridControl).</summary>
        public const string SubgridClassId = "{E7A81278-8635-4D9E-8D4D-59480B391C5B}";

        /// <summary>
        /// The Timer control (TimerControl on Learn's "&lt;control&gt; (FormXml)"), unbound: its parameters name the columns it reads
        /// (FormXml.xsd's "Timer Control parameters").
        /// </summary>
        public const string TimerClassId = "{9C5CA0A1-AB4D-4781-BE7E-8DFBE867B87E}";

        /// <summary>The placeholder classid a real export writes for a control whose real kind is in controlDescriptions (a PCF control such as the toggle).</summary>
        private const string CustomControlClassId = "{F9A8A302-114E-466A-B582-6771B2AE0D92}";

        /// <summary>Each field control's classid, its name on Microsoft Learn, and the column types it binds to.</summary>
        private static readonly IReadOnlyDictionary<string, (string Name, AttributeTypeCode[] Types)> FieldControls =
            new Dictionary<string, (string, AttributeTypeCode[])>(StringComparer.OrdinalIgnoreCase)
            {
                ["{4273EDBD-AC1D-40D3-9FB2-095C621B552D}"] = ("TextBoxControl", new[] { AttributeTypeCode.String, AttributeTypeCode.Memo }),
                ["{E0DECE4B-6FC8-4A8F-A065-082708572369}"] = ("TextAreaControl", new[] { AttributeTypeCode.String, AttributeTypeCode.Memo }),
                ["{ADA2203E-B4CD-49BE-9DDF-234642B43B52}"] = ("EmailAddressControl", new[] { AttributeTypeCode.String }),
                ["{71716B6C-711E-476C-8AB8-5D11542BFB47}"] = ("UrlControl", new[] { AttributeTypeCode.String }),
                ["{1E1FC551-F7A8-43AF-AC34-A8DC35C7B6D4}"] = ("TickerControl", new[] { AttributeTypeCode.String }),
                ["{C6D124CA-7EDA-4A60-AEA9-7FB8D318B68F}"] = ("IntegerControl", new[] { AttributeTypeCode.Integer, AttributeTypeCode.BigInt }),
                ["{AA987274-CE4E-4271-A803-66164311A958}"] = ("DurationControl", new[] { AttributeTypeCode.Integer }),
                ["{671A9387-CA5A-4D1E-8AB7-06E39DDCF6B5}"] = ("LanguagePicker", new[] { AttributeTypeCode.Integer }),
                ["{7C624A0B-F59E-493D-9583-638D34759266}"] = ("TimeZonePicklistControl", new[] { AttributeTypeCode.Integer }),
                ["{C3EFE0C3-0EC6-42BE-8349-CBD9079DFD8E}"] = ("DecimalControl", new[] { AttributeTypeCode.Decimal }),
                ["{0D2C745A-E5A8-4C8F-BA63-C6D3BB604660}"] = ("FloatControl", new[] { AttributeTypeCode.Double }),
                ["{533B9E00-756B-4312-95A0-DC888637AC78}"] = ("MoneyControl", new[] { AttributeTypeCode.Money }),
                ["{3EF39988-22BB-4F0B-BBBE-64B5A3748AEE}"] = ("PicklistControl", new[] { AttributeTypeCode.Picklist, AttributeTypeCode.State, AttributeTypeCode.Status, AttributeTypeCode.Boolean }),
                ["{5D68B988-0661-4DB2-BC3E-17598AD3BE6C}"] = ("PicklistStatusControl", new[] { AttributeTypeCode.State, AttributeTypeCode.Status }),
                ["{4AA28AB7-9C13-4F57-A73D-AD894D048B5F}"] = ("MultiSelectPicklistControl", new[] { AttributeTypeCode.Virtual }),
                ["{67FAC785-CD58-4F9F-ABB3-4B7DDC6ED5ED}"] = ("RadioControl", new[] { AttributeTypeCode.Boolean }),
                ["{B0C6723A-8503-4FD7-BB28-C8A06AC933C2}"] = ("CheckBoxControl", new[] { AttributeTypeCode.Boolean }),
                ["{5B773807-9FB2-42DB-97C3-7A91EFF8ADFF}"] = ("DateTimeControl", new[] { AttributeTypeCode.DateTime }),
                ["{270BD3DB-D9AF-4782-9025-509E298DEC0A}"] = ("LookupControl", new[] { AttributeTypeCode.Lookup, AttributeTypeCode.Owner, AttributeTypeCode.Customer }),
                ["{F3015350-44A2-4AA0-97B5-00166532B5E9}"] = ("RegardingControl", new[] { AttributeTypeCode.Lookup }),
                ["{CBFB742C-14E7-4A17-96BB-1A13F7F64AA2}"] = ("PartyListLookupControl", new[] { AttributeTypeCode.PartyList }),
                ["{5C5600E0-1D6E-4205-A272-BE80DA87FD42}"] = ("QuickFormCollectionControl", new[] { AttributeTypeCode.Lookup, AttributeTypeCode.Owner, AttributeTypeCode.Customer }),
                ["{9C5CA0A1-AB4D-4781-BE7E-8DFBE867B87E}"] = ("TimerControl", new[] { AttributeTypeCode.Lookup, AttributeTypeCode.DateTime }),
            };

        private readonly string _solution;
        private readonly MetadataCatalog _metadata;

        public FormValidator(string solutionFolder, MetadataCatalog metadata)
        {
            _solution = solutionFolder;
            _metadata = metadata;
        }

        /// <summary>Whether <paramref name="file"/> of the table folder <paramref name="tableFolder"/> is one of its forms (FormXml/), which this validator checks.</summary>
        public static bool IsForm(string tableFolder, string file) =>
            Path.GetRelativePath(tableFolder, file).Replace('\\', '/').StartsWith("FormXml/", StringComparison.Ordinal);

        public IReadOnlyList<string> Findings()
        {
            var findings = new List<string>();
            var formIds = new Dictionary<Guid, string>();
            foreach (var (file, form, table) in TableFiles.Components(_solution, _metadata, "FormXml", SearchOption.AllDirectories, "systemform", "form", findings).ToList())
            {
                CheckForm(file, form, table, formIds, findings);
            }

            return findings;
        }

        private void CheckForm(string file, XElement form, TableDefinition table, Dictionary<Guid, string> formIds, List<string> findings)
        {
            TableFiles.CheckId(_solution, file, form, form.Element("formid"), "form", formIds, findings);
            if (string.IsNullOrWhiteSpace((string?)form.Element("LocalizedNames")?.Elements("LocalizedName").FirstOrDefault()?.Attribute("description")))
            {
                findings.Add(SolutionFinding.At(_solution, file, form, "the form has no name (LocalizedNames/LocalizedName description)."));
            }

            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var element in form.Descendants().Where(element => element.Name.LocalName is "tab" or "section" or "cell"))
            {
                var kind = element.Name.LocalName;
                if ((string?)element.Attribute("id") is { } id && !ids.Add(id))
                {
                    findings.Add(SolutionFinding.At(_solution, file, element, $"the {kind} id {id} is used twice in the form."));
                }

                if (kind != "cell" && (string?)element.Attribute("name") is { } name && !names.Add(kind + ":" + name))
                {
                    findings.Add(SolutionFinding.At(_solution, file, element, $"the {kind} name {name} is used twice in the form."));
                }

                if ((kind != "cell" || element.Element("control") != null) && ShowsLabel(element) && !HasLabel(element))
                {
                    findings.Add(SolutionFinding.At(_solution, file, element, $"the {kind} {(string?)element.Attribute("name") ?? (string?)element.Element("control")?.Attribute("id") ?? (string?)element.Attribute("id")} has no label."));
                }
            }

            var controlIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var control in form.Descendants("control"))
            {
                var id = (string?)control.Attribute("id");
                if (id != null && !controlIds.Add(id))
                {
                    findings.Add(SolutionFinding.At(_solution, file, control, $"the control id {id} is used twice in the form."));
                }

                if (IsSubgrid(control))
                {
                    CheckSubgrid(file, control, table, findings);
                }
                else if (string.Equals((string?)control.Attribute("classid"), TimerClassId, StringComparison.OrdinalIgnoreCase) && control.Attribute("datafieldname") == null)
                {
                    CheckTimer(file, control, table, findings);
                }
                else if ((string?)control.Attribute("datafieldname") is { } column)
                {
                    CheckBoundControl(file, control, table, column, findings);
                }
            }
        }

        private void CheckBoundControl(string file, XElement control, TableDefinition table, string columnName, List<string> findings)
        {
            if (table.Column(columnName.ToLowerInvariant()) is not { } column)
            {
                findings.Add(SolutionFinding.At(_solution, file, control, $"the column {table.Name}.{columnName} does not exist."));
                return;
            }

            var classId = (string?)control.Attribute("classid") ?? string.Empty;
            if (string.Equals(classId, CustomControlClassId, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            var type = column.IsMultiSelect ? AttributeTypeCode.Virtual : column.Type;
            var fitting = FieldControls.Where(field => field.Value.Types.Contains(type)).Select(field => $"{field.Value.Name} {field.Key}").ToList();
            if (!FieldControls.TryGetValue(classId, out var shown))
            {
                findings.Add(SolutionFinding.At(_solution, file, control, $"the control {(string?)control.Attribute("id")} shows {table.Name}.{column.Name} with the classid '{classId}', which is no field control; a column of type {type} takes {string.Join(" or ", fitting)}."));
            }
            else if (!shown.Types.Contains(type))
            {
                findings.Add(SolutionFinding.At(_solution, file, control, $"the control {(string?)control.Attribute("id")} shows {table.Name}.{column.Name}, of type {type}, with a {shown.Name}; a column of type {type} takes {string.Join(" or ", fitting)}."));
            }
        }

        /// <summary>
        /// A timer counts down to its FailureTimeField, a date and time column of the table or its lookup to an SLA KPI instance (as
        /// the case form's timers name firstresponsebykpiid); its success condition is required and every condition names a choice
        /// or yes/no column of the table with one of its values (FormXml.xsd, "Timer Control parameters": FailureTimeField,
        /// SuccessConditionName and SuccessConditionValue occur once, the other conditions at most once).
        /// </summary>
        private void CheckTimer(string file, XElement control, TableDefinition table, List<string> findings)
        {
            var id = (string?)control.Attribute("id");
            var parameters = control.Element("parameters")?.Elements().GroupBy(parameter => parameter.Name.LocalName).ToDictionary(group => group.Key, group => group.First())
                ?? new Dictionary<string, XElement>();
            if (!parameters.TryGetValue("FailureTimeField", out var failureTime) || string.IsNullOrWhiteSpace(failureTime.Value))
            {
                findings.Add(SolutionFinding.At(_solution, file, control, $"the timer {id} has no FailureTimeField: name the date and time column, or the lookup to the SLA KPI instance, whose time it counts down to."));
            }
            else if (table.Column(failureTime.Value.Trim().ToLowerInvariant()) is not { } column)
            {
                findings.Add(SolutionFinding.At(_solution, file, failureTime, $"the timer {id} counts down to {table.Name}.{failureTime.Value.Trim()}, which does not exist."));
            }
            else if (column.Type != AttributeTypeCode.DateTime && !(column.Type == AttributeTypeCode.Lookup && column.Targets.Contains("slakpiinstance", StringComparer.OrdinalIgnoreCase)))
            {
                findings.Add(SolutionFinding.At(_solution, file, failureTime, $"the timer {id} counts down to {table.Name}.{column.Name}, of type {column.Type}, which is neither a date and time column nor a lookup to an SLA KPI instance."));
            }

            foreach (var condition in SolutionUi.TimerConditions)
            {
                parameters.TryGetValue(condition + "ConditionName", out var nameElement);
                parameters.TryGetValue(condition + "ConditionValue", out var valueElement);
                if (nameElement == null && valueElement == null)
                {
                    if (condition == "Success")
                    {
                        findings.Add(SolutionFinding.At(_solution, file, control, $"the timer {id} has no success condition (SuccessConditionName and SuccessConditionValue): name the column and value that mean the time was met."));
                    }

                    continue;
                }

                if (nameElement == null || valueElement == null)
                {
                    findings.Add(SolutionFinding.At(_solution, file, (nameElement ?? valueElement)!, $"the timer {id} has a {condition.ToLowerInvariant()} condition without its {(nameElement == null ? "column (" + condition + "ConditionName)" : "value (" + condition + "ConditionValue)")}."));
                    continue;
                }

                CheckTimerCondition(file, id, condition, nameElement, valueElement, table, findings);
            }
        }

        private void CheckTimerCondition(string file, string? id, string condition, XElement nameElement, XElement valueElement, TableDefinition table, List<string> findings)
        {
            var name = nameElement.Value.Trim();
            var value = valueElement.Value.Trim();
            if (table.Column(name.ToLowerInvariant()) is not { } column)
            {
                findings.Add(SolutionFinding.At(_solution, file, nameElement, $"the timer {id}'s {condition.ToLowerInvariant()} condition names {table.Name}.{name}, which does not exist."));
            }
            else if (column.Type is not (AttributeTypeCode.Picklist or AttributeTypeCode.Boolean or AttributeTypeCode.State or AttributeTypeCode.Status) || column.IsMultiSelect)
            {
                findings.Add(SolutionFinding.At(_solution, file, nameElement, $"the timer {id}'s {condition.ToLowerInvariant()} condition names {table.Name}.{column.Name}, of type {column.Type}: a condition takes a choice or yes/no column."));
            }
            else if (!int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var option)
                || (column.Type == AttributeTypeCode.Boolean ? option is not (0 or 1) : column.Option(option) == null))
            {
                findings.Add(SolutionFinding.At(_solution, file, valueElement, $"the timer {id}'s {condition.ToLowerInvariant()} condition gives {table.Name}.{column.Name} the value '{value}', which is not one of its options."));
            }
        }

        private void CheckSubgrid(string file, XElement control, TableDefinition table, List<string> findings)
        {
            var id = (string?)control.Attribute("id");
            var parameters = control.Element("parameters");
            var target = ((string?)parameters?.Element("TargetEntityType"))?.Trim().ToLowerInvariant();
            if (parameters == null || string.IsNullOrEmpty(target) || _metadata.Table(target) is not { } targetTable)
            {
                findings.Add(SolutionFinding.At(_solution, file, parameters ?? control, $"the subgrid {id} shows the table '{target}', which does not exist."));
                return;
            }

            var relationshipName = ((string?)parameters.Element("RelationshipName"))?.Trim();
            if (!string.IsNullOrEmpty(relationshipName))
            {
                var relationship = _metadata.Relationship(relationshipName);
                if (relationship == null)
                {
                    findings.Add(SolutionFinding.At(_solution, file, parameters.Element("RelationshipName")!, $"the subgrid {id} names the relationship {relationshipName}, which does not exist."));
                }
                else if (!Relates(relationship, table.Name, target))
                {
                    findings.Add(SolutionFinding.At(_solution, file, parameters.Element("RelationshipName")!, $"the subgrid {id} names the relationship {relationshipName}, which does not relate {table.Name} to {target}."));
                }
            }

            if (!targetTable.IsCustom && !Directory.Exists(Path.Combine(TableFolder(target) ?? string.Empty, "SavedQueries")))
            {
                return;
            }

            var views = Views(target);
            foreach (var viewElement in parameters.Elements().Where(element => element.Name.LocalName is "ViewId" or "ViewIds"))
            {
                foreach (var view in viewElement.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (!Guid.TryParse(view, out var viewId) || !views.Contains(viewId))
                    {
                        findings.Add(SolutionFinding.At(_solution, file, viewElement, $"the subgrid {id} shows the view {view}, which is not a view of {target} in the solution (Entities/{target}/SavedQueries)."));
                    }
                }
            }
        }

        private static bool Relates(RelationshipDefinition relationship, string table, string target) =>
            relationship.IsManyToMany
                ? (Same(relationship.Entity1, table) && Same(relationship.Entity2, target)) || (Same(relationship.Entity1, target) && Same(relationship.Entity2, table))
                : Same(relationship.ReferencedEntity, table) && Same(relationship.ReferencingEntity, target);

        private static bool Same(string left, string right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

        private static bool IsSubgrid(XElement control) =>
            string.Equals((string?)control.Attribute("classid"), SubgridClassId, StringComparison.OrdinalIgnoreCase)
            || string.Equals((string?)control.Attribute("indicationOfSubgrid"), "true", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// Whether the form shows the element's label: not when showlabel is false or the element is hidden. A real export has
        /// such cells with an empty label (the timeline's, showlabel="false": Apollo export, commit 4af90e92, customizations.xml).
        /// </summary>
        private static bool ShowsLabel(XElement element) =>
            !string.Equals((string?)element.Attribute("showlabel"), "false", StringComparison.OrdinalIgnoreCase)
            && !string.Equals((string?)element.Attribute("visible"), "false", StringComparison.OrdinalIgnoreCase);

        private static bool HasLabel(XElement element) =>
            element.Element("labels")?.Elements("label").Any(label => !string.IsNullOrWhiteSpace((string?)label.Attribute("description"))) == true;

        private HashSet<Guid> Views(string table)
        {
            var folder = TableFolder(table) is { } tableFolder ? Path.Combine(tableFolder, "SavedQueries") : null;
            return folder != null && Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder, "*.xml")
                    .SelectMany(file => XDocument.Load(file).Descendants("savedqueryid"))
                    .Select(element => Guid.TryParse(element.Value, out var id) ? id : Guid.Empty)
                    .ToHashSet()
                : new HashSet<Guid>();
        }

        private string? TableFolder(string table) =>
            Directory.EnumerateDirectories(Path.Combine(_solution, "Entities")).FirstOrDefault(folder => Same(Path.GetFileName(folder), table));
    }
}
