using System;
using System.Globalization;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Faults
{
    /// <summary>
    /// The faults of transactions and row locks, with the codes and messages Microsoft Learn gives in <i>Troubleshoot Dataverse bulk
    /// operation errors</i> (learn.microsoft.com/troubleshoot/power-platform/power-apps/dataverse/bulk-operation-errors). The platform's
    /// message comes first, as the platform words it; the sentence after it, naming the row and the transaction, is the in-memory
    /// Dataverse's own.
    /// </summary>
    public static class TransactionFaults
    {
        /// <summary>The SqlException number (ErrorCode) the platform quotes with its SQL errors.</summary>
        private const int SqlExceptionCode = -2146232060;

        /// <summary>A wait for a row lock passed the timeout: "SQL timeout expired", SQL number -2 (the client's command timeout).</summary>
        public static FaultException<OrganizationServiceFault> LockTimeout(string table, Guid id, TimeSpan timeout) =>
            DataverseFault.Create(
                DataverseFault.SqlTimeout,
                string.Format(
                    CultureInfo.InvariantCulture,
                    "SQL timeout expired. CRM ErrorCode: {0} Sql ErrorCode: {1} Sql Number: -2 (the operation waited {2:0.###} s for the lock on {3} {4}, which another transaction holds until it commits or rolls back).",
                    DataverseFault.SqlTimeout,
                    SqlExceptionCode,
                    timeout.TotalSeconds,
                    table,
                    id));

        /// <summary>The transaction was chosen as the deadlock victim and rolled back: "Generic SQL error", SQL number 1205.</summary>
        public static FaultException<OrganizationServiceFault> Deadlock(string table, Guid id) =>
            DataverseFault.Create(
                DataverseFault.SqlError,
                string.Format(
                    CultureInfo.InvariantCulture,
                    "Generic SQL error. CRM ErrorCode: {0} Sql ErrorCode: {1} Sql Number: 1205 (the transaction waited for the lock on {2} {3} while the transaction holding it waited, directly or through others, for a lock this one holds: it was chosen as the deadlock victim and rolled back. Rerun the operation).",
                    DataverseFault.SqlError,
                    SqlExceptionCode,
                    table,
                    id));

        /// <summary>A call made in a transaction after a service call of the same transaction failed (a plug-in swallowed its fault).</summary>
        public static FaultException<OrganizationServiceFault> NoActiveTransaction(string? swallowed) =>
            DataverseFault.Create(
                DataverseFault.NoActiveTransaction,
                "There is no active transaction. This error is usually caused by custom plug-ins that ignore errors from service calls and continue processing."
                + (swallowed == null ? string.Empty : $" (An earlier service call of this operation failed with: {swallowed})"));

        /// <summary>A call made in a transaction that was rolled back as a deadlock victim (a plug-in swallowed the deadlock fault).</summary>
        public static FaultException<OrganizationServiceFault> AlreadyRolledBack() =>
            DataverseFault.Create(
                DataverseFault.TransactionAlreadyEnded,
                "The transaction of the SQL command has already been rolled back or committed; this is usually caused by a swallowed SQL deadlock exception.");
    }
}
