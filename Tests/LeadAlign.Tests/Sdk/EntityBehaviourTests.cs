using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Client;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace LeadAlign.Tests.Sdk
{
    /// <summary>The entity model of the stand-ins behaves as the official SDK's where code can observe it.</summary>
    public class EntityBehaviourTests
    {
        private static readonly Guid LeadId = new Guid("00000000-0000-0000-0000-00000000001e");
        private static readonly Guid OtherId = new Guid("00000000-0000-0000-0000-00000000002f");

        [Fact]
        public void Reading_a_missing_attribute_through_the_indexer_throws_KeyNotFoundException()
        {
            var lead = new Entity("lead", LeadId);

            Assert.Throws<KeyNotFoundException>(() => lead["jobtitle"]);
        }

        [Fact]
        public void GetAttributeValue_of_a_missing_attribute_returns_the_default_of_the_type()
        {
            var lead = new Entity("lead", LeadId);

            Assert.Null(lead.GetAttributeValue<string>("jobtitle"));
            Assert.Null(lead.GetAttributeValue<EntityReference>("ownerid"));
            Assert.Equal(0, lead.GetAttributeValue<int>("numberofemployees"));
            Assert.Null(lead.GetAttributeValue<int?>("numberofemployees"));
            Assert.Equal(DateTime.MinValue, lead.GetAttributeValue<DateTime>("createdon"));
            Assert.Equal(Guid.Empty, lead.GetAttributeValue<Guid>("leadid"));
            Assert.False(lead.GetAttributeValue<bool>("donotemail"));
        }

        [Fact]
        public void GetAttributeValue_of_an_attribute_set_to_null_returns_the_default_of_the_type()
        {
            var lead = new Entity("lead", LeadId)
            {
                ["jobtitle"] = null,
                ["numberofemployees"] = null,
                ["createdon"] = null,
                ["parentaccountid"] = null,
            };

            Assert.Null(lead.GetAttributeValue<string>("jobtitle"));
            Assert.Equal(0, lead.GetAttributeValue<int>("numberofemployees"));
            Assert.Null(lead.GetAttributeValue<int?>("numberofemployees"));
            Assert.Equal(DateTime.MinValue, lead.GetAttributeValue<DateTime>("createdon"));
            Assert.Equal(Guid.Empty, lead.GetAttributeValue<Guid>("parentaccountid"));
            Assert.True(lead.Contains("jobtitle"));
        }

        [Fact]
        public void GetAttributeValue_of_another_type_throws_InvalidCastException()
        {
            var lead = new Entity("lead", LeadId) { ["numberofemployees"] = 12, ["ownerid"] = new EntityReference("systemuser", OtherId) };

            Assert.Throws<InvalidCastException>(() => lead.GetAttributeValue<string>("numberofemployees"));
            Assert.Throws<InvalidCastException>(() => lead.GetAttributeValue<Guid>("ownerid"));
            Assert.Equal(12, lead.GetAttributeValue<int?>("numberofemployees"));
            Assert.Equal(12, lead.GetAttributeValue<object>("numberofemployees"));
        }

        [Fact]
        public void TryGetAttributeValue_returns_true_only_for_a_present_value_of_the_asked_type()
        {
            var lead = new Entity("lead", LeadId) { ["jobtitle"] = "Director", ["fax"] = null };

            Assert.True(lead.TryGetAttributeValue<string>("jobtitle", out var title));
            Assert.Equal("Director", title);
            Assert.False(lead.TryGetAttributeValue<int>("jobtitle", out var number));
            Assert.Equal(0, number);
            Assert.False(lead.TryGetAttributeValue<string>("companyname", out var missing));
            Assert.Null(missing);
            Assert.False(lead.TryGetAttributeValue<string>("fax", out _));
        }

        [Fact]
        public void Contains_is_true_for_an_attribute_set_to_null_and_false_for_a_missing_one()
        {
            var lead = new Entity("lead", LeadId) { ["fax"] = null };

            Assert.True(lead.Contains("fax"));
            Assert.False(lead.Contains("jobtitle"));
        }

        [Fact]
        public void Attribute_names_are_case_sensitive()
        {
            var lead = new Entity("lead", LeadId) { ["jobtitle"] = "Director" };

            Assert.False(lead.Contains("JobTitle"));
        }

        [Fact]
        public void The_id_is_not_the_primary_key_attribute()
        {
            var lead = new Entity("lead") { Id = LeadId };
            var withKey = new Entity("lead") { ["leadid"] = OtherId };

            Assert.False(lead.Contains("leadid"));
            Assert.Equal(Guid.Empty, withKey.Id);
        }

        [Fact]
        public void Entity_references_are_equal_by_logical_name_and_id_whatever_their_names()
        {
            var named = new EntityReference("lead", LeadId) { Name = "A" };
            var renamed = new EntityReference("lead", LeadId) { Name = "B" };

            Assert.Equal(named, renamed);
            Assert.Equal(named.GetHashCode(), renamed.GetHashCode());
            Assert.NotEqual(new EntityReference("lead", LeadId), new EntityReference("contact", LeadId));
            Assert.NotEqual(new EntityReference("lead", LeadId), new EntityReference("lead", OtherId));
            Assert.False(new EntityReference("lead", LeadId).Equals(null));
        }

        [Fact]
        public void Entity_references_work_as_dictionary_keys()
        {
            var owners = new Dictionary<EntityReference, string> { [new EntityReference("lead", LeadId) { Name = "A" }] = "Ada" };

            Assert.Equal("Ada", owners[new EntityReference("lead", LeadId)]);
            Assert.False(owners.ContainsKey(new EntityReference("contact", LeadId)));
        }

        [Fact]
        public void Option_set_values_are_equal_by_value_with_equal_hash_codes()
        {
            Assert.Equal(new OptionSetValue(3), new OptionSetValue(3));
            Assert.Equal(new OptionSetValue(3).GetHashCode(), new OptionSetValue(3).GetHashCode());
            Assert.NotEqual(new OptionSetValue(3), new OptionSetValue(4));
            Assert.False(new OptionSetValue(3).Equals(3));
        }

        [Fact]
        public void Money_is_equal_by_value_with_equal_hash_codes()
        {
            Assert.Equal(new Money(10.5m), new Money(10.5m));
            Assert.Equal(new Money(10.5m).GetHashCode(), new Money(10.5m).GetHashCode());
            Assert.NotEqual(new Money(10.5m), new Money(10m));
            Assert.False(new Money(10.5m).Equals(10.5m));
        }

        [Fact]
        public void ToEntityReference_copies_the_logical_name_the_id_and_the_key_attributes()
        {
            var lead = new Entity("lead", LeadId);
            lead.KeyAttributes["emailaddress1"] = "ada@example.com";

            var reference = lead.ToEntityReference();

            Assert.Equal("lead", reference.LogicalName);
            Assert.Equal(LeadId, reference.Id);
            Assert.Equal("ada@example.com", reference.KeyAttributes["emailaddress1"]);
            Assert.Null(reference.Name);
        }

        [Fact]
        public void ToEntity_of_Entity_returns_another_object_that_shares_the_attributes()
        {
            var lead = new Entity("lead", LeadId) { ["jobtitle"] = "Director" };

            var copy = lead.ToEntity<Entity>();
            copy["jobtitle"] = "CEO";

            Assert.NotSame(lead, copy);
            Assert.Equal("lead", copy.LogicalName);
            Assert.Equal(LeadId, copy.Id);
            Assert.Same(lead.Attributes, copy.Attributes);
            Assert.Equal("CEO", lead["jobtitle"]);
        }

        [Fact]
        public void ToEntity_of_an_early_bound_class_with_the_same_logical_name_shares_the_attributes()
        {
            var lead = new Entity("lead", LeadId) { ["jobtitle"] = "Director" };

            var typed = lead.ToEntity<Lead>();
            typed["jobtitle"] = "CEO";

            Assert.IsType<Lead>(typed);
            Assert.Equal(LeadId, typed.Id);
            Assert.Equal("CEO", lead["jobtitle"]);
        }

        [Fact]
        public void ToEntity_of_an_early_bound_class_with_another_logical_name_throws_NotSupportedException()
        {
            var contact = new Entity("contact", LeadId);

            Assert.Throws<NotSupportedException>(() => contact.ToEntity<Lead>());
        }

        [Fact]
        public void Adding_an_existing_key_throws_ArgumentException_while_the_indexer_overwrites()
        {
            var attributes = new AttributeCollection { { "jobtitle", "Director" } };

            Assert.Throws<ArgumentException>(() => attributes.Add("jobtitle", "CEO"));
            Assert.Equal("Director", attributes["jobtitle"]);
            attributes["jobtitle"] = "CEO";
            Assert.Equal("CEO", attributes["jobtitle"]);
            Assert.Equal(1, attributes.Count);
        }

        [Fact]
        public void AddOrUpdateIfNotNull_ignores_null_and_overwrites_otherwise()
        {
            var parameters = new ParameterCollection { ["Tag"] = "old" };

            parameters.AddOrUpdateIfNotNull("Target", null);
            parameters.AddOrUpdateIfNotNull("Tag", null);
            parameters.AddOrUpdateIfNotNull("Tag", "new");

            Assert.False(parameters.Contains("Target"));
            Assert.Equal("new", parameters["Tag"]);
        }

        [Fact]
        public void A_new_column_set_asks_for_no_columns_unless_told_otherwise()
        {
            var none = new ColumnSet();
            var all = new ColumnSet(true);
            var some = new ColumnSet("firstname", "lastname");

            Assert.False(none.AllColumns);
            Assert.Empty(none.Columns);
            Assert.True(all.AllColumns);
            Assert.Equal(new[] { "firstname", "lastname" }, some.Columns);
            Assert.False(some.AllColumns);
        }

        [Fact]
        public void A_new_query_has_no_columns_and_empty_criteria_links_orders_and_paging()
        {
            var query = new QueryExpression("lead");

            Assert.Equal("lead", query.EntityName);
            Assert.False(query.ColumnSet.AllColumns);
            Assert.Empty(query.ColumnSet.Columns);
            Assert.Empty(query.Criteria.Conditions);
            Assert.Empty(query.Criteria.Filters);
            Assert.Empty(query.LinkEntities);
            Assert.Empty(query.Orders);
            Assert.NotNull(query.PageInfo);
            Assert.Null(query.TopCount);
        }

        [Fact]
        public void A_condition_takes_one_value_several_values_or_each_item_of_a_collection()
        {
            var guids = new[] { LeadId, OtherId };

            var single = new ConditionExpression("statecode", ConditionOperator.Equal, 0);
            var several = new ConditionExpression("leadsourcecode", ConditionOperator.In, 1, 2, 3);
            var collection = new ConditionExpression("leadid", ConditionOperator.In, guids);
            var none = new ConditionExpression("jobtitle", ConditionOperator.Null);

            Assert.Equal(new object[] { 0 }, single.Values);
            Assert.Equal(new object[] { 1, 2, 3 }, several.Values);
            Assert.Equal(new object[] { LeadId, OtherId }, collection.Values);
            Assert.Empty(none.Values);
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
