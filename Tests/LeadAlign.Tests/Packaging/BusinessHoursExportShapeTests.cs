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

        /// <summary>
        /// The time zone is the platform's time zone picker: a whole number in the Time zone format. References: Microsoft Learn,
        /// IntegerFormat (https://learn.microsoft.com/en-us/dotnet/api/microsoft.xrm.sdk.metadata.integerformat): "TimeZone | 2 |
        /// Specifies to display the integer as a drop down list of time zones"; an export writes an integer format as the member's
        /// name in lower case, as Apollo's bpf_duration writes IntegerFormat.Duration (<c>&lt;Format&gt;duration&lt;/Format&gt;</c>).
        /// No public export of a Time zone whole number was found to pin <c>timezone</c> itself against.
        /// </summary>
        [Fact]
        public void The_time_zone_is_a_whole_number_in_the_time_zone_format_and_the_free_text_column_is_gone()
        {
            var zone = Attribute(AgreementTable.TimeZoneCode);
            var columns = XDocument.Load(RepositoryLayout.PathInRepo("Solution", "Entities", AgreementTable.EntityName, "Entity.xml"))
                .Descendants("attribute").Select(attribute => (string?)attribute.Element("LogicalName")).ToList();

            Assert.Equal("int", (string?)zone.Element("Type"));
            Assert.Equal("timezone", (string?)zone.Element("Format"));
            Assert.Equal("Time zone", (string?)zone.Element("displaynames")!.Element("displayname")!.Attribute("description"));
            Assert.DoesNotContain(AgreementTable.TimeZoneCode.Substring(0, AgreementTable.TimeZoneCode.Length - "code".Length), columns);
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
