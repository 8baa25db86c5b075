using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Dataverse.Query;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Dataverse.Registration;
using LeadAlign.Dataverse.Storage;
using LeadAlign.Dataverse.Workflows;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Metadata;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace LeadAlign.Tests.Dataverse
{
    /// <summary>
    /// A FetchXML count grouped by one indexed column (a lookup, a choice, a short text) whose conditions the store's indexes answer
    /// whole is counted from the indexes, group by group: it returns what grouping the rows returns (the same rows in the same order,
    /// the same aliases, the same value types, the same pages and refusals). The rows to compare with are grouped by the same conditions
    /// inside a nested filter, which the indexes never answer.
    /// </summary>
    public sealed class IndexedGroupCountTests
    {
        private static readonly int[] OpenStages = { (int)LeadStage.Mql, (int)LeadStage.Sal, (int)LeadStage.Sql };

        [Fact]
        public void Open_leads_counted_by_owner_from_the_indexes_are_what_grouping_the_rows_gives()
        {
            // Given four owners (three reps and a team), each with open leads and a lead that is not open, one rep with none open,
            // leads written out of owner order, one deleted and its slot taken by a later lead, and one moved to another owner
            var given = new Leads();
            var (ann, bob, cid) = (given.Rep("Ann"), given.Rep("Bob"), given.Rep("Cid"));
            var team = given.Team("Inside sales");
            given.Lead(bob, LeadStage.Sal);
            var gone = given.Lead(ann, LeadStage.Mql);
            given.Lead(team, LeadStage.Sql);
            given.Lead(cid, LeadStage.Rejected);
            given.Lead(ann, LeadStage.Nurture);
            given.Lead(bob, LeadStage.Converted);
            given.Lead(team, LeadStage.Rejected);
            var moved = given.Lead(bob, LeadStage.Sql);
            given.Lead(ann, LeadStage.Sal);
            given.Lead(cid, LeadStage.Nurture);
            given.Org.SystemService.Delete(LeadTable.EntityName, gone);
            given.Lead(team, LeadStage.Mql);
            given.Lead(team, LeadStage.Sal);
            given.Org.SystemService.Update(new Entity(LeadTable.EntityName, moved) { ["ownerid"] = new EntityReference("systemuser", ann) });
            var owners = In("ownerid", cid, team, ann, bob) + In(LeadTable.Stage, OpenStages);

            // When routing counts the open leads of the owners, grouped by owner, from the indexes and from the rows
            var indexed = given.Fetch(ByOwner(owners));
            var scanned = given.Fetch(ByOwner(Nested(owners)));

            // Then both give the same rows, in the order the rows first show each owner (the team's first open lead took the deleted
            // lead's place); the rep with no open lead has no row
            Assert.Equal(Described(scanned), Described(indexed));
            Assert.Equal(
                new[] { ("systemuser", bob, 1), ("team", team, 3), ("systemuser", ann, 2) },
                indexed.Entities.Select(row => (Owner(row).LogicalName, Owner(row).Id, (int)row.GetAttributeValue<AliasedValue>("openleads").Value)));
            Assert.IsType<int>(indexed.Entities[0].GetAttributeValue<AliasedValue>("openleads").Value);
            Assert.Equal("lead", indexed.Entities[0].GetAttributeValue<AliasedValue>("owner").EntityLogicalName);
            Assert.Equal("ownerid", indexed.Entities[0].GetAttributeValue<AliasedValue>("owner").AttributeLogicalName);
        }

        [Fact]
        public void Counts_by_a_choice_a_lookup_or_a_text_ordered_and_paged_are_what_grouping_the_rows_gives()
        {
            // Given leads of two reps, in two campaigns (named on some rows only), with company names differing in case, and a lead
            // of each rep in no campaign
            var given = new Leads();
            var (ann, bob) = (given.Rep("Ann"), given.Rep("Bob"));
            var webinar = given.Org.SystemService.Create(new Entity("campaign") { ["name"] = "Webinar" });
            var fair = given.Org.SystemService.Create(new Entity("campaign") { ["name"] = "Fair" });
            var stages = new[] { LeadStage.Sal, LeadStage.Mql, LeadStage.Sal, LeadStage.Rejected, LeadStage.Sql, LeadStage.Sal };
            var companies = new[] { "contoso", "Fabrikam", "CONTOSO", "Northwind", "Contoso", "fabrikam" };
            for (var i = 0; i < 24; i++)
            {
                var campaign = i % 7 == 6 ? null : new EntityReference("campaign", i % 3 == 0 ? fair : webinar) { Name = i % 2 == 0 ? null : "Campaign " + i };
                given.Lead(i % 5 == 0 ? bob : ann, stages[i % stages.Length], campaign, companies[i % companies.Length]);
            }

            var cases = new[]
            {
                Grouped(LeadTable.Stage, In("ownerid", ann, bob)),
                Grouped(LeadTable.Stage, Eq("ownerid", ann), order: "<order alias='n' descending='true' />"),
                Grouped("ownerid", Eq("campaignid", fair)),
                Grouped("ownerid", In(LeadTable.Stage, OpenStages), aggregate: "countcolumn", counted: "leadid"),
                Grouped("ownerid", In(LeadTable.Stage, OpenStages), aggregate: "countcolumn", counted: LeadTable.Stage),
                Grouped("campaignid", In("campaignid", webinar, fair) + In("ownerid", ann, bob)),
                Grouped("campaignid", In("ownerid", ann, bob)),
                Grouped("companyname", In("ownerid", ann, bob), order: "<order alias='key' />"),
                Grouped("companyname", In("companyname", "CONTOSO", "fabrikam")),
                Grouped(LeadTable.Stage, In("ownerid", ann, bob), fetch: "count='2' page='2'"),
                Grouped(LeadTable.Stage, In("ownerid", ann, bob), fetch: "top='2'"),
                Grouped("ownerid", Eq("ownerid", Guid.NewGuid())),
                Grouped("ownerid", string.Empty),
            };
            foreach (var (conditions, fetch) in cases)
            {
                // When each count runs from the indexes and from the rows, then both give the same rows
                Assert.Equal(Described(given.Fetch(string.Format(CultureInfo.InvariantCulture, fetch, Nested(conditions)))), Described(given.Fetch(string.Format(CultureInfo.InvariantCulture, fetch, conditions))));
            }

            var byStage = given.Fetch(string.Format(CultureInfo.InvariantCulture, Grouped(LeadTable.Stage, In("ownerid", ann, bob)).Fetch, In("ownerid", ann, bob)));
            Assert.Equal(
                new[] { ((int)LeadStage.Sal, 12), ((int)LeadStage.Mql, 4), ((int)LeadStage.Rejected, 4), ((int)LeadStage.Sql, 4) },
                byStage.Entities.Select(row => (((OptionSetValue)row.GetAttributeValue<AliasedValue>("key").Value).Value, (int)row.GetAttributeValue<AliasedValue>("n").Value)));
            var byCompany = given.Fetch(string.Format(CultureInfo.InvariantCulture, Grouped("companyname", string.Empty).Fetch, In("companyname", "CONTOSO", "fabrikam")));
            Assert.Equal(new[] { ("contoso", 12), ("Fabrikam", 8) }, byCompany.Entities.Select(row => ((string)row.GetAttributeValue<AliasedValue>("key").Value, (int)row.GetAttributeValue<AliasedValue>("n").Value)));
        }

        [Fact]
        public void A_grouped_count_over_more_rows_than_the_aggregate_limit_is_refused_as_grouping_the_rows_refuses_it()
        {
            // Given four open leads of two reps
            var given = new Leads();
            var (ann, bob) = (given.Rep("Ann"), given.Rep("Bob"));
            given.Lead(ann, LeadStage.Sal);
            given.Lead(bob, LeadStage.Sal);
            given.Lead(ann, LeadStage.Mql);
            given.Lead(bob, LeadStage.Sql);
            var owners = In("ownerid", ann, bob) + In(LeadTable.Stage, OpenStages);

            // When the count is limited to three rows, then it is refused with the platform's fault, as the rows are refused
            var indexed = TestOrganization.Fault(() => given.Fetch(ByOwner(owners, "aggregatelimit='3'")));
            var scanned = TestOrganization.Fault(() => given.Fetch(ByOwner(Nested(owners), "aggregatelimit='3'")));

            Assert.Equal(DataverseFault.AggregateQueryRecordLimitExceeded, indexed.ErrorCode);
            Assert.Equal(scanned.ErrorCode, indexed.ErrorCode);
            Assert.Equal(scanned.Message, indexed.Message);
            Assert.Equal(Described(given.Fetch(ByOwner(Nested(owners), "aggregatelimit='4'"))), Described(given.Fetch(ByOwner(owners, "aggregatelimit='4'"))));
        }

        [Fact]
        public void A_grouped_count_the_indexes_answer_reads_no_row_and_one_they_cannot_answer_groups_the_rows()
        {
            // Given a table whose rows cannot be read, and indexes that count two open leads of a team and one of a rep
            var rep = Guid.NewGuid();
            var team = Guid.NewGuid();
            var asked = new List<string>();
            var engine = new QueryEngine(_ => throw new InvalidOperationException("a row was read"), _ => "leadid", new ConditionEvaluator(() => DateTime.UtcNow, Guid.Empty))
            {
                GroupCountWhere = (table, conditions, column) =>
                {
                    asked.Add(column);
                    return table == "lead" && conditions[0].Key == "ownerid" && conditions[1].Key == LeadTable.Stage && conditions[1].Value.SequenceEqual(OpenStages.Cast<object>())
                        ? new[] { Group(new EntityReference("team", team), 2), Group(new EntityReference("systemuser", rep) { Name = "Rita" }, 1) }
                        : null;
                },
            };
            var fetch = new FetchXmlEngine(engine, _ => Enumerable.Empty<Entity>(), _ => "leadid", engine.Evaluator, (_, column) => column switch
            {
                "ownerid" => AttributeTypeCode.Owner,
                LeadTable.Stage => AttributeTypeCode.Picklist,
                LeadTable.Score => AttributeTypeCode.Integer,
                "createdon" => AttributeTypeCode.DateTime,
                _ => AttributeTypeCode.Uniqueidentifier,
            });
            var owners = In("ownerid", rep, team) + In(LeadTable.Stage, OpenStages);

            // When the grouped count's conditions are answered by the indexes, then no row is read and the groups come as counted
            var counted = fetch.Execute(ByOwner(owners));
            Assert.Equal(new[] { (team, 2), (rep, 1) }, counted.Entities.Select(row => (Owner(row).Id, (int)row.GetAttributeValue<AliasedValue>("openleads").Value)));
            Assert.Equal("Rita", Owner(counted.Entities[1]).Name);

            // A nested filter, a condition on the primary key, a date grouping or a sum reads the rows
            Assert.Throws<InvalidOperationException>(() => fetch.Execute(ByOwner(Nested(owners))));
            Assert.Throws<InvalidOperationException>(() => fetch.Execute(ByOwner(owners + Eq("leadid", Guid.NewGuid()))));
            Assert.Throws<InvalidOperationException>(() => fetch.Execute(
                "<fetch aggregate='true'><entity name='lead'><attribute name='createdon' alias='day' groupby='true' dategrouping='day' /><attribute name='leadid' alias='n' aggregate='count' />"
                + "<filter>" + owners + "</filter></entity></fetch>"));
            Assert.Throws<InvalidOperationException>(() => fetch.Execute(
                $"<fetch aggregate='true'><entity name='lead'><attribute name='ownerid' alias='owner' groupby='true' /><attribute name='{LeadTable.Score}' alias='total' aggregate='sum' />"
                + "<filter>" + owners + "</filter></entity></fetch>"));
            Assert.Equal(new[] { "ownerid" }, asked);
        }

        [Fact]
        public void The_store_groups_the_matching_rows_in_scan_order_and_cannot_place_a_group_without_a_value()
        {
            // Given leads of two owners, each with an industry but one of the north's
            var store = new RecordStore();
            var north = new Guid("00000000-0000-4000-8000-00000000000a");
            var south = new Guid("00000000-0000-4000-8000-00000000000b");
            var ids = Enumerable.Range(1, 12).Select(i => new Guid("00000000-0000-4000-8000-0000000006" + i.ToString("00", CultureInfo.InvariantCulture))).ToArray();
            for (var i = 0; i < ids.Length; i++)
            {
                var lead = new Entity("lead", ids[i]) { ["leadid"] = ids[i], ["ownerid"] = new EntityReference("systemuser", i % 6 == 1 ? north : south) };
                if (i != 7)
                {
                    lead["industrycode"] = new OptionSetValue(1 + (i % 3));
                }

                store.Put(lead);
            }

            // When the store counts them by owner and by industry, reading the groups' rows or the matching rows
            var byOwner = store.GroupCountWhere("lead", Conditions(("industrycode", new object[] { 2, 3 })), "ownerid")!;
            var fewByOwner = store.GroupCountWhere("lead", Conditions(("industrycode", new object[] { 2 }), ("ownerid", new object[] { south, north })), "ownerid")!;
            var byIndustry = store.GroupCountWhere("lead", Conditions(("ownerid", new object[] { north })), "industrycode");

            // Then each owner's group comes where its first matching row is; an industry group of no value cannot be placed
            Assert.Equal(new[] { (north, 1), (south, 6) }, byOwner.Select(group => (((EntityReference)group.Key).Id, group.Value)));
            Assert.Equal(new[] { (north, 1), (south, 2) }, fewByOwner.Select(group => (((EntityReference)group.Key).Id, group.Value)));
            Assert.Null(byIndustry);
            Assert.Equal(new[] { (1, 4), (3, 4), (2, 2) }, store.GroupCountWhere("lead", Conditions(("ownerid", new object[] { south }), ("industrycode", new object[] { 1, 2, 3 })), "industrycode")!
                .Select(group => (((OptionSetValue)group.Key).Value, group.Value)));
        }

        private static KeyValuePair<object, int> Group(object value, int count) => new(value, count);

        private static IReadOnlyList<KeyValuePair<string, IReadOnlyCollection<object>>> Conditions(params (string Column, object[] Keys)[] conditions) =>
            conditions.Select(condition => new KeyValuePair<string, IReadOnlyCollection<object>>(condition.Column, condition.Keys)).ToList();

        private static EntityReference Owner(Entity row) => (EntityReference)row.GetAttributeValue<AliasedValue>("owner").Value;

        /// <summary>Routing's count: the open leads of each owner.</summary>
        private static string ByOwner(string conditions, string fetch = "") =>
            $"<fetch aggregate='true' {fetch}><entity name='lead'><attribute name='ownerid' alias='owner' groupby='true' /><attribute name='leadid' alias='openleads' aggregate='count' />"
            + $"<filter>{conditions}</filter></entity></fetch>";

        /// <summary>A count grouped by <paramref name="column"/> (alias key, count alias n), with {0} where its filter's conditions go.</summary>
        private static (string Conditions, string Fetch) Grouped(string column, string conditions, string aggregate = "count", string counted = "leadid", string order = "", string fetch = "") =>
            (conditions, $"<fetch aggregate='true' {fetch}><entity name='lead'><attribute name='{column}' alias='key' groupby='true' /><attribute name='{counted}' alias='n' aggregate='{aggregate}' />"
                + "<filter>{0}</filter>" + order + "</entity></fetch>");

        /// <summary>The same conditions in a nested filter: the engine reads and groups the rows.</summary>
        private static string Nested(string conditions) => "<filter>" + conditions + "</filter>";

        private static string Eq(string column, object value) => $"<condition attribute='{column}' operator='eq' value='{Value(value)}' />";

        private static string In(string column, params object[] values) =>
            $"<condition attribute='{column}' operator='in'>{string.Concat(values.Select(value => "<value>" + Value(value) + "</value>"))}</condition>";

        private static string In(string column, int[] values) => In(column, values.Cast<object>().ToArray());

        private static string Value(object value) => Convert.ToString(value, CultureInfo.InvariantCulture)!;

        /// <summary>Everything a caller sees of a result, in order: each row's table, id and aliased values with their types, and the paging.</summary>
        private static List<string> Described(EntityCollection result) => result.Entities
            .Select(row => row.LogicalName + " " + row.Id + ": " + string.Join("; ", row.Attributes.OrderBy(column => column.Key, StringComparer.Ordinal).Select(column => column.Key + "=" + Describe(column.Value))))
            .Append("more=" + result.MoreRecords + " total=" + result.TotalRecordCount)
            .ToList();

        private static string Describe(object? value) => value switch
        {
            AliasedValue aliased => aliased.EntityLogicalName + "." + aliased.AttributeLogicalName + ":" + Describe(aliased.Value),
            EntityReference reference => "EntityReference(" + reference.LogicalName + "," + reference.Id + "," + (reference.Name ?? "no name") + ")",
            OptionSetValue option => "OptionSetValue(" + option.Value.ToString(CultureInfo.InvariantCulture) + ")",
            null => "null",
            _ => value.GetType().Name + "(" + Convert.ToString(value, CultureInfo.InvariantCulture) + ")",
        };

        /// <summary>An organization with LeadAlign's tables and no steps or workflows: the leads are written as given.</summary>
        private sealed class Leads
        {
            private readonly HashSet<Guid> _teams = new();

            public InMemoryDataverse Org { get; } = LeadAlignOrganization.Start(options => options with
            {
                Steps = Array.Empty<StepRegistration>(),
                Workflows = Array.Empty<WorkflowDefinition>(),
            });

            public Guid Rep(string name) => Org.AddUser(name);

            public Guid Team(string name)
            {
                var team = Org.SystemService.Create(new Entity("team") { ["name"] = name, ["businessunitid"] = new EntityReference("businessunit", Org.RootBusinessUnitId) });
                _teams.Add(team);
                return team;
            }

            public Guid Lead(Guid owner, LeadStage stage, EntityReference? campaign = null, string? company = null)
            {
                var lead = new Entity(LeadTable.EntityName)
                {
                    ["lastname"] = "Lead",
                    ["ownerid"] = new EntityReference(_teams.Contains(owner) ? "team" : "systemuser", owner),
                    [LeadTable.Stage] = new OptionSetValue((int)stage),
                };
                if (campaign != null)
                {
                    lead["campaignid"] = campaign;
                }

                if (company != null)
                {
                    lead["companyname"] = company;
                }

                return Org.SystemService.Create(lead);
            }

            public EntityCollection Fetch(string fetch) => Org.SystemService.RetrieveMultiple(new FetchExpression(fetch));
        }
    }
}
