using System;
using System.Linq;
using System.Xml.Linq;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Dataverse.Metadata;

namespace LeadAlign.Dataverse.Ui
{
    /// <summary>The query a subgrid runs: its view's FetchXML, kept to the rows its relationship ties to the form's row.</summary>
    internal static class SubgridQuery
    {
        public static string For(ViewDefinition view, SubgridDefinition subgrid, string formTable, Guid rowId, MetadataCatalog metadata)
        {
            if (subgrid.Relationship.Length == 0)
            {
                return view.FetchXml;
            }

            var relationship = metadata.Relationship(subgrid.Relationship)
                ?? throw DataverseFault.Invalid($"The subgrid {subgrid.Id} names the relationship {subgrid.Relationship}, which does not exist.");
            if (relationship.IsManyToMany)
            {
                throw new NotSupportedException($"The subgrid {subgrid.Id} lists rows of the many-to-many relationship {relationship.SchemaName}; the in-memory Dataverse opens only one-to-many subgrids.");
            }

            if (!string.Equals(relationship.ReferencedEntity, formTable, StringComparison.OrdinalIgnoreCase) || !string.Equals(relationship.ReferencingEntity, view.Table, StringComparison.OrdinalIgnoreCase))
            {
                throw DataverseFault.Invalid($"The subgrid {subgrid.Id} shows {view.Table} through {relationship.SchemaName}, which does not relate {formTable} to {view.Table}.");
            }

            var fetch = XDocument.Parse(view.FetchXml);
            var entity = fetch.Root!.Element("entity")!;
            entity.Add(new XElement(
                "filter",
                new XAttribute("type", "and"),
                new XElement("condition", new XAttribute("attribute", relationship.ReferencingAttribute), new XAttribute("operator", "eq"), new XAttribute("value", rowId.ToString("D")))));
            return fetch.ToString(SaveOptions.DisableFormatting);
        }
    }
}
