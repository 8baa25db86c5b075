// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
using System;
using System.Runtime.Serialization;
using System.Security;

namespace Microsoft.Xrm.Sdk
{
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
}
