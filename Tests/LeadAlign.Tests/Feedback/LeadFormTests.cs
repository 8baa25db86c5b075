using System.IO;
using System.Linq;
using System.Xml.Linq;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Xunit;

namespace LeadAlign.Tests.Feedback
{
    /// <summary>The lead form marketing and sales share: its sections, and that every control names a lead column.</summary>
    public sealed class LeadFormTests
    {
        private static XDocument Form() => XDocument.Load(Directory.EnumerateFiles(RepositoryLayout.PathInRepo("Solution", "Entities", "Lead", "FormXml", "main"), "*.xml").Single());

        [Fact]
        public void The_lead_form_has_the_score_lifecycle_and_sales_feedback_sections()
        {
            var sections = Form().Descendants("section").Select(section => section.Element("labels")!.Element("label")!.Attribute("description")!.Value).ToList();

            Assert.Equal(new[] { "Lead", "Score", "Lifecycle & SLA", "Sales feedback" }, sections);
        }

        [Fact]
        public void Every_control_on_the_lead_form_names_a_lead_column()
        {
            var lead = MetadataCatalog.ForSolution(RepositoryLayout.PathInRepo("Solution")).Table("lead")!;

            var fields = Form().Descendants("control").Select(control => control.Attribute("datafieldname")!.Value).ToList();

            Assert.Contains(LeadTable.RejectionReason, fields);
            Assert.All(fields, field => Assert.True(lead.HasColumn(field), $"lead has no column {field}"));
        }
    }
}
