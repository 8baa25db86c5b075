using LeadAlign.Dataverse;
using LeadAlign.Schema;
using LeadAlign.Scoring;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;
using Xunit;

namespace LeadAlign.Tests.Scoring
{
    /// <summary>
    /// The limits scoring keeps to are the lead columns' own, as the solution declares them (Solution/Entities/Lead/Entity.xml,
    /// read by the in-memory Dataverse and answered by RetrieveAttribute as the platform answers it).
    /// </summary>
    public sealed class ScoreColumnsTests
    {
        private static readonly InMemoryDataverse Org = LeadAlignOrganization.Start();

        private static AttributeMetadata Column(string name) =>
            ((RetrieveAttributeResponse)Org.SystemService.Execute(new RetrieveAttributeRequest { EntityLogicalName = LeadTable.EntityName, LogicalName = name })).AttributeMetadata;

        [Fact]
        public void The_score_ranges_are_the_columns_ranges()
        {
            var fit = Assert.IsType<IntegerAttributeMetadata>(Column(LeadTable.FitScore));
            var engagement = Assert.IsType<DecimalAttributeMetadata>(Column(LeadTable.EngagementScore));
            var score = Assert.IsType<IntegerAttributeMetadata>(Column(LeadTable.Score));

            Assert.Equal((ScoreColumns.FitMin, ScoreColumns.FitMax), (fit.MinValue!.Value, fit.MaxValue!.Value));
            Assert.Equal((ScoreColumns.EngagementMin, ScoreColumns.EngagementMax), ((int)engagement.MinValue!.Value, (int)engagement.MaxValue!.Value));
            Assert.Equal((ScoreColumns.ScoreMin, ScoreColumns.ScoreMax), (score.MinValue!.Value, score.MaxValue!.Value));
        }

        [Theory]
        [InlineData("email")]
        [InlineData("phonecall")]
        [InlineData("appointment")]
        [InlineData("task")]
        [InlineData(MarketingInteractionTable.EntityName)]
        public void What_an_activity_applied_fits_its_column(string table)
        {
            var column = ((RetrieveAttributeResponse)Org.SystemService.Execute(new RetrieveAttributeRequest { EntityLogicalName = table, LogicalName = ActivityColumns.EngagementApplied })).AttributeMetadata;

            Assert.Equal(ScoreColumns.AppliedMaxLength, Assert.IsType<StringAttributeMetadata>(column).MaxLength);
        }

        [Fact]
        public void The_text_lengths_are_the_columns_lengths()
        {
            Assert.Equal(ScoreColumns.ReasonsMaxLength, Assert.IsType<MemoAttributeMetadata>(Column(LeadTable.ScoreReasons)).MaxLength);
            Assert.Equal(ScoreColumns.LedgerMaxLength, Assert.IsType<MemoAttributeMetadata>(Column(LeadTable.EngagementLedger)).MaxLength);
            Assert.Equal(ScoreColumns.RuleHitsMaxLength, Assert.IsType<MemoAttributeMetadata>(Column(LeadTable.RuleHits)).MaxLength);
        }
    }
}
