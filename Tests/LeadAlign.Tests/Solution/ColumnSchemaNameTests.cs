using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using LeadAlign.Tests.Support;
using Xunit;

namespace LeadAlign.Tests.Solution
{
    /// <summary>
    /// Each column LeadAlign adds carries its schema name, with its casing, as its PhysicalName, as a real 2026 export writes a
    /// custom column (meandtech2001/Apollo-HealthCare-Management-D365-CRM- commit 4af90e92…,
    /// Entities/apollo_ApolloFeedbacks/Entity.xml: PhysicalName="apollo_Comments" for the logical name apollo_comments).
    /// </summary>
    public sealed class ColumnSchemaNameTests
    {
        [Fact]
        public void Every_leadalign_column_names_its_schema_name_as_its_physical_name()
        {
            var columns = Directory.EnumerateFiles(RepositoryLayout.PathInRepo("Solution", "Entities"), "Entity.xml", SearchOption.AllDirectories)
                .SelectMany(file => XDocument.Load(file).Descendants("attribute").Select(attribute => (File: Path.GetFileName(Path.GetDirectoryName(file)), Physical: (string?)attribute.Attribute("PhysicalName"), Logical: (string?)attribute.Element("LogicalName"))))
                .Where(column => column.Logical?.StartsWith("la_", StringComparison.Ordinal) == true)
                .ToList();

            Assert.NotEmpty(columns);
            Assert.All(columns, column =>
            {
                Assert.Equal(column.Logical, column.Physical?.ToLowerInvariant());
                Assert.True(column.Physical!.Length > 3 && char.IsUpper(column.Physical[3]), $"{column.File}: {column.Physical} carries no schema-name casing.");
            });
        }
    }
}
