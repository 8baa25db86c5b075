using System.Collections.Generic;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Dataverse.Pipeline;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Service
{
    /// <summary>
    /// Where every request arrives: one at a time (requests from many threads are serialized), counted on the execution that made it,
    /// then found in the <see cref="MessageTable"/>. A handler outside the pipeline runs at once; any other request is one operation of
    /// the <see cref="EventPipeline"/>, whose main operation is the solution's Custom API of that name or the message's handler. Any
    /// other message is refused with the platform's fault (MessageNotSupported) naming it.
    /// </summary>
    internal sealed class MessageDispatcher
    {
        private readonly object _gate;
        private readonly MessageTable _table;
        private readonly IReadOnlyDictionary<string, CustomApiHandler> _customApis;
        private readonly EventPipeline _pipeline;

        public MessageDispatcher(object gate, MessageTable table, IReadOnlyDictionary<string, CustomApiHandler> customApis, EventPipeline pipeline, MessageServices services)
        {
            _gate = gate;
            _table = table;
            _customApis = customApis;
            _pipeline = pipeline;
            Services = services;
        }

        public MessageServices Services { get; }

        /// <summary>A request sent through a service: counted on the caller's execution record, then dispatched.</summary>
        public OrganizationResponse Execute(OrganizationRequest request, Caller caller)
        {
            lock (_gate)
            {
                caller.Record?.CountCall(request.RequestName ?? string.Empty);
                return Dispatch(request, caller);
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
