using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using LeadAlign.Dataverse.Metadata;
using Microsoft.Xrm.Sdk.Metadata;

namespace LeadAlign.Cli.Packaging
{
    /// <summary>
    /// Checks every view of every table of the solution folder (Entities/&lt;table&gt;/SavedQueries/*.xml) against the solution's
    /// metadata, reporting each finding as <c>file:line: message</c>, in the shape of the savedquery a real export writes
    /// (savedqueryid, layoutxml/grid/row/cell, fetchxml/fetch, LocalizedNames: Apollo-HealthCare-Management export, commit
    /// 4af90e9294495d736f1f1087e206d1b997e8bfa9, Entities/*/SavedQueries):
    /// <list type="bullet">
    /// <item>the view has a name and a GUID id no other view of the solution has;</item>
    /// <item>its FetchXML reads the view's table, and a condition's value on a choice column is one of its options (that every
    /// column and linked table exists is the query check every FetchXML of the solution gets);</item>
    /// <item>the layout's row id is the table's primary key, its jump column a column of the table, and every cell a column the
    /// FetchXML reads (a linked one as alias.column), as a grid shows only what its query returns.</item>
    /// </list>
    /// </summary>
    public sealed class ViewValidator
    {
        private readonly string _solution;
        private readonly MetadataCatalog _metadata;

        public ViewValidator(string solutionFolder, MetadataCatalog metadata)
        {
            _solution = solutionFolder;
            _metadata = metadata;
        }

        public IReadOnlyList<string> Findings()
        {
            var findings = new List<string>();
            var ids = new Dictionary<Guid, string>();
            foreach (var (file, view, table) in TableFiles.Components(_solution, _metadata, "SavedQueries", SearchOption.TopDirectoryOnly, "savedquery", "view", findings).ToList())
            {
                CheckView(file, view, table, ids, findings);
            }

            return findings;
        }

        private void CheckView(string file, XElement view, TableDefinition table, Dictionary<Guid, string> ids, List<string> findings)
        {
            TableFiles.CheckId(_solution, file, view, view.Element("savedqueryid"), "view", ids, findings);
            var name = (string?)view.Element("LocalizedNames")?.Elements("LocalizedName").FirstOrDefault()?.Attribute("description");
            if (string.IsNullOrWhiteSpace(name))
            {
                findings.Add(SolutionFinding.At(_solution, file, view, "the view has no name (LocalizedNames/LocalizedName description)."));
            }

            var entity = view.Element("fetchxml")?.Element("fetch")?.Element("entity");
            if (entity == null)
            {
                findings.Add(SolutionFinding.At(_solution, file, view, $"the view {name} has no FetchXML (fetchxml/fetch/entity)."));
                return;
            }

            if (!Same((string?)entity.Attribute("name"), table.Name))
            {
                findings.Add(SolutionFinding.At(_solution, file, entity, $"the view {name} reads the table '{(string?)entity.Attribute("name")}', not {table.Name}, the table it belongs to."));
                return;
            }

            var read = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            CheckEntity(file, name, entity, table, null, read, findings);
            CheckLayout(file, name, view.Element("layoutxml")?.Element("grid"), table, read, findings);
        }

        /// <summary>
        /// Collects the columns the FetchXML reads (a linked table's as alias.column) and checks each condition's value; whether
        /// each column exists is the query check every FetchXML of the solution gets (SolutionValidator, "query column").
        /// </summary>
        private void CheckEntity(string file, string? view, XElement node, TableDefinition table, string? alias, HashSet<string> read, List<string> findings)
        {
            foreach (var attribute in node.Elements("attribute"))
            {
                read.Add((alias == null ? string.Empty : alias + ".") + ((string?)attribute.Attribute("name") ?? string.Empty));
            }

            foreach (var condition in node.Descendants("condition").Where(condition => condition.Ancestors().First(parent => parent.Name.LocalName is "entity" or "link-entity") == node))
            {
                CheckConditionValue(file, view, condition, table, table.Column(((string?)condition.Attribute("attribute") ?? string.Empty).ToLowerInvariant()), findings);
            }

            foreach (var link in node.Elements("link-entity"))
            {
                if (_metadata.Table(((string?)link.Attribute("name") ?? string.Empty).ToLowerInvariant()) is { } linked)
                {
                    CheckEntity(file, view, link, linked, (string?)link.Attribute("alias") ?? linked.Name, read, findings);
                }
            }
        }

        private void CheckConditionValue(string file, string? view, XElement condition, TableDefinition table, ColumnDefinition? column, List<string> findings)
        {
            if (column == null || column.Type is not (AttributeTypeCode.Picklist or AttributeTypeCode.State or AttributeTypeCode.Status) || (string?)condition.Attribute("operator") is not ("eq" or "ne" or "in" or "not-in"))
            {
                return;
            }

            var values = condition.Attribute("value") != null
                ? new[] { (string)condition.Attribute("value")! }
                : condition.Elements("value").Select(value => value.Value).ToArray();
            foreach (var value in values)
            {
                if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var option) || column.Option(option) == null)
                {
                    findings.Add(SolutionFinding.At(_solution, file, condition, $"the view {view} compares {table.Name}.{column.Name} with '{value}', which is not one of its options."));
                }
            }
        }

        private void CheckLayout(string file, string? view, XElement? grid, TableDefinition table, HashSet<string> read, List<string> findings)
        {
            var row = grid?.Element("row");
            if (grid == null || row == null)
            {
                findings.Add(SolutionFinding.At(_solution, file, grid ?? new XElement("layoutxml"), $"the view {view} has no layout (layoutxml/grid/row)."));
                return;
            }

            if (!Same((string?)row.Attribute("id"), table.PrimaryId))
            {
                findings.Add(SolutionFinding.At(_solution, file, row, $"the view {view}'s layout row id is '{(string?)row.Attribute("id")}', not {table.PrimaryId}, the primary key of {table.Name}."));
            }

            if ((string?)grid.Attribute("jump") is { Length: > 0 } jump && !table.HasColumn(jump.ToLowerInvariant()))
            {
                findings.Add(SolutionFinding.At(_solution, file, grid, $"the view {view} opens rows from the column {table.Name}.{jump}, which does not exist."));
            }

            foreach (var cell in row.Elements("cell"))
            {
                var column = (string?)cell.Attribute("name") ?? string.Empty;
                if (!read.Contains(column))
                {
                    findings.Add(SolutionFinding.At(_solution, file, cell, $"the view {view} shows the column {column}, which its FetchXML does not read."));
                }
            }
        }

        private static bool Same(string? left, string? right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
    }
}
