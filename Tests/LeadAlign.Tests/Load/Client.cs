using System;
using System.ServiceModel;
using System.Threading;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Tests.Load
{
    /// <summary>
    /// What a well-behaved client of Dataverse does with the faults concurrency causes: a deadlock victim (Generic SQL error,
    /// -2147204784, SQL number 1205) or a SQL timeout (-2147204783) is retried, as Microsoft Learn's guidance for transient
    /// errors asks; any other fault is the caller's. Each retry is counted.
    /// </summary>
    internal static class Client
    {
        private const int DeadlockVictim = -2147204784;
        private const int SqlTimeout = -2147204783;
        private const int Attempts = 5;
        private static int _retries;

        /// <summary>How many requests were retried since the process started.</summary>
        public static int Retries => Volatile.Read(ref _retries);

        public static T Retrying<T>(Func<T> request)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return request();
                }
                catch (FaultException<OrganizationServiceFault> fault) when (attempt < Attempts && fault.Detail.ErrorCode is DeadlockVictim or SqlTimeout)
                {
                    Interlocked.Increment(ref _retries);
                }
            }
        }

        public static void Retrying(Action request) => Retrying(() =>
        {
            request();
            return true;
        });
    }
}
