using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using LeadAlign.Tests.Support;
using Xunit;

namespace LeadAlign.Tests.Packaging
{
    /// <summary>
    /// The shipped relationships in the shape of a real 2026 export: meandtech2001/Apollo-HealthCare-Management-D365-CRM- at
    /// 4af90e9294495d736f1f1087e206d1b997e8bfa9. A one-to-many relationship there (Other/Relationships/Appointment.xml,
    /// "apollo_account_appointment_286", and the others of Other/Relationships) is an EntityRelationship whose children are
    /// EntityRelationshipType, IsCustomizable, IntroducedVersion, IsHierarchical, ReferencingEntityName, ReferencedEntityName,
    /// CascadeAssign, CascadeDelete, CascadeArchive, CascadeReparent, CascadeShare, CascadeUnshare, CascadeRollupView,
    /// IsValidForAdvancedFind, ReferencingAttributeName, RelationshipDescription and EntityRelationshipRoles, in that order
    /// (CascadeArchive is newer than the 2018 schema); its ReferencingAttributeName is the lookup's schema name as the table's
    /// attribute PhysicalName spells it ("apollo_Patient"); CascadeArchive is NoCascade where CascadeDelete is NoCascade and
    /// RemoveLink where CascadeDelete is RemoveLink or Cascade, as there.
    /// </summary>
    public sealed class RelationshipExportShapeTests
    {
        private static readonly string[] OneToManyChildren =
        {
            "EntityRelationshipType", "IsCustomizable", "IntroducedVersion", "IsHierarchical", "ReferencingEntityName", "ReferencedEntityName",
            "CascadeAssign", "CascadeDelete", "CascadeArchive", "CascadeReparent", "CascadeShare", "CascadeUnshare", "CascadeRollupView",
            "IsValidForAdvancedFind", "ReferencingAttributeName", "RelationshipDescription", "EntityRelationshipRoles",
        };

        public static TheoryData<string> Relationships()
        {
            var data = new TheoryData<string>();
            foreach (var file in Directory.GetFiles(RepositoryLayout.PathInRepo("Solution", "Other", "Relationships"), "*.xml").OrderBy(path => path, StringComparer.Ordinal))
            {
                foreach (var relationship in XDocument.Load(file).Root!.Elements("EntityRelationship"))
                {
                    data.Add(Path.GetFileName(file) + "#" + (string)relationship.Attribute("Name")!);
                }
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Relationships))]
        public void Every_relationship_has_the_elements_of_an_exported_one_to_many_relationship_in_their_order(string relationship)
        {
            var element = Find(relationship);

            Assert.Equal("OneToMany", (string?)element.Element("EntityRelationshipType"));
            Assert.Equal(OneToManyChildren, element.Elements().Select(child => child.Name.LocalName));
            var delete = (string?)element.Element("CascadeDelete");
            Assert.Equal(delete == "NoCascade" ? "NoCascade" : "RemoveLink", (string?)element.Element("CascadeArchive"));
        }

        [Theory]
        [MemberData(nameof(Relationships))]
        public void Every_relationship_names_its_lookup_as_the_referencing_table_spells_it(string relationship)
        {
            var element = Find(relationship);
            var table = (string)element.Element("ReferencingEntityName")!;
            var lookup = (string)element.Element("ReferencingAttributeName")!;

            var entity = Directory.GetDirectories(RepositoryLayout.PathInRepo("Solution", "Entities"))
                .Select(folder => XDocument.Load(Path.Combine(folder, "Entity.xml")).Root!)
                .Single(root => string.Equals((string?)root.Descendants("Name").First(), table, StringComparison.OrdinalIgnoreCase));
            var physical = entity.Descendants("attribute").Select(attribute => (string?)attribute.Attribute("PhysicalName"))
                .Single(name => string.Equals(name, lookup, StringComparison.OrdinalIgnoreCase));

            Assert.Equal(physical, lookup);
        }

        private static XElement Find(string relationship)
        {
            var parts = relationship.Split('#');
            return XDocument.Load(RepositoryLayout.PathInRepo("Solution", "Other", "Relationships", parts[0])).Root!
                .Elements("EntityRelationship").Single(each => (string?)each.Attribute("Name") == parts[1]);
        }
    }
}
