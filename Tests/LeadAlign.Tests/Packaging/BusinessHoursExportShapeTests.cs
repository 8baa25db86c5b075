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

        /// <summary>
        /// The holidays are rows of their own table, la_agreementholiday, whose date is a date-only column. Its shape is Apollo's
        /// date columns' (apollo_DoctorShift.apollo_shiftdate in the export named in the class summary:
        /// <c>&lt;Type&gt;datetime&lt;/Type&gt;</c>, then <c>&lt;Format&gt;date&lt;/Format&gt;</c>,
        /// <c>&lt;CanChangeDateTimeBehavior&gt;1&lt;/CanChangeDateTimeBehavior&gt;</c> and <c>&lt;Behavior&gt;</c>, in that
        /// order); the behavior's code is Microsoft Learn's, DateTimeFieldBehavior
        /// (https://learn.microsoft.com/power-apps/developer/component-framework/reference/datetimefieldbehavior), whose table
        /// gives 1 UserLocal, 2 DateOnly, 3 TimeZoneIndependent (Apollo's date columns are 1 or 3, none Date Only; TALXIS/tools-devkit-templates
        /// pull request 67 reports the same codes round-tripped through a Dataverse import). The free-text la_holidays is gone.
        /// </summary>
        [Fact]
        public void A_holiday_is_a_row_whose_date_is_a_required_date_only_column_and_the_free_text_holidays_are_gone()
        {
            var holiday = XDocument.Load(RepositoryLayout.PathInRepo("Solution", "Entities", AgreementHolidayTable.EntityName, "Entity.xml"));
            var date = holiday.Descendants("attribute").Single(attribute => (string?)attribute.Element("LogicalName") == AgreementHolidayTable.Date);
            var agreementColumns = XDocument.Load(RepositoryLayout.PathInRepo("Solution", "Entities", AgreementTable.EntityName, "Entity.xml"))
                .Descendants("attribute").Select(attribute => (string?)attribute.Element("LogicalName")).ToList();

            Assert.Equal("datetime", (string?)date.Element("Type"));
            Assert.Equal(
                new[] { "Format", "CanChangeDateTimeBehavior", "Behavior" },
                date.Elements().Select(element => element.Name.LocalName).Where(name => name is "Format" or "CanChangeDateTimeBehavior" or "Behavior"));
            Assert.Equal("date", (string?)date.Element("Format"));
            Assert.Equal("2", (string?)date.Element("Behavior"));
            Assert.Equal("applicationrequired", (string?)date.Element("RequiredLevel"));
            Assert.Equal("OrgOwned", (string?)holiday.Descendants("OwnershipTypeMask").Single());
            Assert.DoesNotContain("la_holidays", agreementColumns);
        }

        /// <summary>
        /// Deleting an agreement deletes its holidays: the relationship's CascadeDelete is Cascade, as an export writes it for a
        /// parent that owns its children (Apollo's bpf_apollo_medicaltest_apollo_medicaltestbpf, CascadeDelete Cascade with
        /// CascadeArchive RemoveLink), and the lookup is required.
        /// </summary>
        [Fact]
        public void The_holidays_belong_to_their_agreement_and_go_with_it()
        {
            var relationship = XDocument.Load(RepositoryLayout.PathInRepo("Solution", "Other", "Relationships", AgreementHolidayTable.EntityName + ".xml"))
                .Descendants("EntityRelationship").Single();
            var lookup = XDocument.Load(RepositoryLayout.PathInRepo("Solution", "Entities", AgreementHolidayTable.EntityName, "Entity.xml"))
                .Descendants("attribute").Single(attribute => (string?)attribute.Element("LogicalName") == AgreementHolidayTable.AgreementId);

            Assert.Equal("la_agreement_la_agreementholiday", (string?)relationship.Attribute("Name"));
            Assert.Equal(AgreementTable.EntityName, (string?)relationship.Element("ReferencedEntityName"));
            Assert.Equal(AgreementHolidayTable.EntityName, (string?)relationship.Element("ReferencingEntityName"));
            Assert.Equal("Cascade", (string?)relationship.Element("CascadeDelete"));
            Assert.Equal("lookup", (string?)lookup.Element("Type"));
            Assert.Equal("applicationrequired", (string?)lookup.Element("RequiredLevel"));
        }

        [Fact]
        public void The_in_memory_dataverse_answers_the_holiday_date_as_a_date_only_column_and_the_agreement_as_its_lookup()
        {
            var org = LeadAlignOrganization.Start();

            var date = ((RetrieveAttributeResponse)org.SystemService.Execute(new RetrieveAttributeRequest { EntityLogicalName = AgreementHolidayTable.EntityName, LogicalName = AgreementHolidayTable.Date })).AttributeMetadata;
            var agreement = ((RetrieveAttributeResponse)org.SystemService.Execute(new RetrieveAttributeRequest { EntityLogicalName = AgreementHolidayTable.EntityName, LogicalName = AgreementHolidayTable.AgreementId })).AttributeMetadata;

            Assert.Equal(DateTimeFormat.DateOnly, Assert.IsType<DateTimeAttributeMetadata>(date).Format);
            Assert.Equal(new[] { AgreementTable.EntityName }, Assert.IsType<LookupAttributeMetadata>(agreement).Targets);
        }
    }
}
