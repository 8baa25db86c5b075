using System;
using System.ServiceModel;
using System.Threading;
using System.Threading.Tasks;
using LeadAlign.Dataverse;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Dataverse.Concurrency
{
    /// <summary>A client working on its own thread: what it did ends as its fault, or none.</summary>
    internal sealed class Worker
    {
        private readonly Task _task;

        private Worker(Action work)
        {
            _task = Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        public static Worker Start(Action work) => new(work);

        /// <summary>Waits until <paramref name="count"/> writes of the organization wait for a row lock another transaction holds.</summary>
        public static void WaitUntilBlocked(InMemoryDataverse org, int count = 1) =>
            Assert.True(SpinWait.SpinUntil(() => org.Store.WaitingForLocks >= count, Pause.Patience), $"{count} writer(s) never waited for a lock.");

        /// <summary>The worker's fault, failing the test when it succeeded.</summary>
        public OrganizationServiceFault Fault()
        {
            var failure = Finish();
            return Assert.IsType<FaultException<OrganizationServiceFault>>(failure).Detail;
        }

        /// <summary>Waits for the worker, failing the test when it failed.</summary>
        public void Succeeded(TimeSpan? patience = null)
        {
            var failure = Finish(patience);
            Assert.True(failure == null, failure?.ToString());
        }

        private Exception? Finish(TimeSpan? patience = null)
        {
            try
            {
                Assert.True(_task.Wait(patience ?? Pause.Patience), "The worker did not finish.");
                return null;
            }
            catch (AggregateException failed)
            {
                return failed.InnerException;
            }
        }
    }
}
