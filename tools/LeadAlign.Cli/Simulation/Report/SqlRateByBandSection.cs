using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Cli.Simulation.Report
{
    /// <summary>Of the MQLs of each score band (the band of the score the lead became an MQL with), how many reached SQL.</summary>
    internal sealed class SqlRateByBandSection : ReportSection
    {
        public SqlRateByBandSection(ReportData data)
        {
            var warm = data.ScoringModel.GetAttributeValue<int?>(ScoringModelTable.WarmThreshold) ?? 0;
            var hot = data.ScoringModel.GetAttributeValue<int?>(ScoringModelTable.HotThreshold) ?? 0;
            var sqlLeads = data.History.Where(row => row.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.ToStage)?.Value == (int)LeadStage.Sql).Select(row => row.GetAttributeValue<EntityReference>(LeadStageChangeTable.LeadId).Id).ToHashSet();
            SqlRateByBand = data.History.Where(row => row.GetAttributeValue<OptionSetValue>(LeadStageChangeTable.ToStage)?.Value == (int)LeadStage.Mql)
                .GroupBy(row => row.GetAttributeValue<EntityReference>(LeadStageChangeTable.LeadId).Id)
                .Select(group => (Lead: group.Key, Score: group.Min(row => row.GetAttributeValue<int?>(LeadStageChangeTable.Score) ?? 0)))
                .GroupBy(item => item.Score >= hot ? "Hot" : item.Score >= warm ? "Warm" : "Cold")
                .OrderBy(group => group.Key == "Hot" ? 0 : group.Key == "Warm" ? 1 : 2)
                .Select(group => (group.Key, group.Count(), group.Count(item => sqlLeads.Contains(item.Lead))))
                .ToList();
        }

        public List<(string Band, int Mqls, int Sqls)> SqlRateByBand { get; }

        public override void WriteText(TextWriter output)
        {
            output.WriteLine("SQL rate by score band at MQL");
            foreach (var (band, mqls, sqls) in SqlRateByBand)
            {
                output.WriteLine($"  {band,-5} {mqls,6} MQLs {sqls,6} SQLs  {(mqls == 0 ? 0 : 100.0 * sqls / mqls):0.0}%");
            }
        }

        public override void WriteHtml(StringBuilder html) =>
            html.Append("<h2>SQL rate by score band at MQL</h2>").Append(Charts.Bars(SqlRateByBand.Select(item => (item.Band + " %", item.Mqls == 0 ? 0 : 100.0 * item.Sqls / item.Mqls)).ToList(), "#7552a0"));
    }
}
