using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Reporting
{
    /// <summary>
    /// Which stage-history rows are moves. The history also holds rows that keep the stage on both sides (a reassignment, a pick
    /// from the sales queue, an opportunity's outcome): they say what happened to the lead, but it did not reach a stage again,
    /// so the report and the week's close never count them as a handoff or an SQL.
    /// </summary>
    internal static class StageMove
    {
        public static bool IsMove(Entity row)
        {
            var from = row.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.FromStage)?.Value;
            return from == null || from != row.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.ToStage)?.Value;
        }
    }
}
