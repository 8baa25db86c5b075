using System;
using System.Collections.Generic;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Dataverse.Pipeline;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Service
{
    /// <summary>
    /// Where every request arrives, from any number of threads at once: counted on the execution that made it, then found in the
    /// <see cref="MessageTable"/>. A call made in a transaction that a failed call doomed is refused with the platform's fault; a call
    /// made by plug-in code inside a transaction that fails dooms it (the platform rolls the transaction back, whatever the plug-in
    /// does with the fault). A handler outside the pipeline runs at once; any other request is one operation of
    /// the <see cref="EventPipeline"/>, whose main operation is the solution's Custom API of that name or the message's handler. Any
    /// other message is refused with the platform's fault (MessageNotSupported) naming it.
    /// </summary>
    internal sealed class MessageDispatcher
    {
        private readonly MessageTable _table;
        private readonly IReadOnlyDictionary<string, CustomApiHandler> _customApis;
        private readonly EventPipeline _pipeline;

        public MessageDispatcher(MessageTable table, IReadOnlyDictionary<string, CustomApiHandler> customApis, EventPipeline pipeline, MessageServices services)
        {
            _table = table;
            _customApis = customApis;
            _pipeline = pipeline;
            Services = services;
        }

        public MessageServices Services { get; }

        /// <summary>A request sent through a service: counted on the caller's execution record, then dispatched.</summary>
        public OrganizationResponse Execute(OrganizationRequest request, Caller caller)
        {
            caller.Record?.CountCall(request.RequestName ?? string.Empty);
            var transaction = Services.Store.Current;
            if (transaction is { IsUnusable: true })
            {
                throw transaction.UnusableFault();
            }

            try
            {
                return Dispatch(request, caller);
            }
            catch (Exception failure) when (transaction != null && caller.Parent != null)
            {
                // A plug-in's (or workflow activity's) call failed inside the transaction: the platform has rolled it back.
                transaction.Doom(failure.Message);
                throw;
            }
        }

        public OrganizationResponse Dispatch(OrganizationRequest request, Caller caller)
        {
            var handler = _table.Find(request.RequestName);
            return handler is { RunsInPipeline: false } ? handler.Execute(request, new MessageContext(this, caller, null)) : RunOperation(request, caller);
        }

        /// <summary>One operation through the pipeline: a Custom API of the solution, or a message whose handler is a main operation.</summary>
        public OrganizationResponse RunOperation(OrganizationRequest request, Caller caller)
        {
            var message = request.RequestName ?? string.Empty;
            MessageHandler main = _customApis.TryGetValue(message, out var customApi)
                ? customApi
                : _table.Find(message) is { RunsInPipeline: true } handler
                    ? handler
                    : throw DataverseFault.Create(DataverseFault.MessageNotSupported, $"The message '{message}' is not supported by the in-memory Dataverse, and no Custom API of that name is in the solution.");
            return _pipeline.Run(request, caller, main, this);
        }
    }
}
