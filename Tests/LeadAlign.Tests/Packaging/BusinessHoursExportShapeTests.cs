using System.Linq;
using System.Xml.Linq;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;
using Xunit;

namespace LeadAlign.Tests.Packaging
{
    /// <summary>
    /// The agreement's business hours are columns an admin picks from, in the shapes a real export writes. References: the
    /// Apollo 2026 managed export (meandtech2001/Apollo-HealthCare-Management-D365-CRM-, commit 4af90e9294495d736f1f1087e206d1b997e8bfa9,
    /// ApolloHospitalProject_1_0_0_3_managed/customizations.xml): a choices column is <c>&lt;Type&gt;multiselectpicklist&lt;/Type&gt;</c>
    /// (apollo_prescribedmedicine.apollo_timings), a Duration whole number is <c>&lt;Type&gt;int&lt;/Type&gt;</c> with
    /// <c>&lt;Format&gt;duration&lt;/Format&gt;</c>, <c>MinValue</c> and <c>MaxValue</c> (bpf_duration); a global choice
    /// column names its choice with <c>&lt;OptionSetName&gt;</c>, as our other global choices (the routing filter) do.
    /// </summary>
    public sealed class BusinessHoursExportShapeTests
    {
        private static XElement Attribute(string logicalName) =>
            XDocument.Load(RepositoryLayout.PathInRepo("Solution", "Entities", AgreementTable.EntityName, "Entity.xml"))
                .Descendants("attribute").Single(attribute => (string?)attribute.Element("LogicalName") == logicalName);

        [Fact]
        public void Working_days_are_a_choices_column_of_the_seven_weekdays()
        {
            var days = Attribute(AgreementTable.WorkingDays);
            var choiceName = (string)days.Element("OptionSetName")!;
            var choice = XDocument.Load(RepositoryLayout.PathInRepo("Solution", "OptionSets", choiceName + ".xml")).Root!;

            Assert.Equal("multiselectpicklist", (string?)days.Element("Type"));
            Assert.Equal(choiceName, (string?)choice.Attribute("Name"));
            Assert.Null(days.Element("optionset"));
            Assert.Equal("1", (string?)choice.Element("IsGlobal"));
            Assert.Equal(
                new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" },
                choice.Element("options")!.Elements("option").Select(option => (string?)option.Element("labels")!.Element("label")!.Attribute("description")));
        }

        [Fact]
        public void The_working_day_starts_and_ends_as_duration_whole_numbers_of_a_day_at_most()
        {
            foreach (var column in new[] { AgreementTable.WorkStart, AgreementTable.WorkEnd })
            {
                var attribute = Attribute(column);
                Assert.Equal("int", (string?)attribute.Element("Type"));
                Assert.Equal("duration", (string?)attribute.Element("Format"));
                Assert.Equal("0", (string?)attribute.Element("MinValue"));
                Assert.Equal("1440", (string?)attribute.Element("MaxValue"));
            }
        }

        [Fact]
        public void The_in_memory_dataverse_answers_working_days_as_a_choices_column_with_the_weekdays()
        {
            var org = LeadAlignOrganization.Start();

            var days = ((RetrieveAttributeResponse)org.SystemService.Execute(new RetrieveAttributeRequest { EntityLogicalName = AgreementTable.EntityName, LogicalName = AgreementTable.WorkingDays })).AttributeMetadata;
            var start = ((RetrieveAttributeResponse)org.SystemService.Execute(new RetrieveAttributeRequest { EntityLogicalName = AgreementTable.EntityName, LogicalName = AgreementTable.WorkStart })).AttributeMetadata;

            var choices = Assert.IsType<MultiSelectPicklistAttributeMetadata>(days);
            Assert.Equal(AttributeTypeCode.Virtual, choices.AttributeType);
            Assert.Equal(7, choices.OptionSet.Options.Count);
            Assert.Contains(choices.OptionSet.Options, option => option.Value == (int)Weekday.Sunday && option.Label.LocalizedLabels[0].Label == "Sunday");
            Assert.Equal(1440, Assert.IsType<IntegerAttributeMetadata>(start).MaxValue);
        }
    }
}
