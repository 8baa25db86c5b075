using System.Runtime.CompilerServices;
using Microsoft.Xrm.Sdk;
using LeadAlign.Lifecycle;
using LeadAlign.Scoring;

namespace LeadAlign.Plugins
{
    /// <summary>
    /// The organization's LeadAlign configuration as a plug-in reads it: from the per-organization caches, loaded as SYSTEM
    /// only when an entry is cold or stale. A warm lookup makes no service call and creates no service.
    /// </summary>
    internal static class ConfigurationExtensions
    {
        /// <summary>The active scoring model, or null when none is active.</summary>
        /// <param name="caller">The method asking, which its trace lines name (filled in by the compiler).</param>
        public static ScoringModel? ActiveScoringModel(this ILocalPluginContext localPluginContext, [CallerMemberName] string caller = "")
        {
            var context = localPluginContext.PluginExecutionContext;
            return ScoringModelCache.Get(() => localPluginContext.SystemUserService, context.OrganizationId, context.OperationCreatedOn, message => localPluginContext.Trace(message, caller));
        }

        /// <summary>The active sales and marketing agreement, or null when none is active.</summary>
        /// <param name="caller">The method asking, which its trace lines name (filled in by the compiler).</param>
        public static Agreement? ActiveAgreement(this ILocalPluginContext localPluginContext, [CallerMemberName] string caller = "")
        {
            var context = localPluginContext.PluginExecutionContext;
            return AgreementCache.Get(() => localPluginContext.SystemUserService, context.OrganizationId, context.OperationCreatedOn, message => localPluginContext.Trace(message, caller));
        }

        /// <summary>
        /// What identifies one change of configuration in both of its steps (the synchronous one in its transaction, the
        /// asynchronous one after commit): the operation's correlation id, table, row and message, which both contexts share.
        /// </summary>
        public static string ConfigurationChange(this IPluginExecutionContext context) =>
            context.CorrelationId.ToString("N") + "/" + context.PrimaryEntityName + "/" + context.PrimaryEntityId.ToString("N") + "/" + context.MessageName;
    }
}
