using System.Activities;
using System.Runtime.CompilerServices;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadAlign.WorkflowActivities
{
    /// <summary>What one run of a workflow activity can use. Services are created on first use.</summary>
    public interface ILocalWorkflowContext
    {
        CodeActivityContext ActivityContext { get; }

        IWorkflowContext WorkflowContext { get; }

        /// <summary>Runs as the workflow's user (the owner of a background workflow), as the platform runs custom activities.</summary>
        IOrganizationService WorkflowUserService { get; }

        IOrganizationService InitiatingUserService { get; }

        /// <summary>Runs as SYSTEM. For the suite's own bookkeeping only.</summary>
        IOrganizationService SystemUserService { get; }

        IOrganizationServiceFactory OrgSvcFactory { get; }

        ITracingService TracingService { get; }

        void Trace(string message, [CallerMemberName] string method = "");
    }
}
