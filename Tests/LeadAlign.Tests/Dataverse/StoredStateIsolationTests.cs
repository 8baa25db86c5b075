using System;
using LeadAlign.Dataverse;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace LeadAlign.Tests.Dataverse
{
    /// <summary>
    /// What a caller gets back, or hands in, is never the stored row nor one of its values: changing it afterwards (a lookup's id, a
    /// choice's value) changes nothing Dataverse holds, whichever way the row was read (Retrieve reads only the columns asked for
    /// from the stored row, queries project from the stored rows, a Create keeps copies of the target's values).
    /// </summary>
    public sealed class StoredStateIsolationTests
    {
        [Fact]
        public void Changing_the_values_a_retrieve_or_a_query_returned_changes_nothing_stored()
        {
            var org = TestOrganization.With();
            var webinar = org.SystemService.Create(new Entity("campaign") { ["name"] = "Webinar" });
            var lead = org.SystemService.Create(new Entity(LeadTable.EntityName) { ["lastname"] = "Novak", ["campaignid"] = new EntityReference("campaign", webinar), ["industrycode"] = new OptionSetValue(1) });

            var retrieved = org.SystemService.Retrieve(LeadTable.EntityName, lead, new ColumnSet("campaignid", "industrycode"));
            Spoil(retrieved);
            var query = new QueryExpression(LeadTable.EntityName) { ColumnSet = new ColumnSet("campaignid", "industrycode") };
            query.Criteria.AddCondition("campaignid", ConditionOperator.Equal, webinar);
            Spoil(Assert.Single(org.SystemService.RetrieveMultiple(query).Entities));
            var all = new QueryExpression(LeadTable.EntityName) { ColumnSet = new ColumnSet(true) };
            Spoil(Assert.Single(org.SystemService.RetrieveMultiple(all).Entities));

            var stored = org.Get(LeadTable.EntityName, lead)!;
            Assert.Equal(webinar, stored.GetAttributeValue<EntityReference>("campaignid").Id);
            Assert.Equal(1, stored.GetAttributeValue<OptionSetValue>("industrycode").Value);
            Assert.Single(org.SystemService.RetrieveMultiple(query).Entities);
        }

        [Fact]
        public void Changing_a_created_target_afterwards_changes_nothing_stored()
        {
            var org = TestOrganization.With();
            var webinar = org.SystemService.Create(new Entity("campaign") { ["name"] = "Webinar" });
            var target = new Entity(LeadTable.EntityName) { ["lastname"] = "Novak", ["campaignid"] = new EntityReference("campaign", webinar), ["industrycode"] = new OptionSetValue(1) };
            var lead = org.SystemService.Create(target);

            Spoil(target);

            var stored = org.Get(LeadTable.EntityName, lead)!;
            Assert.Equal(webinar, stored.GetAttributeValue<EntityReference>("campaignid").Id);
            Assert.Equal(1, stored.GetAttributeValue<OptionSetValue>("industrycode").Value);
        }

        private static void Spoil(Entity row)
        {
            row.GetAttributeValue<EntityReference>("campaignid").Id = Guid.NewGuid();
            row.GetAttributeValue<OptionSetValue>("industrycode").Value = 2;
        }
    }
}
