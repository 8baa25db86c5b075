using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Dataverse.Registration;
using LeadAlign.Plugins;
using LeadAlign.Plugins.Lifecycle;
using LeadAlign.Plugins.Registration;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Lifecycle
{
    /// <summary>Fails every save that makes a lead an SQL: to show that a synchronous fault rolls everything back.</summary>
    [PluginStep("7a1f0100-0000-4000-8000-000000000001", "Update", "lead", PluginStage.PostOperation, Rank = 9, FilteringAttributes = LeadTable.Stage)]
    public sealed class RefuseSqlAfterHistoryPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            if (((Entity)context.InputParameters["Target"]).GetAttributeValue<OptionSetValue>(LeadTable.Stage)?.Value == LifecycleFixture.Sql)
            {
                throw new InvalidPluginExecutionException("The SQL review service is down: try again later.");
            }
        }
    }

    /// <summary>The agreed moves between stages, the stamps they leave and the moves refused.</summary>
    public sealed class StageTransitionTests
    {
        private static IReadOnlyDictionary<string, object?> Bant => LifecycleFixture.Bant;

        private readonly LifecycleFixture _fixture = new();

        private InMemoryDataverse Org => _fixture.Org;

        private Guid Rep => _fixture.Reps[0];

        [Fact]
        public void The_owner_accepts_an_mql_and_the_acceptance_is_stamped_with_the_minutes_since_handoff()
        {
            var id = _fixture.HandedOffLead();
            Org.Advance(TimeSpan.FromMinutes(95));

            _fixture.SetStage(Rep, id, LifecycleFixture.Sal);

            var lead = _fixture.Lead(id);
            Assert.Equal(LifecycleFixture.Sal, _fixture.StageOf(id));
            Assert.Equal(Org.UtcNow, lead.GetAttributeValue<DateTime>(LeadTable.AcceptedOn));
            Assert.Equal(95, lead.GetAttributeValue<int>(LeadTable.MinutesToAccept));
            var change = _fixture.History(id).Last();
            Assert.Equal("MQL → SAL", change[LeadStageChangeTable.Name]);
            Assert.Equal(95, change[LeadStageChangeTable.MinutesInPreviousStage]);
        }

        [Fact]
        public void Another_rep_cannot_accept_the_lead_but_a_leadalign_administrator_can()
        {
            var id = _fixture.HandedOffLead();

            var fault = TestOrganization.Fault(() => _fixture.SetStage(_fixture.Reps[1], id, LifecycleFixture.Sal));
            Assert.Equal(LifecycleFixture.Mql, _fixture.StageOf(id));
            _fixture.SetStage(_fixture.Admin, id, LifecycleFixture.Sal);

            Assert.Equal("Only the lead's owner or a LeadAlign administrator can accept this lead. Ask the owner, or have it reassigned to you first.", fault.Message);
            Assert.Equal(LifecycleFixture.Sal, _fixture.StageOf(id));
        }

        [Fact]
        public void The_accept_custom_api_accepts_for_the_owner_and_refuses_anyone_else()
        {
            var id = _fixture.HandedOffLead();
            var accept = new OrganizationRequest("la_AcceptLead") { ["Target"] = new EntityReference("lead", id) };

            var refused = TestOrganization.Fault(() => Org.As(_fixture.Reps[1]).Execute(accept));
            var response = Org.As(Rep).Execute(new OrganizationRequest("la_AcceptLead") { ["Target"] = new EntityReference("lead", id) });

            Assert.Contains("Only the lead's owner", refused.Message);
            Assert.Equal(Org.UtcNow, response["AcceptedOn"]);
            Assert.Equal(LifecycleFixture.Sal, ((OptionSetValue)response["Stage"]).Value);
            Assert.Equal(LifecycleFixture.Sal, _fixture.StageOf(id));
        }

        [Fact]
        public void An_sql_needs_the_bant_columns_and_the_refusal_names_the_missing_ones()
        {
            var id = _fixture.HandedOffLead();
            _fixture.SetStage(Rep, id, LifecycleFixture.Sal);

            var fault = TestOrganization.Fault(() => _fixture.SetStage(Rep, id, LifecycleFixture.Sql, new Dictionary<string, object?> { ["decisionmaker"] = true }));
            _fixture.SetStage(Rep, id, LifecycleFixture.Sql, Bant);

            Assert.Equal("To make this lead an SQL, fill in: budgetamount or budgetstatus; need; purchasetimeframe. The agreement requires them.", fault.Message);
            Assert.Equal(Org.UtcNow, _fixture.Lead(id).GetAttributeValue<DateTime>(LeadTable.SqlOn));
        }

        [Fact]
        public void Rejecting_an_mql_without_a_reason_is_refused()
        {
            var id = _fixture.HandedOffLead();

            var fault = TestOrganization.Fault(() => _fixture.SetStage(Rep, id, LifecycleFixture.Rejected));

            Assert.StartsWith("Choose a rejection reason", fault.Message);
            Assert.Equal(LifecycleFixture.Mql, _fixture.StageOf(id));
        }

        [Fact]
        public void Rejecting_for_other_needs_notes_and_a_rejection_is_stamped()
        {
            var id = _fixture.HandedOffLead();

            var fault = TestOrganization.Fault(() => _fixture.SetStage(Rep, id, LifecycleFixture.Rejected, new Dictionary<string, object?> { [LeadTable.RejectionReason] = new OptionSetValue((int)RejectionReason.Other) }));
            _fixture.SetStage(Rep, id, LifecycleFixture.Rejected, new Dictionary<string, object?> { [LeadTable.RejectionReason] = new OptionSetValue((int)RejectionReason.Other), [LeadTable.RejectionNotes] = "Wants a free pilot only." });

            Assert.Equal("The rejection reason is Other: add rejection notes that tell marketing why.", fault.Message);
            Assert.Equal(Org.UtcNow, _fixture.Lead(id).GetAttributeValue<DateTime>(LeadTable.RejectedOn));
            Assert.Equal("MQL → Rejected", _fixture.History(id).Last()[LeadStageChangeTable.Name]);
        }

        [Fact]
        public void Disqualifying_through_statecode_is_a_rejection_and_needs_its_reason()
        {
            var id = _fixture.HandedOffLead();
            var disqualify = new SetStateRequest { EntityMoniker = new EntityReference("lead", id), State = new OptionSetValue(2), Status = new OptionSetValue(-1) };

            var fault = TestOrganization.Fault(() => Org.As(Rep).Execute(disqualify));
            Org.As(Rep).Update(new Entity("lead", id) { [LeadTable.RejectionReason] = new OptionSetValue((int)RejectionReason.NoBudget) });
            Org.As(Rep).Execute(disqualify);

            Assert.StartsWith("Choose a rejection reason", fault.Message);
            Assert.Equal(LifecycleFixture.Rejected, _fixture.StageOf(id));
            Assert.Equal(2, _fixture.Lead(id).GetAttributeValue<OptionSetValue>("statecode").Value);
        }

        [Fact]
        public void Nurture_recycles_the_lead_to_marketing_and_resets_engagement_and_a_new_qualification_hands_it_off_again()
        {
            var id = _fixture.HandedOffLead();
            Org.As(_fixture.Marketer).Create(new Entity(MarketingInteractionTable.EntityName) { ["subject"] = "Webinar", [MarketingInteractionTable.InteractionType] = new OptionSetValue((int)InteractionType.WebinarAttendance), ["regardingobjectid"] = new EntityReference("lead", id) });
            _fixture.SetStage(Rep, id, LifecycleFixture.Sal);
            Org.Advance(TimeSpan.FromDays(1));

            _fixture.SetStage(Rep, id, LifecycleFixture.Nurture);

            var lead = _fixture.Lead(id);
            Assert.Equal(LifecycleFixture.Nurture, _fixture.StageOf(id));
            Assert.Equal(new EntityReference("team", _fixture.MarketingTeam), lead.GetAttributeValue<EntityReference>("ownerid"));
            Assert.False(lead.Contains(LeadTable.HandoffOn));
            Assert.False(lead.Contains(LeadTable.AcceptedOn));
            Assert.Equal(0m, lead.GetAttributeValue<decimal>(LeadTable.EngagementScore));
            Assert.Equal(Org.UtcNow, lead.GetAttributeValue<DateTime>(LeadTable.NurturedOn));
            Assert.Equal(new[] { "Inquiry → MQL", "MQL → SAL", "SAL → Nurture" }, _fixture.History(id).Select(change => change.GetAttributeValue<string>(LeadStageChangeTable.Name)));

            Org.As(_fixture.Marketer).Update(new Entity("lead", id) { ["jobtitle"] = "Chief Executive Officer" });

            Assert.Equal(LifecycleFixture.Mql, _fixture.StageOf(id));
            Assert.Equal(_fixture.Reps[1], _fixture.OwnerOf(id));
            Assert.Equal("Nurture → MQL", _fixture.History(id).Last()[LeadStageChangeTable.Name]);
        }

        [Fact]
        public void Qualifying_an_sql_converts_it_and_qualifying_an_mql_is_refused_naming_its_stage()
        {
            var sql = _fixture.HandedOffLead("Sql");
            var mql = _fixture.HandedOffLead("Mql");
            _fixture.SetStage(Rep, sql, LifecycleFixture.Sal);
            _fixture.SetStage(Rep, sql, LifecycleFixture.Sql, Bant);

            Org.As(Rep).Execute(new QualifyLeadRequest { LeadId = new EntityReference("lead", sql), CreateAccount = true, Status = new OptionSetValue(3) });
            var fault = TestOrganization.Fault(() => Org.As(_fixture.Reps[1]).Execute(new QualifyLeadRequest { LeadId = new EntityReference("lead", mql), CreateContact = true, Status = new OptionSetValue(3) }));

            Assert.Equal(LifecycleFixture.Converted, _fixture.StageOf(sql));
            Assert.Equal(1, _fixture.Lead(sql).GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Single(Org.All("account"));
            Assert.Equal("This lead is MQL: it cannot move to Converted. From MQL it can move to SAL, Rejected, Nurture.", fault.Message);
            Assert.Empty(Org.All("contact"));
            Assert.Equal(0, _fixture.Lead(mql).GetAttributeValue<OptionSetValue>("statecode").Value);
        }

        [Theory]
        [InlineData(LifecycleFixture.Sal, "This lead is Inquiry: it cannot move to SAL. From Inquiry it can move to MQL, Rejected.")]
        [InlineData(LifecycleFixture.Sql, "This lead is Inquiry: it cannot move to SQL. From Inquiry it can move to MQL, Rejected.")]
        [InlineData(LifecycleFixture.Nurture, "This lead is Inquiry: it cannot move to Nurture. From Inquiry it can move to MQL, Rejected.")]
        [InlineData(LifecycleFixture.Converted, "This lead is Inquiry: it cannot move to Converted. From Inquiry it can move to MQL, Rejected.")]
        public void A_move_the_agreement_does_not_list_is_refused_naming_the_stage_and_its_allowed_moves(int stage, string message)
        {
            var id = Org.As(_fixture.Marketer).Create(new Entity("lead") { ["lastname"] = "Early" });

            var fault = TestOrganization.Fault(() => _fixture.SetStage(_fixture.Admin, id, stage));

            Assert.Equal(message, fault.Message);
        }

        [Fact]
        public void A_converted_lead_is_final_and_a_new_lead_cannot_start_past_inquiry()
        {
            var id = _fixture.HandedOffLead();
            _fixture.SetStage(Rep, id, LifecycleFixture.Sal);
            _fixture.SetStage(Rep, id, LifecycleFixture.Sql, Bant);
            Org.As(Rep).Execute(new QualifyLeadRequest { LeadId = new EntityReference("lead", id), Status = new OptionSetValue(3) });

            var final = TestOrganization.Fault(() => _fixture.SetStage(_fixture.Admin, id, LifecycleFixture.Nurture));
            var created = TestOrganization.Fault(() => Org.As(_fixture.Marketer).Create(new Entity("lead") { ["lastname"] = "Eager", [LeadTable.Stage] = new OptionSetValue(LifecycleFixture.Sql) }));

            Assert.Equal("This lead is Converted, which is final: it cannot move to Nurture.", final.Message);
            Assert.StartsWith("A new lead starts as an Inquiry", created.Message);
        }

        [Fact]
        public void A_fault_in_a_synchronous_step_rolls_back_the_stage_the_stamps_and_the_history_together()
        {
            var solution = DataverseOptions.ForSolution(RepositoryLayout.PathInRepo("Solution"), typeof(PluginBase).Assembly, typeof(LeadAlign.WorkflowActivities.WorkflowActivityBase).Assembly);
            var org = new InMemoryDataverse(new DataverseOptions
            {
                Metadata = solution.Metadata,
                Data = solution.Data,
                CustomApis = solution.CustomApis,
                Steps = solution.Steps.Concat(StepRegistration.FromTypes(new[] { typeof(RefuseSqlAfterHistoryPlugin) })).ToList(),
                PluginAssemblies = solution.PluginAssemblies.Concat(new[] { typeof(RefuseSqlAfterHistoryPlugin).Assembly }).ToList(),
            });
            var rep = org.AddUser("Rita Rep");
            var id = org.As(rep).Create(new Entity("lead") { ["lastname"] = "Novak" });
            org.SystemService.Update(new Entity("lead", id) { [LeadTable.Stage] = new OptionSetValue(LifecycleFixture.Mql) });
            org.As(rep).Update(new Entity("lead", id) { [LeadTable.Stage] = new OptionSetValue(LifecycleFixture.Sal) });
            var historyBefore = org.All(LeadStageChangeTable.EntityName).Count;

            var update = new Entity("lead", id) { [LeadTable.Stage] = new OptionSetValue(LifecycleFixture.Sql) };
            foreach (var column in Bant)
            {
                update[column.Key] = column.Value;
            }

            var fault = TestOrganization.Fault(() => org.As(rep).Update(update));

            var lead = org.Get("lead", id)!;
            Assert.Equal("The SQL review service is down: try again later.", fault.Message);
            Assert.Equal(LifecycleFixture.Sal, lead.GetAttributeValue<OptionSetValue>(LeadTable.Stage).Value);
            Assert.False(lead.Contains(LeadTable.SqlOn));
            Assert.False(lead.Contains("budgetamount"));
            Assert.Equal(historyBefore, org.All(LeadStageChangeTable.EntityName).Count);
        }
    }
}
