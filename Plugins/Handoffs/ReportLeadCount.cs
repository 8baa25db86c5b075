using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Handoffs
{
    /// <summary>
    /// The period's lead count <see cref="Reporting.CountReportLeadsPlugin"/> took in PreValidation, outside the transaction, for
    /// <see cref="Reporting.GetAlignmentReportPlugin"/>: the count, or that the platform refused it as over the
    /// AggregateQueryRecordLimit. Shared as types the platform serializes (bool, int).
    /// </summary>
    internal sealed class ReportLeadCount
    {
        private const string Key = "LeadAlign.ReportLeadCount.";

        public ReportLeadCount(int? count)
        {
            Count = count;
        }

        /// <summary>The period's leads; null when the platform refused to count them (more than the aggregate limit).</summary>
        public int? Count { get; }

        public void WriteTo(ParameterCollection shared)
        {
            shared[Key + "OverLimit"] = !Count.HasValue;
            shared[Key + nameof(Count)] = Count ?? 0;
        }

        /// <summary>
        /// The count taken before the transaction, from the context's shared variables or, where the platform gave the PreValidation
        /// step its own context, a parent's; null when none was taken (the call came inside a transaction).
        /// </summary>
        public static ReportLeadCount? ReadFrom(IPluginExecutionContext context)
        {
            for (var each = context; each != null; each = each.ParentContext)
            {
                var found = ReadFrom(each.SharedVariables);
                if (found != null)
                {
                    return found;
                }
            }

            return null;
        }

        private static ReportLeadCount? ReadFrom(ParameterCollection shared) =>
            shared.TryGetValue(Key + "OverLimit", out var over) && over is bool overLimit
                ? new ReportLeadCount(overLimit ? (int?)null : (int)shared[Key + nameof(Count)])
                : null;
    }
}
