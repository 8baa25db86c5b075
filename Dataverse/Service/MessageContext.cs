using System;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Organization;
using LeadAlign.Dataverse.Pipeline;
using LeadAlign.Dataverse.Query;
using LeadAlign.Dataverse.Registration;
using LeadAlign.Dataverse.Security;
using LeadAlign.Dataverse.Storage;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Service
{
    /// <summary>
    /// What a <see cref="MessageHandler"/> works with for one request: the caller, the operation when the handler is the main operation
    /// of the pipeline, the organization's parts, and the ways to run other requests (as the caller, or nested in the operation).
    /// </summary>
    internal sealed class MessageContext
    {
        private readonly MessageDispatcher _messages;
        private Caller? _nested;

        public MessageContext(MessageDispatcher messages, Caller caller, OperationState? operation)
        {
            _messages = messages;
            Caller = caller;
            Operation = operation;
        }

        public Caller Caller { get; }

        /// <summary>The operation whose main operation the handler is; null outside the pipeline.</summary>
        public OperationState? Operation { get; }

        public MetadataCatalog Metadata => _messages.Services.Metadata;

        public RecordStore Store => _messages.Services.Store;

        public RecordReader Reader => _messages.Services.Reader;

        public RecordWriter Records => _messages.Services.Records;

        public Associations Associations => _messages.Services.Associations;

        public QueryRunner Queries => _messages.Services.Queries;

        public Transactions Transactions => _messages.Services.Transactions;

        public OrganizationClock Clock => _messages.Services.Clock;

        public OrganizationIdentity Identity => _messages.Services.Identity;

        public SlaSettings Sla => _messages.Services.Sla;

        /// <summary>The caller's security roles, checked when the organization enforces them.</summary>
        public AccessChecker Access => _messages.Services.Access;

        /// <summary>Runs another request as the caller, as if the caller had sent it (an item of ExecuteMultiple, the batch of CreateMultiple).</summary>
        public OrganizationResponse Dispatch(OrganizationRequest request) => _messages.Dispatch(request, Caller);

        /// <summary>Runs a request through the pipeline as one operation of the caller (the Update that Assign and SetState are on the platform).</summary>
        public OrganizationResponse RunOperation(OrganizationRequest request) => _messages.RunOperation(request, Caller);

        /// <summary>
        /// Runs a request through the pipeline as one operation the platform performs for the caller under its own privilege check
        /// (PickFromQueue's Update of the queue item): its steps run as SYSTEM, and their context's InitiatingUserId is the caller.
        /// </summary>
        public OrganizationResponse RunOperationForCaller(OrganizationRequest request) =>
            _messages.RunOperation(request, Caller with { UserId = Identity.SystemUserId });

        /// <summary>
        /// Runs a request the main operation makes itself (QualifyLead's Creates and Update, SendEmail's Update): a nested operation
        /// whose parent context is the main operation's, so it runs one level deeper, with its steps, in the same transaction.
        /// </summary>
        public OrganizationResponse RunNested(OrganizationRequest request)
        {
            if (_nested == null)
            {
                var operation = Operation ?? throw new InvalidOperationException("Only the main operation of the pipeline runs nested operations.");
                var context = new PluginExecutionContext(operation, StepRegistration.MainOperation, 0, true) { UserId = Caller.UserId };
                _nested = new Caller(Caller.UserId, Caller.InitiatingUserId, context, Caller.Record);
            }

            return _messages.RunOperation(request, _nested);
        }
    }
}
