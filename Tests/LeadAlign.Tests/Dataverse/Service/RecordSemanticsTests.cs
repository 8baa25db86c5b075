using System;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace LeadAlign.Tests.Dataverse.Service
{
    /// <summary>Rows, metadata checks and system columns, as the organization service of the in-memory Dataverse keeps them.</summary>
    public sealed class RecordSemanticsTests
    {
        private readonly InMemoryDataverse _org = new();

        [Fact]
        public void Creating_a_lead_fills_the_system_columns_ownership_and_default_status()
        {
            var rep = _org.AddUser("Rita Rep");
            _org.Advance(TimeSpan.FromMinutes(30));

            var id = _org.As(rep).Create(new Entity("lead") { ["lastname"] = "Novak", ["companyname"] = "Contoso" });

            var lead = _org.Get("lead", id)!;
            Assert.Equal(_org.UtcNow, lead.GetAttributeValue<DateTime>("createdon"));
            Assert.Equal(_org.UtcNow, lead.GetAttributeValue<DateTime>("modifiedon"));
            Assert.Equal(rep, lead.GetAttributeValue<EntityReference>("createdby").Id);
            Assert.Equal(rep, lead.GetAttributeValue<EntityReference>("modifiedby").Id);
            Assert.Equal(new EntityReference("systemuser", rep), lead.GetAttributeValue<EntityReference>("ownerid"));
            Assert.Equal(rep, lead.GetAttributeValue<EntityReference>("owninguser").Id);
            Assert.Equal(_org.RootBusinessUnitId, lead.GetAttributeValue<EntityReference>("owningbusinessunit").Id);
            Assert.Equal(0, lead.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(1, lead.GetAttributeValue<OptionSetValue>("statuscode").Value);
            Assert.True(lead.GetAttributeValue<long>("versionnumber") > 0);
        }

        [Fact]
        public void Ids_and_times_are_deterministic_from_one_run_to_the_next()
        {
            var first = new InMemoryDataverse();
            var second = new InMemoryDataverse();

            var firstId = first.SystemService.Create(new Entity("lead") { ["lastname"] = "A" });
            var secondId = second.SystemService.Create(new Entity("lead") { ["lastname"] = "A" });

            Assert.Equal(firstId, secondId);
            Assert.Equal(first.Get("lead", firstId)!["createdon"], second.Get("lead", secondId)!["createdon"]);
        }

        [Fact]
        public void Retrieve_returns_only_the_requested_columns_and_the_id()
        {
            var id = _org.SystemService.Create(new Entity("lead") { ["lastname"] = "Novak", ["companyname"] = "Contoso", ["jobtitle"] = "CTO" });

            var lead = _org.SystemService.Retrieve("lead", id, new ColumnSet("companyname"));

            Assert.Equal(new[] { "companyname", "leadid" }, lead.Attributes.Keys.OrderBy(key => key, StringComparer.Ordinal));
            Assert.Equal(id, lead.Id);
            Assert.False(string.IsNullOrEmpty(lead.RowVersion));
        }

        [Fact]
        public void Retrieve_with_all_columns_returns_every_stored_column()
        {
            var id = _org.SystemService.Create(new Entity("lead") { ["lastname"] = "Novak", ["jobtitle"] = "CTO" });

            var lead = _org.SystemService.Retrieve("lead", id, new ColumnSet(true));

            Assert.Equal("CTO", lead["jobtitle"]);
            Assert.Contains("createdon", lead.Attributes.Keys);
            Assert.Contains("ownerid", lead.Attributes.Keys);
        }

        [Fact]
        public void Retrieving_a_column_the_table_does_not_have_fails_naming_it()
        {
            var id = _org.SystemService.Create(new Entity("lead") { ["lastname"] = "Novak" });

            var fault = TestOrganization.Fault(() => _org.SystemService.Retrieve("lead", id, new ColumnSet("la_nosuchcolumn")));

            Assert.Equal(DataverseFault.AttributeNotFound, fault.ErrorCode);
            Assert.Contains("'lead' entity doesn't contain attribute with Name = 'la_nosuchcolumn'", fault.Message);
        }

        [Fact]
        public void Writing_an_unknown_column_fails_as_dataverse_fails_and_writes_nothing()
        {
            var fault = TestOrganization.Fault(() => _org.SystemService.Create(new Entity("lead") { ["lastname"] = "Novak", [LeadTable.Score] = 10 }));

            Assert.Equal(DataverseFault.AttributeNotFound, fault.ErrorCode);
            Assert.Contains("'lead'", fault.Message);
            Assert.Contains("'la_score'", fault.Message);
            Assert.Empty(_org.All("lead"));
        }

        [Fact]
        public void Writing_a_value_of_the_wrong_type_fails_naming_the_table_and_column()
        {
            var fault = TestOrganization.Fault(() => _org.SystemService.Create(new Entity("lead") { ["numberofemployees"] = "many" }));

            Assert.Equal(DataverseFault.InvalidArgument, fault.ErrorCode);
            Assert.Contains("Incorrect attribute value type System.String", fault.Message);
            Assert.Contains("lead.numberofemployees", fault.Message);
        }

        [Fact]
        public void Writing_to_an_unknown_table_fails_naming_it()
        {
            var fault = TestOrganization.Fault(() => _org.SystemService.Create(new Entity("la_nosuchtable") { ["name"] = "x" }));

            Assert.Equal(DataverseFault.EntityNotFound, fault.ErrorCode);
            Assert.Contains("'la_nosuchtable'", fault.Message);
        }

        [Fact]
        public void Retrieving_a_missing_row_fails_with_does_not_exist()
        {
            var missing = Guid.NewGuid();

            var fault = TestOrganization.Fault(() => _org.SystemService.Retrieve("lead", missing, new ColumnSet(true)));

            Assert.Equal(DataverseFault.ObjectDoesNotExist, fault.ErrorCode);
            Assert.Equal($"lead With Id = {missing} Does Not Exist", fault.Message);
        }

        [Fact]
        public void Text_longer_than_the_column_allows_is_refused()
        {
            var fault = TestOrganization.Fault(() => _org.SystemService.Create(new Entity("lead") { ["firstname"] = new string('x', 51) }));

            Assert.Contains("The length of the 'firstname' attribute of the 'lead' entity exceeded the maximum allowed length of '50'", fault.Message);
        }

        [Fact]
        public void A_choice_value_outside_the_column_options_is_refused()
        {
            var fault = TestOrganization.Fault(() => _org.SystemService.Create(new Entity("lead") { ["leadsourcecode"] = new OptionSetValue(999) }));

            Assert.Contains("The value 999 of 'leadsourcecode' on record of type 'lead' is outside the valid range", fault.Message);
        }

        [Fact]
        public void A_lookup_to_a_row_that_does_not_exist_is_refused()
        {
            var missing = Guid.NewGuid();

            var fault = TestOrganization.Fault(() => _org.SystemService.Create(new Entity("lead") { ["parentaccountid"] = new EntityReference("account", missing) }));

            Assert.Equal($"account With Id = {missing} Does Not Exist", fault.Message);
        }

        [Fact]
        public void A_lookup_to_a_table_the_column_cannot_target_is_refused()
        {
            var contact = _org.SystemService.Create(new Entity("contact") { ["lastname"] = "Smith" });

            var fault = TestOrganization.Fault(() => _org.SystemService.Create(new Entity("lead") { ["parentaccountid"] = new EntityReference("contact", contact) }));

            Assert.Contains("'lead.parentaccountid'", fault.Message);
        }

        [Fact]
        public void Setting_statecode_alone_gives_the_state_default_status()
        {
            var id = _org.SystemService.Create(new Entity("lead") { ["lastname"] = "Novak" });

            _org.SystemService.Update(new Entity("lead", id) { ["statecode"] = new OptionSetValue(2) });

            var lead = _org.Get("lead", id)!;
            Assert.Equal(2, lead.GetAttributeValue<OptionSetValue>("statecode").Value);
            var disqualifiedStatuses = _org.Metadata.Table("lead")!.Column("statuscode")!.Options.Where(option => option.State == 2).Select(option => option.Value);
            Assert.Contains(lead.GetAttributeValue<OptionSetValue>("statuscode").Value, disqualifiedStatuses);
        }

        [Fact]
        public void A_status_that_does_not_belong_to_the_state_is_refused()
        {
            var id = _org.SystemService.Create(new Entity("lead") { ["lastname"] = "Novak" });

            var fault = TestOrganization.Fault(() => _org.SystemService.Update(new Entity("lead", id) { ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(1) }));

            Assert.Contains("1 is not a valid status code for state code", fault.Message);
            Assert.Equal(0, _org.Get("lead", id)!.GetAttributeValue<OptionSetValue>("statecode").Value);
        }

        [Fact]
        public void SetState_closes_the_lead_as_an_update_of_state_and_status()
        {
            var id = _org.SystemService.Create(new Entity("lead") { ["lastname"] = "Novak" });

            _org.SystemService.Execute(new SetStateRequest { EntityMoniker = new EntityReference("lead", id), State = new OptionSetValue(2), Status = new OptionSetValue(-1) });

            Assert.Equal(2, _org.Get("lead", id)!.GetAttributeValue<OptionSetValue>("statecode").Value);
        }

        [Fact]
        public void Assigning_a_lead_moves_its_owner_and_owning_business_unit()
        {
            var sales = Guid.Empty;
            _org.SystemService.Create(new Entity("businessunit") { ["name"] = "Sales", ["parentbusinessunitid"] = new EntityReference("businessunit", _org.RootBusinessUnitId) });
            sales = _org.All("businessunit").Single(unit => unit.GetAttributeValue<string>("name") == "Sales").Id;
            var rep = _org.AddUser("Sam Sales", sales);
            var id = _org.SystemService.Create(new Entity("lead") { ["lastname"] = "Novak" });

            _org.SystemService.Execute(new AssignRequest { Target = new EntityReference("lead", id), Assignee = new EntityReference("systemuser", rep) });

            var lead = _org.Get("lead", id)!;
            Assert.Equal(rep, lead.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(sales, lead.GetAttributeValue<EntityReference>("owningbusinessunit").Id);
        }

        [Fact]
        public void Every_write_changes_the_row_version()
        {
            var id = _org.SystemService.Create(new Entity("lead") { ["lastname"] = "Novak" });
            var before = _org.SystemService.Retrieve("lead", id, new ColumnSet("lastname")).RowVersion;

            _org.SystemService.Update(new Entity("lead", id) { ["jobtitle"] = "CTO" });

            Assert.NotEqual(before, _org.SystemService.Retrieve("lead", id, new ColumnSet("lastname")).RowVersion);
        }

        [Fact]
        public void An_update_based_on_a_stale_row_version_is_refused_and_changes_nothing()
        {
            var id = _org.SystemService.Create(new Entity("lead") { ["lastname"] = "Novak" });
            var read = _org.SystemService.Retrieve("lead", id, new ColumnSet("jobtitle"));
            _org.SystemService.Update(new Entity("lead", id) { ["jobtitle"] = "CTO" });

            var stale = new Entity("lead", id) { ["jobtitle"] = "CEO", RowVersion = read.RowVersion };
            var fault = TestOrganization.Fault(() => _org.SystemService.Execute(new UpdateRequest { Target = stale, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches }));

            Assert.Equal(DataverseFault.ConcurrencyVersionMismatch, fault.ErrorCode);
            Assert.Equal("CTO", _org.Get("lead", id)!["jobtitle"]);
        }

        [Fact]
        public void An_update_with_the_current_row_version_succeeds_and_one_without_a_version_is_refused()
        {
            var id = _org.SystemService.Create(new Entity("lead") { ["lastname"] = "Novak" });
            var read = _org.SystemService.Retrieve("lead", id, new ColumnSet("jobtitle"));

            _org.SystemService.Execute(new UpdateRequest { Target = new Entity("lead", id) { ["jobtitle"] = "CTO", RowVersion = read.RowVersion }, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches });
            var fault = TestOrganization.Fault(() => _org.SystemService.Execute(new UpdateRequest { Target = new Entity("lead", id) { ["jobtitle"] = "CEO" }, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches }));

            Assert.Equal("CTO", _org.Get("lead", id)!["jobtitle"]);
            Assert.Equal(DataverseFault.ConcurrencyVersionNotProvided, fault.ErrorCode);
        }

        [Fact]
        public void A_delete_based_on_a_stale_row_version_is_refused()
        {
            var id = _org.SystemService.Create(new Entity("lead") { ["lastname"] = "Novak" });
            var read = _org.SystemService.Retrieve("lead", id, new ColumnSet("jobtitle"));
            _org.SystemService.Update(new Entity("lead", id) { ["jobtitle"] = "CTO" });

            var fault = TestOrganization.Fault(() => _org.SystemService.Execute(new DeleteRequest { Target = new EntityReference("lead", id) { RowVersion = read.RowVersion }, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches }));

            Assert.Equal(DataverseFault.ConcurrencyVersionMismatch, fault.ErrorCode);
            Assert.NotNull(_org.Get("lead", id));
        }

        [Fact]
        public void Activities_are_also_rows_of_activitypointer_with_their_type()
        {
            var lead = _org.SystemService.Create(new Entity("lead") { ["lastname"] = "Novak" });
            var call = _org.SystemService.Create(new Entity("phonecall") { ["subject"] = "Intro call", ["regardingobjectid"] = new EntityReference("lead", lead) });
            _org.SystemService.Create(new Entity("task") { ["subject"] = "Send deck", ["regardingobjectid"] = new EntityReference("lead", lead) });

            var query = new QueryExpression("activitypointer") { ColumnSet = new ColumnSet("subject", "activitytypecode") };
            query.Criteria.AddCondition("regardingobjectid", ConditionOperator.Equal, lead);
            query.AddOrder("subject", OrderType.Ascending);
            var activities = _org.SystemService.RetrieveMultiple(query).Entities;

            Assert.Equal(new[] { "Intro call", "Send deck" }, activities.Select(activity => activity.GetAttributeValue<string>("subject")));
            Assert.Equal(new[] { "phonecall", "task" }, activities.Select(activity => activity.GetAttributeValue<string>("activitytypecode")));
            Assert.Equal("Intro call", _org.SystemService.Retrieve("activitypointer", call, new ColumnSet("subject"))["subject"]);
        }

        [Fact]
        public void The_recipients_of_an_email_become_activity_parties()
        {
            var lead = _org.SystemService.Create(new Entity("lead") { ["lastname"] = "Novak" });
            var to = new EntityCollection();
            to.Entities.Add(new Entity("activityparty") { ["partyid"] = new EntityReference("lead", lead) });

            var email = _org.SystemService.Create(new Entity("email") { ["subject"] = "Hello", ["to"] = to });

            var party = Assert.Single(_org.All("activityparty"));
            Assert.Equal(email, party.GetAttributeValue<EntityReference>("activityid").Id);
            Assert.Equal(lead, party.GetAttributeValue<EntityReference>("partyid").Id);
            Assert.Equal(2, party.GetAttributeValue<OptionSetValue>("participationtypemask").Value);
        }

        [Fact]
        public void Adding_team_members_associates_them_through_teammembership()
        {
            var rep = _org.AddUser("Rita Rep");
            var team = _org.SystemService.Create(new Entity("team") { ["name"] = "Inside sales", ["businessunitid"] = new EntityReference("businessunit", _org.RootBusinessUnitId) });

            _org.SystemService.Execute(new AddMembersTeamRequest { TeamId = team, MemberIds = new[] { rep } });
            var duplicate = TestOrganization.Fault(() => _org.SystemService.Associate("team", team, new Relationship("teammembership_association"), new EntityReferenceCollection { new EntityReference("systemuser", rep) }));

            var membership = Assert.Single(_org.All("teammembership"));
            Assert.Equal(team, membership.GetAttributeValue<Guid>("teamid"));
            Assert.Equal(rep, membership.GetAttributeValue<Guid>("systemuserid"));
            Assert.Contains("already associated", duplicate.Message);

            _org.SystemService.Disassociate("systemuser", rep, new Relationship("teammembership_association"), new EntityReferenceCollection { new EntityReference("team", team) });
            Assert.Empty(_org.All("teammembership"));
        }

        [Fact]
        public void Upsert_creates_a_missing_row_then_updates_it()
        {
            var id = _org.NewId();

            var created = (UpsertResponse)_org.SystemService.Execute(new UpsertRequest { Target = new Entity("lead", id) { ["lastname"] = "Novak" } });
            var updated = (UpsertResponse)_org.SystemService.Execute(new UpsertRequest { Target = new Entity("lead", id) { ["jobtitle"] = "CTO" } });

            Assert.True(created.RecordCreated);
            Assert.False(updated.RecordCreated);
            Assert.Equal(id, updated.Target.Id);
            Assert.Equal("Novak", _org.Get("lead", id)!["lastname"]);
            Assert.Equal("CTO", _org.Get("lead", id)!["jobtitle"]);
        }

        [Fact]
        public void WhoAmI_names_the_calling_user_and_their_business_unit()
        {
            var rep = _org.AddUser("Rita Rep");

            var me = (WhoAmIResponse)_org.As(rep).Execute(new WhoAmIRequest());

            Assert.Equal(rep, me.UserId);
            Assert.Equal(_org.RootBusinessUnitId, me.BusinessUnitId);
            Assert.Equal(_org.OrganizationId, me.OrganizationId);
        }

        [Fact]
        public void RetrieveEntity_and_RetrieveAttribute_describe_the_table_and_its_choices()
        {
            var entity = ((RetrieveEntityResponse)_org.SystemService.Execute(new RetrieveEntityRequest { LogicalName = "lead", EntityFilters = EntityFilters.Attributes })).EntityMetadata;
            var state = (StateAttributeMetadata)((RetrieveAttributeResponse)_org.SystemService.Execute(new RetrieveAttributeRequest { EntityLogicalName = "lead", LogicalName = "statecode" })).AttributeMetadata;

            Assert.Equal("leadid", entity.PrimaryIdAttribute);
            Assert.Contains(entity.Attributes, attribute => attribute.LogicalName == "companyname" && attribute.AttributeType == AttributeTypeCode.String);
            Assert.Contains(state.OptionSet.Options, option => option.Value == 2 && option.Label.LocalizedLabels[0].Label == "Disqualified");
            var missing = TestOrganization.Fault(() => _org.SystemService.Execute(new RetrieveAttributeRequest { EntityLogicalName = "lead", LogicalName = "la_nothing" }));
            Assert.Equal(DataverseFault.AttributeNotFound, missing.ErrorCode);
        }

        [Fact]
        public void An_unsupported_message_fails_naming_it()
        {
            var fault = TestOrganization.Fault(() => _org.SystemService.Execute(new OrganizationRequest("PublishAllXml")));

            Assert.Equal(DataverseFault.MessageNotSupported, fault.ErrorCode);
            Assert.Contains("'PublishAllXml'", fault.Message);
        }

        [Fact]
        public void Queries_page_through_rows_with_a_paging_cookie()
        {
            for (var index = 0; index < 5; index++)
            {
                _org.SystemService.Create(new Entity("lead") { ["lastname"] = "Lead " + index });
            }

            var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname"), PageInfo = new PagingInfo { Count = 2, PageNumber = 1 } };
            query.AddOrder("lastname", OrderType.Ascending);
            var names = new System.Collections.Generic.List<string>();
            EntityCollection page;
            do
            {
                page = _org.SystemService.RetrieveMultiple(query);
                names.AddRange(page.Entities.Select(lead => lead.GetAttributeValue<string>("lastname")));
                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }
            while (page.MoreRecords);

            Assert.Equal(new[] { "Lead 0", "Lead 1", "Lead 2", "Lead 3", "Lead 4" }, names);
            Assert.Equal(3, query.PageInfo.PageNumber - 1);
        }

        [Fact]
        public void A_query_on_an_unknown_column_fails_naming_it()
        {
            var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname") };
            query.Criteria.AddCondition(LeadTable.Stage, ConditionOperator.Equal, 1);

            var fault = TestOrganization.Fault(() => _org.SystemService.RetrieveMultiple(query));

            Assert.Contains("'la_stage'", fault.Message);
        }

        [Fact]
        public void FetchXml_counts_rows_through_the_service()
        {
            var campaign = _org.SystemService.Create(new Entity("campaign") { ["name"] = "Webinar" });
            _org.SystemService.Create(new Entity("lead") { ["lastname"] = "A", ["campaignid"] = new EntityReference("campaign", campaign) });
            _org.SystemService.Create(new Entity("lead") { ["lastname"] = "B", ["campaignid"] = new EntityReference("campaign", campaign) });
            _org.SystemService.Create(new Entity("lead") { ["lastname"] = "C" });

            var result = _org.SystemService.RetrieveMultiple(new FetchExpression(
                "<fetch aggregate='true'><entity name='lead'><attribute name='leadid' alias='leads' aggregate='count'/><attribute name='campaignid' alias='campaign' groupby='true'/></entity></fetch>"));

            var webinar = result.Entities.Single(row => row.GetAttributeValue<AliasedValue>("campaign")?.Value is EntityReference reference && reference.Id == campaign);
            Assert.Equal(2, webinar.GetAttributeValue<AliasedValue>("leads").Value);
        }

        [Fact]
        public void FetchXml_naming_an_unknown_column_fails_naming_it()
        {
            var fault = TestOrganization.Fault(() => _org.SystemService.RetrieveMultiple(new FetchExpression("<fetch><entity name='lead'><attribute name='la_nothing'/></entity></fetch>")));

            Assert.Contains("'la_nothing'", fault.Message);
        }
    }
}
