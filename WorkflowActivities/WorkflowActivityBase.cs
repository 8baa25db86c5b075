using System;
using System.Activities;
using System.ServiceModel;
using LeadAlign.Runtime;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.WorkflowActivities
{
    /// <summary>
    /// Base class of every LeadAlign custom workflow activity: the same context shape as <c>PluginBase</c>,
    /// adapted from <see cref="CodeActivityContext"/>. The platform caches activity instances and runs them on many
    /// threads, so an activity keeps nothing of a run in fields; argument values live in the context.
    /// Faults are handled as in plug-ins: a refused action keeps its message, anything unexpected is traced in full.
    /// </summary>
    public abstract class WorkflowActivityBase : CodeActivity
    {
        protected WorkflowActivityBase(Type activityClassName)
        {
            ActivityClassName = (activityClassName ?? throw new ArgumentNullException(nameof(activityClassName))).FullName ?? activityClassName.Name;
        }

        protected string ActivityClassName { get; }

        protected sealed override void Execute(CodeActivityContext context)
        {
            if (context == null)
            {
                throw new ArgumentNullException(nameof(context));
            }

            var localContext = new LocalWorkflowContext(context);
            var workflow = localContext.WorkflowContext;
            localContext.Trace(
                $"Entered {ActivityClassName}: {workflow.PrimaryEntityName} {workflow.PrimaryEntityId}, user {workflow.UserId}, initiating user {workflow.InitiatingUserId}, depth {workflow.Depth}",
                nameof(Execute));
            try
            {
                ExecuteWorkflowActivity(localContext);
            }
            catch (BusinessRuleException refused)
            {
                localContext.Trace($"Refused: {refused.Message}", nameof(Execute));
                throw new InvalidPluginExecutionException(refused.Message, refused);
            }
            catch (InvalidPluginExecutionException)
            {
                throw;
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                localContext.Trace($"A nested request failed: {fault.Detail?.ToString() ?? fault.Message}", nameof(Execute));
                throw new InvalidPluginExecutionException(fault.Detail?.Message ?? fault.Message, fault);
            }
            catch (Exception unexpected)
            {
                localContext.Trace($"Unexpected exception: {unexpected}", nameof(Execute));
                throw new InvalidPluginExecutionException(FaultMessages.Unexpected(ActivityClassName, workflow.CorrelationId), unexpected);
            }
            finally
            {
                localContext.Trace($"Exiting {ActivityClassName}", nameof(Execute));
            }
        }

        /// <summary>The activity's work. Throw <see cref="BusinessRuleException"/> to fail the step with a message for the user.</summary>
        protected abstract void ExecuteWorkflowActivity(ILocalWorkflowContext localContext);
    }
}
