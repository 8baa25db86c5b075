using System;
using LeadAlign.Dataverse.Pipeline;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Service
{
    /// <summary>Who calls, and from where: a client (no parent) or code running inside an operation (a plug-in or activity).</summary>
    internal sealed record Caller(Guid UserId, Guid InitiatingUserId, IExecutionContext? Parent, ExecutionRecord? Record);
}
