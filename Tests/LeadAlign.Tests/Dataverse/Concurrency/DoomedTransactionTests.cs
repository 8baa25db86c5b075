using System;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace LeadAlign.Tests.Dataverse.Concurrency
{
    /// <summary>
    /// A service call that fails inside the transaction dooms it, as on the platform: a plug-in that swallows the fault and goes on
    /// gets the platform's "There is no active transaction" on its next call (or the operation gets it when it ends), and nothing of
    /// the operation is stored. A call made in PreValidation at depth 1 is outside the transaction and dooms nothing.
    /// </summary>
    public sealed class DoomedTransactionTests
    {
        private const string NoActiveTransaction = "There is no active transaction. This error is usually caused by custom plug-ins that ignore errors from service calls and continue processing.";

        [Fact]
        public void A_plug_in_that_swallows_a_nested_fault_and_calls_again_gets_no_active_transaction_and_nothing_is_stored()
        {
            var org = TestOrganization.With(typeof(SwallowNestedFaultPlugin));

            var fault = TestOrganization.Fault(() => org.SystemService.Create(new Entity("contact") { ["lastname"] = "Carry on" }));

            Assert.Equal(DataverseFault.NoActiveTransaction, fault.ErrorCode);
            Assert.Equal(-2147220911, fault.ErrorCode);
            Assert.StartsWith(NoActiveTransaction, fault.Message, StringComparison.Ordinal);
            Assert.Contains($"account With Id = {SwallowNestedFaultPlugin.MissingAccount} Does Not Exist", fault.Message, StringComparison.Ordinal);
            Assert.Empty(org.All("contact"));
            Assert.Empty(org.All("task"));
            var run = Assert.Single(org.Log.Of(typeof(SwallowNestedFaultPlugin)));
            Assert.Equal(3, run.TotalCalls);
            Assert.False(run.Succeeded);
        }

        [Fact]
        public void A_plug_in_that_swallows_a_nested_fault_and_returns_still_rolls_the_operation_back()
        {
            var org = TestOrganization.With(typeof(SwallowNestedFaultPlugin));

            var fault = TestOrganization.Fault(() => org.SystemService.Create(new Entity("contact") { ["lastname"] = "Return" }));

            Assert.Equal(DataverseFault.NoActiveTransaction, fault.ErrorCode);
            Assert.StartsWith(NoActiveTransaction, fault.Message, StringComparison.Ordinal);
            Assert.Empty(org.All("contact"));
            Assert.Empty(org.All("task"));
            Assert.True(Assert.Single(org.Log.Of(typeof(SwallowNestedFaultPlugin))).Succeeded);
        }

        [Fact]
        public void A_fault_swallowed_in_prevalidation_at_depth_one_is_outside_the_transaction_and_dooms_nothing()
        {
            var org = TestOrganization.With(typeof(SwallowInPreValidationPlugin));

            var lead = org.SystemService.Create(new Entity("lead") { ["lastname"] = "Novak" });

            Assert.NotNull(org.Get("lead", lead));
            Assert.Equal("Screen the lead", Assert.Single(org.All("task"))["subject"]);
        }

        [Fact]
        public void A_plug_in_that_swallows_a_deadlock_gets_the_platforms_already_rolled_back_fault_and_the_other_transaction_commits()
        {
            var org = TestOrganization.With(typeof(SwallowDeadlockPlugin), typeof(PauseInTransactionPlugin));
            var account = org.SystemService.Create(new Entity("account") { ["name"] = "Contoso", ["numberofemployees"] = 0 });
            var task = org.SystemService.Create(new Entity("task") { ["subject"] = "Call", ["regardingobjectid"] = new EntityReference("account", account) });
            var holdingTask = Pause.New();
            var holdingAccount = Pause.New();

            // The plug-in's transaction locks the task, then the account; the other locks the account, then the task.
            var swallower = Worker.Start(() => org.SystemService.Update(new Entity("task", task) { ["description"] = holdingTask.Marker }));
            holdingTask.WaitUntilReached();
            var other = Worker.Start(() => org.SystemService.Execute(new ExecuteTransactionRequest
            {
                Requests = new OrganizationRequestCollection
                {
                    new UpdateRequest { Target = new Entity("account", account) { ["numberofemployees"] = 3, ["description"] = holdingAccount.Marker } },
                    new UpdateRequest { Target = new Entity("task", task) { ["subject"] = "Call back" } },
                },
            }));
            holdingAccount.WaitUntilReached();
            holdingAccount.Release();
            Worker.WaitUntilBlocked(org);
            holdingTask.Release();

            var fault = swallower.Fault();
            other.Succeeded();
            Assert.Equal(DataverseFault.TransactionAlreadyEnded, fault.ErrorCode);
            Assert.Equal(-2147220907, fault.ErrorCode);
            Assert.Equal("The transaction of the SQL command has already been rolled back or committed; this is usually caused by a swallowed SQL deadlock exception.", fault.Message);
            Assert.Equal(3, org.Get("account", account)!["numberofemployees"]);
            Assert.Equal("Call back", org.Get("task", task)!["subject"]);
            Assert.Null(org.Get("task", task)!.GetAttributeValue<string>("description"));
            Assert.Single(org.All("task"));
        }
    }
}
