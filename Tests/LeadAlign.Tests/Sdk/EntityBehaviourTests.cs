using System;
using System.Collections.Generic;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Client;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace LeadAlign.Tests.Sdk
{
    /// <summary>The stand-ins behave as the official SDK where code can observe it.</summary>
    public class EntityBehaviourTests
    {
        private static readonly Guid LeadId = new Guid("00000000-0000-0000-0000-00000000001e");

        [Fact]
        public void Reading_a_missing_attribute_through_the_indexer_throws_KeyNotFoundException()
        {
            var lead = new Entity("lead", LeadId);

            Assert.Throws<KeyNotFoundException>(() => lead["jobtitle"]);
        }

        [Fact]
        public void GetAttributeValue_returns_the_default_for_a_missing_or_null_attribute()
        {
            var lead = new Entity("lead", LeadId) { ["jobtitle"] = null };

            Assert.Null(lead.GetAttributeValue<string>("jobtitle"));
            Assert.Null(lead.GetAttributeValue<EntityReference>("ownerid"));
            Assert.Equal(0, lead.GetAttributeValue<int>("numberofemployees"));
            Assert.Null(lead.GetAttributeValue<int?>("numberofemployees"));
            Assert.Equal(DateTime.MinValue, lead.GetAttributeValue<DateTime>("createdon"));
            Assert.Equal(Guid.Empty, lead.GetAttributeValue<Guid>("leadid"));
        }

        [Fact]
        public void GetAttributeValue_of_another_type_throws_InvalidCastException()
        {
            var lead = new Entity("lead", LeadId) { ["numberofemployees"] = 12 };

            Assert.Throws<InvalidCastException>(() => lead.GetAttributeValue<string>("numberofemployees"));
            Assert.Equal(12, lead.GetAttributeValue<int?>("numberofemployees"));
        }

        [Fact]
        public void TryGetAttributeValue_reports_presence_and_type()
        {
            var lead = new Entity("lead", LeadId) { ["jobtitle"] = "Director" };

            Assert.True(lead.TryGetAttributeValue<string>("jobtitle", out var title));
            Assert.Equal("Director", title);
            Assert.False(lead.TryGetAttributeValue<int>("jobtitle", out _));
            Assert.False(lead.TryGetAttributeValue<string>("companyname", out _));
        }

        [Fact]
        public void The_id_is_not_the_primary_key_attribute()
        {
            var lead = new Entity("lead") { Id = LeadId };

            Assert.False(lead.Contains("leadid"));
        }

        [Fact]
        public void Entity_references_are_equal_by_logical_name_and_id_whatever_their_names()
        {
            Assert.Equal(new EntityReference("lead", LeadId) { Name = "A" }, new EntityReference("lead", LeadId) { Name = "B" });
            Assert.Equal(new EntityReference("lead", LeadId).GetHashCode(), new EntityReference("lead", LeadId).GetHashCode());
            Assert.NotEqual(new EntityReference("lead", LeadId), new EntityReference("contact", LeadId));
            Assert.NotEqual(new EntityReference("lead", LeadId), new EntityReference("lead", Guid.NewGuid()));
        }

        [Fact]
        public void Option_set_values_and_money_are_equal_by_value()
        {
            Assert.Equal(new OptionSetValue(3), new OptionSetValue(3));
            Assert.NotEqual(new OptionSetValue(3), new OptionSetValue(4));
            Assert.Equal(new Money(10.5m), new Money(10.5m));
            Assert.NotEqual(new Money(10.5m), new Money(10m));
        }

        [Fact]
        public void ToEntityReference_carries_the_logical_name_and_id()
        {
            var reference = new Entity("lead", LeadId).ToEntityReference();

            Assert.Equal("lead", reference.LogicalName);
            Assert.Equal(LeadId, reference.Id);
        }

        [Fact]
        public void ToEntity_makes_a_shallow_copy_that_shares_the_attributes()
        {
            var lead = new Entity("lead", LeadId) { ["jobtitle"] = "Director" };

            var typed = lead.ToEntity<Lead>();
            typed["jobtitle"] = "CEO";

            Assert.Equal(LeadId, typed.Id);
            Assert.Equal("CEO", lead["jobtitle"]);
            Assert.Throws<NotSupportedException>(() => new Entity("contact", LeadId).ToEntity<Lead>());
        }

        [Fact]
        public void Adding_an_existing_key_throws_while_the_indexer_overwrites()
        {
            var attributes = new AttributeCollection { { "jobtitle", "Director" } };

            Assert.Throws<ArgumentException>(() => attributes.Add("jobtitle", "CEO"));
            attributes["jobtitle"] = "CEO";
            Assert.Equal("CEO", attributes["jobtitle"]);
        }

        [Fact]
        public void AddOrUpdateIfNotNull_ignores_null()
        {
            var parameters = new ParameterCollection();

            parameters.AddOrUpdateIfNotNull("Target", null);
            parameters.AddOrUpdateIfNotNull("Tag", "x");

            Assert.False(parameters.Contains("Target"));
            Assert.Equal("x", parameters["Tag"]);
        }

        [Fact]
        public void A_new_query_asks_for_no_columns_and_has_empty_criteria_and_paging()
        {
            var query = new QueryExpression("lead");

            Assert.False(query.ColumnSet.AllColumns);
            Assert.Empty(query.ColumnSet.Columns);
            Assert.NotNull(query.Criteria);
            Assert.NotNull(query.PageInfo);
            Assert.True(new ColumnSet(true).AllColumns);
        }

        [Fact]
        public void A_condition_takes_one_value_several_values_or_a_collection()
        {
            Assert.Single(new ConditionExpression("statecode", ConditionOperator.Equal, 0).Values);
            Assert.Equal(3, new ConditionExpression("leadsourcecode", ConditionOperator.In, 1, 2, 3).Values.Count);
            Assert.Equal(2, new ConditionExpression("leadid", ConditionOperator.In, new[] { Guid.NewGuid(), Guid.NewGuid() }).Values.Count);
        }

        [Fact]
        public void Typed_requests_are_views_over_the_parameters_with_the_platforms_names()
        {
            var target = new Entity("lead", LeadId);
            var update = new UpdateRequest { Target = target, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches };
            var assign = new AssignRequest { Target = target.ToEntityReference(), Assignee = new EntityReference("systemuser", Guid.NewGuid()) };
            var setState = new SetStateRequest { EntityMoniker = target.ToEntityReference(), State = new OptionSetValue(2), Status = new OptionSetValue(4) };

            Assert.Equal("Update", update.RequestName);
            Assert.Same(target, update.Parameters["Target"]);
            Assert.Equal(ConcurrencyBehavior.IfRowVersionMatches, update.Parameters["ConcurrencyBehavior"]);
            Assert.Equal("Assign", assign.RequestName);
            Assert.Equal(assign.Assignee, assign["Assignee"]);
            Assert.Equal("SetState", setState.RequestName);
            Assert.Equal(new OptionSetValue(4), setState["Status"]);
            Assert.Equal("RetrieveMultiple", new RetrieveMultipleRequest().RequestName);
            Assert.Equal("ExecuteMultiple", new ExecuteMultipleRequest().RequestName);
        }

        [Fact]
        public void Typed_responses_read_the_results_by_the_platforms_names()
        {
            var created = new CreateResponse();
            created.Results["id"] = LeadId;
            var whoAmI = new WhoAmIResponse();
            whoAmI.Results["UserId"] = LeadId;

            Assert.Equal(LeadId, created.id);
            Assert.Equal(LeadId, whoAmI.UserId);
            Assert.Equal(Guid.Empty, whoAmI.BusinessUnitId);
            Assert.Null(new RetrieveResponse().Entity);
        }

        [Fact]
        public void Metadata_requests_use_the_platforms_parameter_names_and_column_types_know_their_type()
        {
            var retrieveAttribute = new Microsoft.Xrm.Sdk.Messages.RetrieveAttributeRequest { EntityLogicalName = "lead", LogicalName = "jobtitle" };
            var retrieveEntity = new Microsoft.Xrm.Sdk.Messages.RetrieveEntityRequest { LogicalName = "lead", EntityFilters = Microsoft.Xrm.Sdk.Metadata.EntityFilters.Attributes };

            Assert.Equal("RetrieveAttribute", retrieveAttribute.RequestName);
            Assert.Equal("jobtitle", retrieveAttribute["LogicalName"]);
            Assert.Equal("lead", retrieveAttribute["EntityLogicalName"]);
            Assert.Equal("RetrieveEntity", retrieveEntity.RequestName);
            Assert.Equal(Microsoft.Xrm.Sdk.Metadata.EntityFilters.Attributes, retrieveEntity["EntityFilters"]);
            Assert.Equal(Microsoft.Xrm.Sdk.Metadata.AttributeTypeCode.String, new Microsoft.Xrm.Sdk.Metadata.StringAttributeMetadata().AttributeType);
            Assert.Equal(Microsoft.Xrm.Sdk.Metadata.AttributeTypeCode.Lookup, new Microsoft.Xrm.Sdk.Metadata.LookupAttributeMetadata().AttributeType);
            Assert.Null(new Microsoft.Xrm.Sdk.Metadata.AttributeMetadata().AttributeType);
        }

        [EntityLogicalName("lead")]
        private sealed class Lead : Entity
        {
            public Lead()
                : base("lead")
            {
            }
        }
    }
}
