using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using LeadAlign.Tests.Support;
using Xunit;

namespace LeadAlign.Tests.Packaging
{
    /// <summary>
    /// The shipped views and choices in the shape of a real export: meandtech2001/Apollo-HealthCare-Management-D365-CRM- at
    /// 4af90e9294495d736f1f1087e206d1b997e8bfa9. A custom view there (Entities/Account/SavedQueries/{cec641c8-ffb7-f011-bbd3-000d3a81a9a9}.xml,
    /// and 27 more) is a savedqueries root holding one savedquery whose children are IsCustomizable, CanBeDeleted, isquickfindquery,
    /// isprivate, isdefault, savedqueryid, layoutxml, querytype, fetchxml, IntroducedVersion, LocalizedNames and, where the view has
    /// one, Descriptions, in that order. A global choice (OptionSets/apollo_paymentmode.xml) is an optionset root with the
    /// attributes Name and localizedName, whose children are OptionSetType, IsGlobal, IntroducedVersion, IsCustomizable,
    /// ExternalTypeName, displaynames, Descriptions and options, in that order, each option carrying value, ExternalValue and
    /// IsHidden and its labels.
    /// </summary>
    public sealed class ViewAndChoiceExportShapeTests
    {
        private static readonly string[] ViewChildren =
        {
            "IsCustomizable", "CanBeDeleted", "isquickfindquery", "isprivate", "isdefault", "savedqueryid", "layoutxml", "querytype", "fetchxml", "IntroducedVersion", "LocalizedNames", "Descriptions",
        };

        private static readonly string[] ChoiceChildren = { "OptionSetType", "IsGlobal", "IntroducedVersion", "IsCustomizable", "ExternalTypeName", "displaynames", "Descriptions", "options" };

        public static TheoryData<string> Views() => Files(Directory.GetDirectories(RepositoryLayout.PathInRepo("Solution", "Entities")).SelectMany(table =>
            Directory.Exists(Path.Combine(table, "SavedQueries")) ? Directory.GetFiles(Path.Combine(table, "SavedQueries"), "*.xml") : Array.Empty<string>()));

        public static TheoryData<string> Choices() => Files(Directory.GetFiles(RepositoryLayout.PathInRepo("Solution", "OptionSets"), "*.xml"));

        [Theory]
        [MemberData(nameof(Views))]
        public void Every_view_has_the_elements_of_an_exported_custom_view_in_their_order(string file)
        {
            var root = XDocument.Load(RepositoryLayout.PathInRepo(file.Split('/'))).Root!;

            Assert.Equal("savedqueries", root.Name.LocalName);
            var view = Assert.Single(root.Elements());
            Assert.Equal("savedquery", view.Name.LocalName);
            var children = view.Elements().Select(element => element.Name.LocalName).ToList();
            Assert.Equal(ViewChildren.Take(children.Count), children);
            Assert.True(children.Count >= ViewChildren.Length - 1, $"{file}: a view carries every element up to LocalizedNames; it has {string.Join(", ", children)}.");
        }

        [Theory]
        [MemberData(nameof(Choices))]
        public void Every_choice_has_the_attributes_elements_and_options_of_an_exported_global_choice(string file)
        {
            var root = XDocument.Load(RepositoryLayout.PathInRepo(file.Split('/'))).Root!;

            Assert.Equal("optionset", root.Name.LocalName);
            Assert.Equal(new[] { "Name", "localizedName" }, root.Attributes().Where(attribute => !attribute.IsNamespaceDeclaration).Select(attribute => attribute.Name.LocalName));
            Assert.Equal(Path.GetFileNameWithoutExtension(file), (string)root.Attribute("Name")!);
            var children = root.Elements().Select(element => element.Name.LocalName).ToList();
            Assert.Equal(ChoiceChildren.Where(children.Contains), children);
            Assert.All(new[] { "OptionSetType", "IsGlobal", "displaynames", "options" }, required => Assert.Contains(required, children));
            var options = root.Element("options")!.Elements().ToList();
            Assert.NotEmpty(options);
            Assert.All(options, option =>
            {
                Assert.Equal("option", option.Name.LocalName);
                Assert.Equal(new[] { "value", "ExternalValue", "IsHidden" }, option.Attributes().Select(attribute => attribute.Name.LocalName).Take(3));
                Assert.NotEmpty(option.Element("labels")!.Elements("label"));
            });
        }

        private static TheoryData<string> Files(System.Collections.Generic.IEnumerable<string> paths)
        {
            var data = new TheoryData<string>();
            var root = RepositoryLayout.PathInRepo();
            foreach (var path in paths.OrderBy(path => path, StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'));
            }

            return data;
        }
    }
}
