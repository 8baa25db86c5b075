using System;
using System.Collections.Generic;
using LeadAlign.Dataverse.Faults;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Service
{
    /// <summary>
    /// One SDK message the in-memory Dataverse executes. Each lives in Messages/ as its own class, named after the message, and says
    /// in its constructor which message (or messages: SetState is also SetStateDynamicEntity) it executes; <see cref="MessageTable"/>
    /// finds them all. A handler is either the main operation of the event pipeline (the default: the steps registered on the message
    /// run around it, in its transaction) or runs outside the pipeline (<see cref="RunsInPipeline"/> false: a metadata read, or a
    /// message made of other requests that each go through the pipeline themselves, as ExecuteMultiple and Assign do on the platform).
    /// </summary>
    internal abstract class MessageHandler
    {
        protected MessageHandler(params string[] messages)
        {
            Messages = messages;
        }

        /// <summary>The request names this handler executes.</summary>
        public IReadOnlyList<string> Messages { get; }

        /// <summary>
        /// The message's name as plug-in steps are registered on it and as execution contexts carry it (MessageName). It is the
        /// request's name for most messages; some SDK requests run a message of another name (WinOpportunityRequest runs Win).
        /// </summary>
        public virtual string PipelineMessage(string requestName) => requestName;

        /// <summary>True when the request is an operation of the event pipeline and <see cref="Execute"/> is its main operation (stage 30).</summary>
        public virtual bool RunsInPipeline => true;

        /// <summary>
        /// True when the pipeline's steps may have a pre-image of this message: the row as the operation found it (Update, Delete).
        /// </summary>
        public virtual bool HasPreImage => false;

        /// <summary>
        /// True when the operation writes the row it is about (Update, Delete, QualifyLead): its transaction takes the row's exclusive
        /// lock as it opens, before PreOperation, so the pre-image and every step read the row as it was last committed by the time
        /// this operation holds it, and no other transaction changes it until this one ends.
        /// </summary>
        public virtual bool LocksPrimaryRow => HasPreImage;

        /// <summary>False when the row is gone after the main operation (Delete): there is then no post-image.</summary>
        public virtual bool HasPostImage => true;

        /// <summary>
        /// The row a request is about when its <c>Target</c> does not say (the context's PrimaryEntityName and PrimaryEntityId), or
        /// null for none (<c>"none"</c>, <see cref="Guid.Empty"/>).
        /// </summary>
        public virtual (string Table, Guid Id)? PrimaryRow(OrganizationRequest request) => null;

        /// <summary>
        /// The columns the request changes, to which steps' filtering attributes and workflows' update triggers apply; null when
        /// they do not apply to this message (only Update has them).
        /// </summary>
        public virtual IReadOnlyCollection<string>? ChangedColumns(OrganizationRequest request) => null;

        /// <summary>The id of the row the main operation created, the context's PrimaryEntityId from then on (Create); empty otherwise.</summary>
        public virtual Guid CreatedRowId(OrganizationResponse response) => Guid.Empty;

        /// <summary>Checks a request before its operation starts (a Custom API checks the declared parameters); throws the platform's fault.</summary>
        public virtual void CheckRequest(OrganizationRequest request)
        {
        }

        /// <summary>
        /// Checks the request as its caller sent it, before any step can change it (column security checks a Create's or an
        /// Update's Target here); throws the platform's fault.
        /// </summary>
        public virtual void CheckCaller(OrganizationRequest request, Guid userId, Security.AccessChecker access)
        {
        }

        /// <summary>Executes the request: the main operation, or the whole message for a handler outside the pipeline.</summary>
        public abstract OrganizationResponse Execute(OrganizationRequest request, MessageContext context);

        /// <summary>A parameter of the request, or the platform's fault naming it and its type.</summary>
        protected static T Parameter<T>(OrganizationRequest request, string name) =>
            request.Parameters.TryGetValue(name, out var value) && value is T typed
                ? typed
                : throw DataverseFault.Invalid($"The {request.RequestName} request needs the parameter '{name}' ({typeof(T).Name}).");
    }
}
