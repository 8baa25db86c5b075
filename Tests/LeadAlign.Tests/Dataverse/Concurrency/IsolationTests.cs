using System;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace LeadAlign.Tests.Dataverse.Concurrency
{
    /// <summary>
    /// Reads see committed data, as SQL Server's READ COMMITTED SNAPSHOT: while a transaction is open, every other reader (Retrieve,
    /// QueryExpression, FetchXML and its aggregates) gets the rows it holds as they were last committed, never its uncommitted
    /// writes; the transaction itself sees its own.
    /// </summary>
    public sealed class IsolationTests
    {
        private static InMemoryDataverse Organization() => TestOrganization.With(typeof(PauseInTransactionPlugin));

        private static int Employees(IOrganizationService service, Guid account) =>
            service.Retrieve("account", account, new ColumnSet("numberofemployees")).GetAttributeValue<int>("numberofemployees");

        /// <summary>A FetchXML aggregate over every account: the sum of their employees and how many there are.</summary>
        private static (long Total, long Rows) TotalEmployees(IOrganizationService service)
        {
            var fetch = "<fetch aggregate='true'><entity name='account'><attribute name='numberofemployees' alias='total' aggregate='sum' />"
                + "<attribute name='accountid' alias='rows' aggregate='count' /></entity></fetch>";
            var result = service.RetrieveMultiple(new FetchExpression(fetch)).Entities.Single();
            return (
                Convert.ToInt64(((AliasedValue)result["total"]).Value, System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt64(((AliasedValue)result["rows"]).Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        private static int Matching(IOrganizationService service, int employees)
        {
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
            query.Criteria.AddCondition("numberofemployees", ConditionOperator.Equal, employees);
            return service.RetrieveMultiple(query).Entities.Count;
        }

        /// <summary>Contacts whose account (a join) has that many employees.</summary>
        private static int ContactsOfAccountsWith(IOrganizationService service, int employees)
        {
            var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname") };
            var account = query.AddLink("account", "parentcustomerid", "accountid", JoinOperator.Inner);
            account.LinkCriteria.AddCondition("numberofemployees", ConditionOperator.Equal, employees);
            return service.RetrieveMultiple(query).Entities.Count;
        }

        private static int Named(IOrganizationService service, string name)
        {
            var fetch = $"<fetch><entity name='account'><attribute name='name' /><filter><condition attribute='name' operator='eq' value='{name}' /></filter></entity></fetch>";
            return service.RetrieveMultiple(new FetchExpression(fetch)).Entities.Count;
        }

        [Fact]
        public void A_row_written_by_an_open_transaction_is_read_by_everyone_else_as_it_was_last_committed()
        {
            var org = Organization();
            var contoso = org.SystemService.Create(new Entity("account") { ["name"] = "Contoso", ["numberofemployees"] = 10 });
            org.SystemService.Create(new Entity("account") { ["name"] = "Fabrikam", ["numberofemployees"] = 5 });
            org.SystemService.Create(new Entity("contact") { ["lastname"] = "Smith", ["parentcustomerid"] = new EntityReference("account", contoso) });
            var reader = org.As(org.AddUser("Rita Reader"));
            var pause = Pause.New();

            var writer = Worker.Start(() => org.SystemService.Update(new Entity("account", contoso) { ["numberofemployees"] = 100, ["description"] = pause.Marker }));
            pause.WaitUntilReached();

            Assert.Equal(10, Employees(reader, contoso));
            Assert.Equal(1, Matching(reader, 10));
            Assert.Equal(0, Matching(reader, 100));
            Assert.Equal(1, ContactsOfAccountsWith(reader, 10));
            Assert.Equal(0, ContactsOfAccountsWith(reader, 100));
            Assert.Equal((15, 2), TotalEmployees(reader));
            Assert.Equal(10, org.Get("account", contoso)!["numberofemployees"]);
            Assert.Null(org.All("account").Single(row => row.Id == contoso).GetAttributeValue<string>("description"));

            pause.Release();
            writer.Succeeded();
            Assert.Equal("sees=100", Assert.Single(org.Log.Of(typeof(PauseInTransactionPlugin)), run => run.Trace.Length > 0).Trace.Trim());
            Assert.Equal(100, Employees(reader, contoso));
            Assert.Equal(1, ContactsOfAccountsWith(reader, 100));
            Assert.Equal((105, 2), TotalEmployees(reader));
        }

        [Fact]
        public void A_row_inserted_by_an_open_transaction_is_invisible_to_everyone_else_until_it_commits()
        {
            var org = Organization();
            org.SystemService.Create(new Entity("account") { ["name"] = "Fabrikam", ["numberofemployees"] = 5 });
            var id = new Guid("c0c0f00d-0000-4000-8000-000000000001");
            var pause = Pause.New();

            var writer = Worker.Start(() => org.SystemService.Create(new Entity("account", id) { ["name"] = "Contoso", ["numberofemployees"] = 10, ["description"] = pause.Marker }));
            pause.WaitUntilReached();

            Assert.Equal(DataverseFault.ObjectDoesNotExist, TestOrganization.Fault(() => org.SystemService.Retrieve("account", id, new ColumnSet("name"))).ErrorCode);
            Assert.Equal(0, Named(org.SystemService, "Contoso"));
            Assert.Equal((5, 1), TotalEmployees(org.SystemService));
            Assert.Null(org.Get("account", id));

            pause.Release();
            writer.Succeeded();
            Assert.Equal("Contoso", org.SystemService.Retrieve("account", id, new ColumnSet("name"))["name"]);
            Assert.Equal(1, Named(org.SystemService, "Contoso"));
            Assert.Equal((15, 2), TotalEmployees(org.SystemService));
        }

        [Fact]
        public void A_row_deleted_by_an_open_transaction_is_still_there_for_everyone_else_until_it_commits()
        {
            var org = Organization();
            var doomed = org.SystemService.Create(new Entity("account") { ["name"] = "Contoso", ["numberofemployees"] = 10 });
            var other = org.SystemService.Create(new Entity("account") { ["name"] = "Fabrikam", ["numberofemployees"] = 5 });
            var pause = Pause.New();

            // One transaction: the delete, then an update that stops at the pause with the delete made.
            var writer = Worker.Start(() => org.SystemService.Execute(new ExecuteTransactionRequest
            {
                Requests = new OrganizationRequestCollection
                {
                    new DeleteRequest { Target = new EntityReference("account", doomed) },
                    new UpdateRequest { Target = new Entity("account", other) { ["description"] = pause.Marker } },
                },
            }));
            pause.WaitUntilReached();

            Assert.Equal(10, Employees(org.SystemService, doomed));
            Assert.Equal(1, Named(org.SystemService, "Contoso"));
            Assert.Equal((15, 2), TotalEmployees(org.SystemService));
            Assert.Equal(2, org.All("account").Count);

            pause.Release();
            writer.Succeeded();
            Assert.Equal(0, Named(org.SystemService, "Contoso"));
            Assert.Null(org.Get("account", doomed));
        }
    }
}
