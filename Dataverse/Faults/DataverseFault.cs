using System;
using System.Globalization;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Faults
{
    /// <summary>
    /// The faults the in-memory Dataverse raises, as the platform raises them: a <see cref="FaultException{OrganizationServiceFault}"/>
    /// whose detail carries the platform's error code. The messages follow the platform's wording and always name the table,
    /// column or record concerned, so a test failure says what went wrong.
    /// </summary>
    public static class DataverseFault
    {
        /// <summary>0x80040217: the record does not exist.</summary>
        public const int ObjectDoesNotExist = unchecked((int)0x80040217);

        /// <summary>0x80041102: no table has that logical name.</summary>
        public const int EntityNotFound = unchecked((int)0x80041102);

        /// <summary>0x80041103: the table has no column of that logical name.</summary>
        public const int AttributeNotFound = unchecked((int)0x80041103);

        /// <summary>0x80040203: an argument of the request is invalid (wrong value type, bad state/status pair, ...).</summary>
        public const int InvalidArgument = unchecked((int)0x80040203);

        /// <summary>0x80040265: a plug-in cancelled the operation (InvalidPluginExecutionException).</summary>
        public const int IsvAborted = unchecked((int)0x80040265);

        /// <summary>0x80060882: IfRowVersionMatches was asked and the row changed since it was read.</summary>
        public const int ConcurrencyVersionMismatch = unchecked((int)0x80060882);

        /// <summary>0x80060883: IfRowVersionMatches was asked without a RowVersion.</summary>
        public const int ConcurrencyVersionNotProvided = unchecked((int)0x80060883);

        /// <summary>0x80040237: a row with this id already exists.</summary>
        public const int DuplicateRecord = unchecked((int)0x80040237);

        /// <summary>
        /// 0x80040224 (-2147220956): an unexpected exception escaped a plug-in, "An unexpected error occurred from ISV code." (Microsoft
        /// Learn, <i>Troubleshoot plug-ins</i>: the code a plug-in's uncaught exception is returned with).
        /// </summary>
        public const int UnexpectedPluginException = unchecked((int)0x80040224);

        /// <summary>0x80040220: the message is not known to this organization.</summary>
        public const int MessageNotSupported = unchecked((int)0x80040220);

        /// <summary>0x80044182: the call depth passed the limit (the platform's infinite-loop protection).</summary>
        public const int InfiniteLoopDetected = unchecked((int)0x80044182);

        /// <summary>0x8004431A: a value is out of the column's range or longer than its maximum length.</summary>
        public const int ValueOutOfRange = unchecked((int)0x8004431A);

        /// <summary>
        /// 0x8004E023 (-2147164125, AggregateQueryRecordLimitExceeded): an aggregate query over more rows than the AggregateQueryRecordLimit
        /// (50,000): "The maximum record limit is exceeded. Reduce the number of records." (Microsoft Learn, <i>Web service error codes</i>;
        /// the limit itself: <i>Aggregate data using FetchXml</i>, Limitations, learn.microsoft.com/power-apps/developer/data-platform/fetchxml/aggregate-data).
        /// </summary>
        public const int AggregateQueryRecordLimitExceeded = unchecked((int)0x8004E023);

        /// <summary>0x80055003 (SlaNotEnabledEntity): the table is not enabled for SLAs.</summary>
        public const int SlaNotEnabledEntity = unchecked((int)0x80055003);

        /// <summary>
        /// 0x80044150 (-2147204784): "Generic SQL error", the platform's code for a SQL error it has no code of its own for; with SQL
        /// error 1205 it is a deadlock victim (Microsoft Learn, <i>Troubleshoot Dataverse bulk operation errors</i>).
        /// </summary>
        public const int SqlError = unchecked((int)0x80044150);

        /// <summary>
        /// 0x80044151 (-2147204783): "SQL timeout expired", a statement (here: a wait for a row lock) ran past the command timeout
        /// (Microsoft Learn, <i>Troubleshoot Dataverse bulk operation errors</i>).
        /// </summary>
        public const int SqlTimeout = unchecked((int)0x80044151);

        /// <summary>
        /// 0x80040251 (-2147220911): "There is no active transaction": a plug-in ignored the fault of a service call made inside the
        /// transaction and went on (Microsoft Learn, <i>Troubleshoot Dataverse bulk operation errors</i>).
        /// </summary>
        public const int NoActiveTransaction = unchecked((int)0x80040251);

        /// <summary>
        /// 0x80040255 (-2147220907): the transaction was already rolled back, usually after a swallowed deadlock fault (Microsoft
        /// Learn, <i>Troubleshoot Dataverse bulk operation errors</i>).
        /// </summary>
        public const int TransactionAlreadyEnded = unchecked((int)0x80040255);

        public static FaultException<OrganizationServiceFault> Create(int errorCode, string message, OrganizationServiceFault? inner = null, string? traceText = null)
        {
            var fault = new OrganizationServiceFault
            {
                ErrorCode = errorCode,
                Message = message,
                Timestamp = DateTime.UtcNow,
                InnerFault = inner,
                TraceText = traceText,
            };
            return new FaultException<OrganizationServiceFault>(fault, new FaultReason(message));
        }

        public static FaultException<OrganizationServiceFault> RecordNotFound(string table, Guid id) =>
            Create(ObjectDoesNotExist, string.Format(CultureInfo.InvariantCulture, "{0} With Id = {1} Does Not Exist", table, id));

        public static FaultException<OrganizationServiceFault> UnknownTable(string table) =>
            Create(EntityNotFound, $"The entity with a name = '{table}' with namemapping = 'Logical' was not found in the MetadataCache.");

        public static FaultException<OrganizationServiceFault> UnknownColumn(string table, string column) =>
            Create(AttributeNotFound, $"'{table}' entity doesn't contain attribute with Name = '{column}' and NameMapping = 'Logical'.");

        public static FaultException<OrganizationServiceFault> Invalid(string message) => Create(InvalidArgument, message);

        /// <summary>
        /// A row of a table that is not enabled for SLAs given where only such a table's row can go (an SLA KPI instance's regarding):
        /// the platform's SlaNotEnabledEntity, its message "SLA is not enabled for this entity." followed by the table and column.
        /// </summary>
        public static FaultException<OrganizationServiceFault> SlaNotEnabled(string table, string column) =>
            Create(SlaNotEnabledEntity, $"SLA is not enabled for this entity. '{column}' can only refer to a row of a table enabled for SLAs, and '{table}' is not: enable it in the table's settings (Enable for SLA).");
    }
}
