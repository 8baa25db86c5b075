using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Plugins
{
    /// <summary>
    /// For the tables of which exactly one row is in force (the scoring model, the agreement): once a row is saved active,
    /// every other active row is deactivated, as SYSTEM, each with a trace line support can read.
    /// </summary>
    internal static class SingleActiveRecord
    {
        /// <summary>Deactivates every active row of <paramref name="table"/> but <paramref name="keepId"/>.</summary>
        /// <param name="displayName">What a row is called in the trace, for example "scoring model".</param>
        public static void DeactivateOthers(ILocalPluginContext localPluginContext, string table, string idColumn, string activeColumn, string nameColumn, Guid keepId, string displayName)
        {
            var service = localPluginContext.SystemUserService;
            var others = new QueryExpression(table) { ColumnSet = new ColumnSet(nameColumn) };
            others.Criteria.AddCondition(activeColumn, ConditionOperator.Equal, true);
            others.Criteria.AddCondition(idColumn, ConditionOperator.NotEqual, keepId);
            foreach (var other in service.RetrieveMultiple(others).Entities)
            {
                service.Update(new Entity(table, other.Id) { [activeColumn] = false });
                localPluginContext.Trace($"Deactivated {displayName} '{other.GetAttributeValue<string>(nameColumn)}': only one {displayName} is in force.");
            }
        }
    }
}
