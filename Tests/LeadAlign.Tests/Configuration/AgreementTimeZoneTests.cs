using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Plugins.Lifecycle;
using LeadAlign.Schema;
using LeadAlign.Sla;
using LeadAlign.Tests.Lifecycle;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace LeadAlign.Tests.Configuration
{
    /// <summary>
    /// The agreement's time zone is the platform's time zone picker: a whole number holding a timezonecode of the platform's
    /// timezonedefinition table, whose standardname is the zone's Windows id (Microsoft Learn, TimeZoneDefinition table reference).
    /// The codes an organization of the in-memory Dataverse starts with are those of Microsoft Learn's "Microsoft Time Zone
    /// Index Values" (https://learn.microsoft.com/en-us/previous-versions/windows/embedded/ms912391(v=winembedded.11)):
    /// 35 is Eastern Standard Time, 4 Pacific Standard Time.
    /// </summary>
    public sealed class AgreementTimeZoneTests
    {
        private const int Eastern = 35;
        private const int Pacific = 4;

        [Fact]
        public void An_organization_starts_with_the_platform_time_zones_every_user_can_read()
        {
            var fixture = new LifecycleFixture();
            var query = new QueryExpression(TimeZoneDefinitions.EntityName) { ColumnSet = new ColumnSet(TimeZoneDefinitions.Code, TimeZoneDefinitions.StandardName, "userinterfacename") };

            var zones = fixture.Org.As(fixture.Admin).RetrieveMultiple(query).Entities.ToDictionary(row => row.GetAttributeValue<int>(TimeZoneDefinitions.Code));

            Assert.Equal("Eastern Standard Time", zones[Eastern].GetAttributeValue<string>(TimeZoneDefinitions.StandardName));
            Assert.Equal("(GMT-05:00) Eastern Time (US and Canada)", zones[Eastern].GetAttributeValue<string>("userinterfacename"));
            Assert.Equal("Pacific Standard Time", zones[Pacific].GetAttributeValue<string>(TimeZoneDefinitions.StandardName));
            Assert.DoesNotContain(zones.Values, row => row.GetAttributeValue<string>(TimeZoneDefinitions.StandardName) == "UTC");
        }

        [Fact]
        public void An_admin_picks_eastern_time_and_a_handoff_is_due_four_business_hours_into_the_eastern_day()
        {
            var utc = new LifecycleFixture();
            var eastern = new LifecycleFixture(agreement: new Dictionary<string, object?> { [AgreementTable.TimeZoneCode] = Eastern });

            // Monday 5 January 2026, 09:00 UTC: 04:00 in New York, before its working day starts.
            var inUtc = Accept(utc, utc.HandedOffLead());
            var inEastern = Accept(eastern, eastern.HandedOffLead());

            Assert.Equal(new DateTime(2026, 1, 5, 13, 0, 0, DateTimeKind.Utc), inUtc["failuretime"]);
            Assert.Equal(new DateTime(2026, 1, 5, 18, 0, 0, DateTimeKind.Utc), inEastern["failuretime"]);
            Assert.Equal(new DateTime(2026, 1, 5, 17, 0, 0, DateTimeKind.Utc), inEastern["warningtime"]);
        }

        [Fact]
        public void A_code_no_platform_time_zone_has_is_refused_and_the_agreement_keeps_its_time_zone()
        {
            var fixture = new LifecycleFixture(agreement: new Dictionary<string, object?> { [AgreementTable.TimeZoneCode] = Eastern });

            var refused = TestOrganization.Fault(() => fixture.Org.As(fixture.Admin).Update(new Entity(AgreementTable.EntityName, LifecycleFixture.AgreementId) { [AgreementTable.TimeZoneCode] = 999 }));

            Assert.Equal("The agreement's business hours are not valid: the time zone code 999 is not a time zone of this organization: choose the time zone from the list, or leave it empty for UTC.", refused.Message);
            Assert.Equal(Eastern, fixture.Org.Get(AgreementTable.EntityName, LifecycleFixture.AgreementId)!.GetAttributeValue<int?>(AgreementTable.TimeZoneCode));
        }

        [Fact]
        public void A_platform_time_zone_the_server_does_not_know_is_refused()
        {
            var fixture = new LifecycleFixture();

            // A platform row under a name this server's TimeZoneInfo has no zone for, as the index's older names were
            // ("U.S. Mountain Standard Time"): seeded as the platform's data, since users cannot write time zones.
            fixture.Org.Seed(new Entity(TimeZoneDefinitions.EntityName, Guid.NewGuid()) { [TimeZoneDefinitions.Code] = 1015, [TimeZoneDefinitions.StandardName] = "U.S. Mountain Standard Time" });
            var refused = TestOrganization.Fault(() => fixture.Org.As(fixture.Admin).Update(new Entity(AgreementTable.EntityName, LifecycleFixture.AgreementId) { [AgreementTable.TimeZoneCode] = 1015 }));

            Assert.Equal("The agreement's business hours are not valid: 'U.S. Mountain Standard Time' is not a time zone this server knows: choose another time zone from the list, or leave it empty for UTC.", refused.Message);
            Assert.Null(fixture.Org.Get(AgreementTable.EntityName, LifecycleFixture.AgreementId)!.GetAttributeValue<int?>(AgreementTable.TimeZoneCode));
        }

        [Fact]
        public void The_platform_time_zones_are_read_once_and_a_warm_validation_makes_no_call()
        {
            var fixture = new LifecycleFixture();
            var agreement = fixture.Org.As(fixture.Admin);
            fixture.Org.Log.Clear();

            agreement.Update(new Entity(AgreementTable.EntityName, LifecycleFixture.AgreementId) { [AgreementTable.TimeZoneCode] = Eastern });
            fixture.Org.Advance(TimeSpan.FromMinutes(30));
            agreement.Update(new Entity(AgreementTable.EntityName, LifecycleFixture.AgreementId) { [AgreementTable.TimeZoneCode] = Pacific });

            // The validator's only query is the platform's time zones: read by the first change, kept for the second.
            var validations = fixture.Org.Log.Of(typeof(ValidateAgreementPlugin));
            Assert.Equal(2, validations.Count);
            Assert.Equal(1, validations[0].Calls("RetrieveMultiple"));
            Assert.Equal(1, validations[0].TotalCalls);
            Assert.Equal(0, validations[1].TotalCalls);
            Assert.Equal(Pacific, fixture.Org.Get(AgreementTable.EntityName, LifecycleFixture.AgreementId)!.GetAttributeValue<int?>(AgreementTable.TimeZoneCode));
        }

        private static Entity Accept(LifecycleFixture fixture, Guid lead) =>
            fixture.Org.Get("slakpiinstance", fixture.Lead(lead).GetAttributeValue<EntityReference>(LeadTable.AcceptByKpiId).Id)!;
    }
}
