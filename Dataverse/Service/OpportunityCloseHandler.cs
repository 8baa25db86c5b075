using System;
using LeadAlign.Dataverse.Faults;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadAlign.Dataverse.Service
{
    /// <summary>
    /// What WinOpportunity and LoseOpportunity share: the main operation (stage 30) of the message, whose primary row is the
    /// opportunity the OpportunityClose names. It records the close as an opportunityclose activity (a nested Create, then a
    /// nested Update to Completed), then closes the opportunity with a nested Update of statecode, statuscode, actualvalue (the
    /// close's actualrevenue, when it gives one) and actualclosedate (the close's actualend, or today), so Create and Update steps see both, as
    /// QualifyLead's state change is seen.
    /// </summary>
    internal abstract class OpportunityCloseHandler : MessageHandler
    {
        private const int OpenState = 0;
        private const int CompletedCloseState = 1;
        private const int CompletedCloseStatus = 2;

        private readonly string _pipelineMessage;
        private readonly int _state;
        private readonly int _defaultStatus;

        /// <summary>
        /// <paramref name="pipelineMessage"/>: the message steps register on (Win, Lose: the names the opportunity table's messages
        /// have on Learn, and the Plugin Registration tool offers); <paramref name="state"/>: Won (1) or Lost (2);
        /// <paramref name="defaultStatus"/>: its status when the request gives none.
        /// </summary>
        protected OpportunityCloseHandler(string message, string pipelineMessage, int state, int defaultStatus)
            : base(message)
        {
            _pipelineMessage = pipelineMessage;
            _state = state;
            _defaultStatus = defaultStatus;
        }

        public override string PipelineMessage(string requestName) => _pipelineMessage;

        public override (string Table, Guid Id)? PrimaryRow(OrganizationRequest request) =>
            request.Parameters.TryGetValue("OpportunityClose", out var close) && close is Entity entity && entity.GetAttributeValue<EntityReference>("opportunityid") is { } opportunity
                ? ("opportunity", opportunity.Id)
                : null;

        /// <summary>Closing holds the opportunity's lock from the start, so two closes of one opportunity queue and the second is refused.</summary>
        public override bool LocksPrimaryRow => true;

        public override OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
        {
            var close = Parameter<Entity>(request, "OpportunityClose");
            if (close.LogicalName != "opportunityclose")
            {
                throw DataverseFault.Invalid($"The OpportunityClose of {request.RequestName} must be an opportunityclose, not a {close.LogicalName}.");
            }

            var opportunityRef = close.GetAttributeValue<EntityReference>("opportunityid")
                ?? throw DataverseFault.Invalid($"The OpportunityClose of {request.RequestName} must name the opportunity it closes (opportunityid).");
            var opportunity = context.Store.Get("opportunity", opportunityRef.Id) ?? throw DataverseFault.RecordNotFound("opportunity", opportunityRef.Id);
            if (opportunity.GetAttributeValue<OptionSetValue>("statecode")?.Value != OpenState)
            {
                throw DataverseFault.Invalid($"The opportunity {opportunityRef.Id} is already closed: only an open opportunity can be won or lost.");
            }

            var status = request.Parameters.TryGetValue("Status", out var value) && value is OptionSetValue given && given.Value != -1 ? given.Value : _defaultStatus;
            var activity = new Entity("opportunityclose");
            foreach (var attribute in close.Attributes)
            {
                activity[attribute.Key] = attribute.Value;
            }

            var closeId = (Guid)context.RunNested(new CreateRequest { Target = activity }).Results["id"];
            context.RunNested(new UpdateRequest
            {
                Target = new Entity("opportunityclose", closeId) { ["statecode"] = new OptionSetValue(CompletedCloseState), ["statuscode"] = new OptionSetValue(CompletedCloseStatus) },
            });

            var closed = new Entity("opportunity", opportunityRef.Id)
            {
                ["statecode"] = new OptionSetValue(_state),
                ["statuscode"] = new OptionSetValue(status),
                ["actualclosedate"] = close.GetAttributeValue<DateTime?>("actualend") ?? context.Clock.UtcNow.Date,
            };
            if (close.GetAttributeValue<Money>("actualrevenue") is { } revenue)
            {
                closed["actualvalue"] = revenue;
            }

            context.RunNested(new UpdateRequest { Target = closed });
            return Response();
        }

        /// <summary>The message's typed response (it has no results).</summary>
        protected abstract OrganizationResponse Response();
    }
}
