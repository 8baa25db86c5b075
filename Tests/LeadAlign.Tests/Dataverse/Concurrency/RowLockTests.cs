using System;
using System.Linq;
using System.ServiceModel;
using LeadAlign.Dataverse;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace LeadAlign.Tests.Dataverse.Concurrency
{
    /// <summary>
    /// Writes lock their rows until their transaction ends: a second writer of the row waits, then works on the committed row; it
    /// times out with the platform's SQL timeout fault when the first holds too long; a rollback frees the row.
    /// </summary>
    public sealed class RowLockTests
    {
        private static InMemoryDataverse Organization(TimeSpan? lockTimeout = null) =>
            TestOrganization.With(new DataverseOptions { LockTimeout = lockTimeout ?? DataverseOptions.DefaultLockTimeout }, typeof(PauseInTransactionPlugin), typeof(IncrementEmployeesPlugin));

        private static int Employees(InMemoryDataverse org, Guid account) => org.Get("account", account)!.GetAttributeValue<int>("numberofemployees");

        [Fact]
        public void A_second_writer_of_a_row_waits_for_the_first_to_commit_then_reads_what_it_committed()
        {
            var org = Organization();
            var account = org.SystemService.Create(new Entity("account") { ["name"] = "Contoso", ["numberofemployees"] = 10 });
            var pause = Pause.New();

            var first = Worker.Start(() => org.SystemService.Update(new Entity("account", account) { ["numberofemployees"] = 20, ["description"] = pause.Marker }));
            pause.WaitUntilReached();
            var second = Worker.Start(() => org.SystemService.Update(new Entity("account", account) { ["description"] = "+1" }));
            Worker.WaitUntilBlocked(org);

            // The second update waits before its PreOperation: its step has not run yet (the one execution is the first update's).
            Assert.Single(org.Log.Of(typeof(IncrementEmployeesPlugin)));
            Assert.Equal(10, org.Get("account", account)!["numberofemployees"]);
            pause.Release();
            first.Succeeded();
            second.Succeeded();
            Assert.Equal(21, Employees(org, account));
            Assert.Equal("+1", org.Get("account", account)!["description"]);
        }

        [Fact]
        public void A_writer_that_waits_longer_than_the_lock_timeout_fails_with_the_platforms_sql_timeout_and_changes_nothing()
        {
            var org = Organization(TimeSpan.FromMilliseconds(200));
            var account = org.SystemService.Create(new Entity("account") { ["name"] = "Contoso", ["numberofemployees"] = 10 });
            var pause = Pause.New();

            var first = Worker.Start(() => org.SystemService.Update(new Entity("account", account) { ["numberofemployees"] = 20, ["description"] = pause.Marker }));
            pause.WaitUntilReached();
            var fault = TestOrganization.Fault(() => org.SystemService.Update(new Entity("account", account) { ["name"] = "Contoso Ltd" }));
            pause.Release();
            first.Succeeded();

            Assert.Equal(DataverseFault.SqlTimeout, fault.ErrorCode);
            Assert.Equal(-2147204783, fault.ErrorCode);
            Assert.StartsWith("SQL timeout expired. CRM ErrorCode: -2147204783 Sql ErrorCode: -2146232060 Sql Number: -2 (", fault.Message, StringComparison.Ordinal);
            Assert.Contains($"account {account}", fault.Message, StringComparison.Ordinal);
            var row = org.Get("account", account)!;
            Assert.Equal("Contoso", row["name"]);
            Assert.Equal(20, row["numberofemployees"]);
        }

        [Fact]
        public void A_rolled_back_write_frees_its_row_and_the_waiting_writer_works_on_the_committed_row()
        {
            var org = Organization();
            var account = org.SystemService.Create(new Entity("account") { ["name"] = "Contoso", ["numberofemployees"] = 10 });
            var pause = Pause.New();

            var first = Worker.Start(() => org.SystemService.Update(new Entity("account", account) { ["numberofemployees"] = 99, ["description"] = pause.FailMarker }));
            pause.WaitUntilReached();
            var second = Worker.Start(() => org.SystemService.Update(new Entity("account", account) { ["description"] = "+1" }));
            Worker.WaitUntilBlocked(org);
            pause.Release();

            Assert.Equal("Refused after the pause.", first.Fault().Message);
            second.Succeeded();
            Assert.Equal(11, Employees(org, account));
            Assert.Equal("+1", org.Get("account", account)!["description"]);
        }

        [Fact]
        public void Two_transactions_that_lock_two_rows_in_opposite_orders_deadlock_and_exactly_one_is_the_victim()
        {
            var org = Organization();
            var x = org.SystemService.Create(new Entity("account") { ["name"] = "X", ["numberofemployees"] = 0 });
            var y = org.SystemService.Create(new Entity("account") { ["name"] = "Y", ["numberofemployees"] = 0 });
            var holdingX = Pause.New();
            var holdingY = Pause.New();

            // A locks x then y; B locks y then x. B closes the cycle, and both have written as much: B, the requester, is the victim.
            var a = Worker.Start(() => org.SystemService.Execute(Transaction(
                new Entity("account", x) { ["numberofemployees"] = 1, ["description"] = holdingX.Marker },
                new Entity("account", y) { ["numberofemployees"] = 1 })));
            holdingX.WaitUntilReached();
            var b = Worker.Start(() => org.SystemService.Execute(Transaction(
                new Entity("account", y) { ["numberofemployees"] = 2, ["description"] = holdingY.Marker },
                new Entity("account", x) { ["numberofemployees"] = 2 })));
            holdingY.WaitUntilReached();
            holdingX.Release();
            Worker.WaitUntilBlocked(org);
            holdingY.Release();

            var victim = b.Fault();
            a.Succeeded();
            Assert.Equal(DataverseFault.SqlError, victim.ErrorCode);
            Assert.Equal(-2147204784, victim.ErrorCode);
            Assert.StartsWith("Generic SQL error. CRM ErrorCode: -2147204784 Sql ErrorCode: -2146232060 Sql Number: 1205 (", victim.Message, StringComparison.Ordinal);
            Assert.Equal(1, Assert.IsType<ExecuteTransactionFault>(victim).FaultedRequestIndex);
            Assert.Equal(1, Employees(org, x));
            Assert.Equal(1, Employees(org, y));
            Assert.Null(org.Get("account", y)!.GetAttributeValue<string>("description"));
        }

        [Fact]
        public void Threads_writing_rows_of_their_own_all_commit_and_every_execution_is_logged_once()
        {
            var org = TestOrganization.With(typeof(IncrementEmployeesPlugin), typeof(Pipeline.ContextProbePlugin));
            const int RowsEach = 25;
            var users = new Guid[Threads];
            for (var index = 0; index < Threads; index++)
            {
                users[index] = org.AddUser("Writer " + index);
            }

            var workers = new Worker[Threads];
            for (var index = 0; index < Threads; index++)
            {
                var service = org.As(users[index]);
                workers[index] = Worker.Start(() =>
                {
                    for (var row = 0; row < RowsEach; row++)
                    {
                        var account = service.Create(new Entity("account") { ["name"] = "Account", ["numberofemployees"] = 0 });
                        service.Update(new Entity("account", account) { ["description"] = "+1" });
                        service.Update(new Entity("account", account) { ["description"] = "+1" });
                        service.Create(new Entity("contact") { ["lastname"] = "Contact" });
                    }
                });
            }

            foreach (var worker in workers)
            {
                worker.Succeeded();
            }

            var accounts = org.All("account");
            Assert.Equal(Threads * RowsEach, accounts.Count);
            Assert.All(accounts, account => Assert.Equal(2, account.GetAttributeValue<int>("numberofemployees")));
            Assert.Equal(Threads, accounts.Select(account => account.GetAttributeValue<EntityReference>("ownerid").Id).Distinct().Count());
            Assert.Equal(Threads * RowsEach, org.All("contact").Count);
            Assert.Equal(2 * Threads * RowsEach, org.Log.Of(typeof(IncrementEmployeesPlugin)).Count);
            Assert.All(org.Log.Of(typeof(IncrementEmployeesPlugin)), run => Assert.Equal(1, run.Calls("Retrieve")));

            // Each contact's create ran its three synchronous steps and queued its asynchronous one, released at its commit.
            Assert.Equal(3 * Threads * RowsEach, org.Log.Of(typeof(Pipeline.ContextProbePlugin)).Count);
            Assert.Equal(Threads * RowsEach, org.PendingAsyncJobs);
            Assert.Equal(Threads * RowsEach, org.DrainAsync());
            Assert.Equal(4 * Threads * RowsEach, org.Log.Of(typeof(Pipeline.ContextProbePlugin)).Count);
            Assert.Empty(org.FailedAsyncJobs);
        }

        [Fact]
        public void Transfers_between_four_shared_rows_from_eight_threads_lose_no_update_and_each_deadlock_victim_can_retry()
        {
            var org = Organization();
            var pools = Enumerable.Range(0, 4).Select(index => org.SystemService.Create(new Entity("account") { ["name"] = "Pool " + index, ["numberofemployees"] = 100 })).ToArray();
            var moved = new int[Threads, 4];

            // Each transfer adds one to a pool and takes one from another, in that order: two transfers between the same pools in
            // opposite directions deadlock, and the victim sends its transfer again.
            var workers = Enumerable.Range(0, Threads).Select(thread => Worker.Start(() =>
            {
                var random = new Random(thread);
                for (var transfer = 0; transfer < 40; transfer++)
                {
                    var from = random.Next(4);
                    var to = (from + 1 + random.Next(3)) % 4;
                    while (!TryTransfer(org, pools[from], pools[to]))
                    {
                    }

                    moved[thread, to]++;
                    moved[thread, from]--;
                }
            })).ToList();
            workers.ForEach(worker => worker.Succeeded());

            for (var pool = 0; pool < 4; pool++)
            {
                var net = Enumerable.Range(0, Threads).Sum(thread => moved[thread, pool]);
                Assert.Equal(100 + net, Employees(org, pools[pool]));
            }

            Assert.Equal(400, pools.Sum(pool => Employees(org, pool)));
        }

        private const int Threads = 8;

        /// <summary>One transfer in one transaction; false when it was the victim of a deadlock (rolled back, to send again).</summary>
        private static bool TryTransfer(InMemoryDataverse org, Guid from, Guid to)
        {
            try
            {
                org.SystemService.Execute(Transaction(new Entity("account", to) { ["description"] = "+1" }, new Entity("account", from) { ["description"] = "-1" }));
                return true;
            }
            catch (FaultException<OrganizationServiceFault> fault) when (fault.Detail.ErrorCode == DataverseFault.SqlError)
            {
                return false;
            }
        }

        private static ExecuteTransactionRequest Transaction(params Entity[] updates)
        {
            var requests = new OrganizationRequestCollection();
            foreach (var update in updates)
            {
                requests.Add(new UpdateRequest { Target = update });
            }

            return new ExecuteTransactionRequest { Requests = requests };
        }
    }
}
