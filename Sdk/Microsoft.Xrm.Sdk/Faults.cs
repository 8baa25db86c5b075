// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0: see DataCollection.cs.
using System;
using System.Runtime.Serialization;
using System.Security;
using System.Text;

namespace Microsoft.Xrm.Sdk
{
    public enum OperationStatus
    {
        Failed = 0,
        Canceled = 1,
        Retry = 2,
        Suspended = 3,
        Succeeded = 4,
    }

    public enum PluginHttpStatusCode
    {
        NotSet = 0,
        BadRequest = 400,
        Unauthorized = 401,
        Forbidden = 403,
        NotFound = 404,
        MethodNotAllowed = 405,
        RequestTimeout = 408,
        Conflict = 409,
        Gone = 410,
        PreconditionFailed = 412,
        RequestEntityTooLarge = 413,
        FailedDependency = 424,
        TooManyRequests = 429,
        InternalServerError = 500,
        BadGateway = 502,
        ServiceUnavailable = 503,
        GatewayTimeout = 504,
    }

    /// <summary>
    /// The exception a plug-in throws to cancel the operation and show the user its message.
    /// The platform rolls back the transaction and returns an OrganizationServiceFault whose
    /// ErrorCode is <see cref="ErrorCode"/> (default 0x80040265, "ISV code aborted the operation").
    /// </summary>
    [Serializable]
    public sealed class InvalidPluginExecutionException : Exception
    {
        /// <summary>-2147220891 (0x80040265): the platform's code for an operation a plug-in cancelled.</summary>
        internal const int IsvAbortedErrorCode = unchecked((int)0x80040265);

        public InvalidPluginExecutionException()
            : this(OperationStatus.Failed)
        {
        }

        public InvalidPluginExecutionException(string message)
            : this(OperationStatus.Failed, message)
        {
        }

        public InvalidPluginExecutionException(string message, Exception exception)
            : base(message, exception)
        {
            Status = OperationStatus.Failed;
            ErrorCode = IsvAbortedErrorCode;
        }

        public InvalidPluginExecutionException(OperationStatus status)
            : base()
        {
            Status = status;
            ErrorCode = IsvAbortedErrorCode;
        }

        public InvalidPluginExecutionException(OperationStatus status, string message)
            : base(message)
        {
            Status = status;
            ErrorCode = IsvAbortedErrorCode;
        }

        public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message)
            : base(message)
        {
            Status = status;
            ErrorCode = errorCode;
        }

        public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message, PluginHttpStatusCode httpStatus)
            : this(status, errorCode, message)
        {
            HttpStatus = httpStatus;
        }

        public InvalidPluginExecutionException(string message, PluginHttpStatusCode httpStatus)
            : this(OperationStatus.Failed, message)
        {
            HttpStatus = httpStatus;
        }

        private InvalidPluginExecutionException(SerializationInfo info, StreamingContext context)
#pragma warning disable SYSLIB0051 // Legacy serialization: the official type is [Serializable] with this constructor.
            : base(info, context)
#pragma warning restore SYSLIB0051
        {
            Status = (OperationStatus)info.GetInt32(nameof(Status));
            ErrorCode = info.GetInt32(nameof(ErrorCode));
            HttpStatus = (PluginHttpStatusCode)info.GetInt32(nameof(HttpStatus));
        }

        public OperationStatus Status { get; private set; }

        public int ErrorCode { get; private set; }

        public PluginHttpStatusCode HttpStatus { get; private set; }

        [SecurityCritical]
#pragma warning disable CS0672, SYSLIB0051 // Overrides the obsolete legacy-serialization member, as the official type does.
        public override void GetObjectData(SerializationInfo info, StreamingContext context)
#pragma warning restore CS0672, SYSLIB0051
        {
#pragma warning disable SYSLIB0051
            base.GetObjectData(info, context);
#pragma warning restore SYSLIB0051
            info.AddValue(nameof(Status), (int)Status);
            info.AddValue(nameof(ErrorCode), ErrorCode);
            info.AddValue(nameof(HttpStatus), (int)HttpStatus);
        }
    }

    public abstract class BaseServiceFault : IExtensibleDataObject
    {
        private ErrorDetailCollection _errorDetails;

        protected BaseServiceFault()
        {
        }

        public int ErrorCode { get; set; }

        public ErrorDetailCollection ErrorDetails
        {
            get => _errorDetails ??= new ErrorDetailCollection();
            set => _errorDetails = value;
        }

        public string Message { get; set; }

        public DateTime Timestamp { get; set; }

        public string HelpLink { get; set; }

        public Guid ActivityId { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    /// <summary>The detail of a FaultException&lt;OrganizationServiceFault&gt;: what the platform returns for a failed request.</summary>
    public class OrganizationServiceFault : BaseServiceFault
    {
        public OrganizationServiceFault InnerFault { get; set; }

        public string TraceText { get; set; }

        public override string ToString()
        {
            var text = new StringBuilder();
            text.Append("OrganizationServiceFault: ErrorCode=").Append(ErrorCode.ToString("X", System.Globalization.CultureInfo.InvariantCulture))
                .Append(", Message=").Append(Message);
            if (InnerFault != null)
            {
                text.Append(", InnerFault=(").Append(InnerFault).Append(')');
            }

            return text.ToString();
        }
    }
}

namespace Microsoft.Xrm.Sdk
{
    /// <summary>The fault of an ExecuteTransaction request: which request of the batch failed; the whole batch was rolled back.</summary>
    public sealed class ExecuteTransactionFault : OrganizationServiceFault
    {
        public ExecuteTransactionFault()
        {
        }

        public int FaultedRequestIndex { get; set; }
    }
}
