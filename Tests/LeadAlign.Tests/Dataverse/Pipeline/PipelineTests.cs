using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Dataverse.Pipeline
{
    /// <summary>The event pipeline, run from the step XML generated from the test plug-ins' declarations.</summary>
    public sealed class PipelineTests
    {
        private static Dictionary<string, string> Traced(string trace) =>
            trace.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(line => line.Contains('=', StringComparison.Ordinal))
                .Select(line => line.Split('=', 2))
                .GroupBy(pair => pair[0])
                .ToDictionary(group => group.Key, group => group.Last()[1]);

        [Fact]
        public void A_change_made_to_the_target_in_preoperation_is_saved_with_the_row()
        {
            var org = TestOrganization.With(typeof(StampDescriptionPlugin));

            var id = org.SystemService.Create(new Entity("lead") { ["lastname"] = "Novak" });

            Assert.Equal("stamped at " + org.UtcNow.ToString("O", CultureInfo.InvariantCulture), org.Get("lead", id)!["description"]);
            var execution = Assert.Single(org.Log.Of(typeof(StampDescriptionPlugin)));
            Assert.Equal(0, execution.TotalCalls);
        }

        [Fact]
        public void Stages_run_in_order_and_each_context_is_filled_as_the_platform_fills_it()
        {
            var org = TestOrganization.With(typeof(ContextProbePlugin));
            var rep = org.AddUser("Rita Rep");

            var id = org.As(rep).Create(new Entity("contact") { ["lastname"] = "Smith" });

            var runs = org.Log.Of(typeof(ContextProbePlugin));
            Assert.Equal(new[] { 10, 20, 40 }, runs.Select(run => run.Stage));
            var preValidation = Traced(runs[0].Trace);
            var preOperation = Traced(runs[1].Trace);
            var postOperation = Traced(runs[2].Trace);
            Assert.Equal("Create", preValidation["Message"]);
            Assert.Equal("contact", preValidation["Entity"]);
            Assert.Equal(Guid.Empty.ToString(), preOperation["EntityId"]);
            Assert.Equal(id.ToString(), postOperation["EntityId"]);
            Assert.Equal("0", postOperation["Mode"]);
            Assert.Equal("1", postOperation["Depth"]);
            Assert.Equal(rep.ToString(), postOperation["UserId"]);
            Assert.Equal(rep.ToString(), postOperation["InitiatingUserId"]);
            Assert.Equal(org.RootBusinessUnitId.ToString(), postOperation["BusinessUnitId"]);
            Assert.Equal("False", preValidation["InTransaction"]);
            Assert.Equal("True", preOperation["InTransaction"]);
            Assert.Equal("True", postOperation["InTransaction"]);
            Assert.Equal(org.UtcNow.ToString("O", CultureInfo.InvariantCulture), postOperation["CreatedOn"]);
            Assert.Equal(string.Empty, preOperation["Outputs"]);
            Assert.Equal("id", postOperation["Outputs"]);
            Assert.Equal("False", postOperation["HasParent"]);
            Assert.Equal(preValidation["Correlation"], postOperation["Correlation"]);
        }

        [Fact]
        public void Shared_variables_travel_from_one_stage_to_the_next_of_the_same_operation()
        {
            var org = TestOrganization.With(typeof(ContextProbePlugin));

            org.SystemService.Create(new Entity("contact") { ["lastname"] = "Smith" });
            org.SystemService.Create(new Entity("contact") { ["lastname"] = "Jones" });

            var runs = org.Log.Of(typeof(ContextProbePlugin));
            Assert.Equal("|10|20", Traced(runs[2].Trace)["Shared"]);
            Assert.Equal(string.Empty, Traced(runs[3].Trace)["Shared"]);
        }

        [Fact]
        public void Steps_of_one_stage_run_by_rank()
        {
            var org = TestOrganization.With(typeof(RankedSubjectPlugin));

            var id = org.SystemService.Create(new Entity("task") { ["subject"] = "Call" });

            Assert.Equal("Call+rank1+rank2", org.Get("task", id)!["subject"]);
        }

        [Fact]
        public void An_update_step_runs_only_when_the_target_holds_one_of_its_filtering_attributes()
        {
            var org = TestOrganization.With(typeof(JobTitleImagesPlugin));
            var id = org.SystemService.Create(new Entity("contact") { ["firstname"] = "Ann", ["lastname"] = "Smith", ["jobtitle"] = "Analyst" });

            org.SystemService.Update(new Entity("contact", id) { ["telephone1"] = "555-0100" });
            Assert.Empty(org.Log.Of(typeof(JobTitleImagesPlugin)));

            org.SystemService.Update(new Entity("contact", id) { ["jobtitle"] = "Director", ["telephone1"] = "555-0101" });
            Assert.Single(org.Log.Of(typeof(JobTitleImagesPlugin)));
        }

        [Fact]
        public void Pre_and_post_images_carry_exactly_the_registered_columns()
        {
            var org = TestOrganization.With(typeof(JobTitleImagesPlugin));
            var id = org.SystemService.Create(new Entity("contact") { ["firstname"] = "Ann", ["lastname"] = "Smith", ["jobtitle"] = "Analyst" });

            org.SystemService.Update(new Entity("contact", id) { ["jobtitle"] = "Director" });

            var trace = Traced(Assert.Single(org.Log.Of(typeof(JobTitleImagesPlugin))).Trace);
            Assert.Equal("firstname:Ann,jobtitle:Analyst", trace["Pre"]);
            Assert.Equal("jobtitle:Director", trace["Post"]);
        }

        [Fact]
        public void A_failure_in_postoperation_rolls_back_the_row_and_every_nested_write()
        {
            var org = TestOrganization.With(typeof(FollowUpThenRefusePlugin));

            var fault = TestOrganization.Fault(() => org.SystemService.Create(new Entity("account") { ["name"] = "Fail Corp" }));

            Assert.Equal("Accounts named Fail cannot be saved: rename it and save again.", fault.Message);
            Assert.Equal(DataverseFault.IsvAborted, fault.ErrorCode);
            Assert.Empty(org.All("account"));
            Assert.Empty(org.All("task"));
        }

        [Fact]
        public void A_successful_operation_keeps_its_nested_writes_and_counts_them_for_the_plugin()
        {
            var org = TestOrganization.With(typeof(FollowUpThenRefusePlugin));

            var account = org.SystemService.Create(new Entity("account") { ["name"] = "Contoso" });

            var task = Assert.Single(org.All("task"));
            Assert.Equal(account, task.GetAttributeValue<EntityReference>("regardingobjectid").Id);
            var execution = Assert.Single(org.Log.Of(typeof(FollowUpThenRefusePlugin)));
            Assert.Equal(1, execution.Calls("Create"));
            Assert.Equal(1, execution.TotalCalls);
            Assert.Contains("Entered LeadAlign.Tests.Dataverse.Pipeline.FollowUpThenRefusePlugin", execution.Trace);
        }

        [Fact]
        public void Calls_made_by_a_plugin_are_nested_operations_one_level_deeper()
        {
            var org = TestOrganization.With(typeof(FollowUpThenRefusePlugin), typeof(RankedSubjectPlugin));

            org.SystemService.Create(new Entity("account") { ["name"] = "Contoso" });

            var nested = org.Log.Of(typeof(RankedSubjectPlugin));
            Assert.Equal(new[] { 2, 2 }, nested.Select(run => run.Depth));
            Assert.Equal("Call Contoso+rank1+rank2", Assert.Single(org.All("task"))["subject"]);
        }

        [Fact]
        public void A_plugin_that_keeps_triggering_itself_is_stopped_by_the_depth_limit_and_nothing_is_saved()
        {
            var org = TestOrganization.With(typeof(EndlessTaskPlugin));
            var id = org.SystemService.Create(new Entity("task") { ["subject"] = "Loop" });

            var fault = TestOrganization.Fault(() => org.SystemService.Update(new Entity("task", id) { ["description"] = "start" }));

            Assert.Equal(DataverseFault.InfiniteLoopDetected, fault.ErrorCode);
            Assert.Contains("infinite loop", fault.Message);
            Assert.Equal(8, org.Log.Of(typeof(EndlessTaskPlugin)).Max(run => run.Depth));
            Assert.False(org.Get("task", id)!.Contains("description"));
        }

        [Fact]
        public void A_prevalidation_refusal_at_depth_one_writes_nothing()
        {
            var org = TestOrganization.With(typeof(RefuseInPreValidationPlugin), typeof(StampDescriptionPlugin));

            var fault = TestOrganization.Fault(() => org.SystemService.Create(new Entity("lead") { ["lastname"] = "Refused" }));

            Assert.Equal("This lead is refused before validation.", fault.Message);
            Assert.Empty(org.All("lead"));
            Assert.Empty(org.Log.Of(typeof(StampDescriptionPlugin)));
        }

        [Fact]
        public void An_unexpected_exception_reaches_the_caller_as_the_platform_reports_it()
        {
            var org = TestOrganization.With(typeof(CrashingPlugin));

            var fault = TestOrganization.Fault(() => org.SystemService.Create(new Entity("campaign") { ["name"] = "crash" }));

            Assert.StartsWith("Unexpected exception from plug-in (Execute): LeadAlign.Tests.Dataverse.Pipeline.CrashingPlugin: System.DivideByZeroException", fault.Message);
            Assert.Empty(org.All("campaign"));
        }

        [Fact]
        public void Asynchronous_steps_run_only_after_the_operation_commits_when_the_queue_is_drained()
        {
            var org = TestOrganization.With(typeof(AsyncFollowUpPlugin));
            var lead = org.SystemService.Create(new Entity("lead") { ["lastname"] = "Novak" });

            org.SystemService.Create(new Entity("phonecall") { ["subject"] = "Intro", ["regardingobjectid"] = new EntityReference("lead", lead) });
            Assert.Empty(org.All("task"));
            Assert.Equal(1, org.PendingAsyncJobs);

            Assert.Equal(1, org.DrainAsync());

            var task = Assert.Single(org.All("task"));
            Assert.Equal("Follow up: Intro", task["subject"]);
            Assert.Equal(lead, task.GetAttributeValue<EntityReference>("regardingobjectid").Id);
            Assert.Contains("Mode=1 InTransaction=False Depth=1", Assert.Single(org.Log.Of(typeof(AsyncFollowUpPlugin))).Trace);
        }

        [Fact]
        public void Asynchronous_work_of_a_rolled_back_operation_is_never_queued()
        {
            var org = TestOrganization.With(typeof(ContextProbePlugin), typeof(FollowUpThenRefusePlugin));

            var transaction = new Microsoft.Xrm.Sdk.Messages.ExecuteTransactionRequest
            {
                Requests = new OrganizationRequestCollection
                {
                    new Microsoft.Xrm.Sdk.Messages.CreateRequest { Target = new Entity("contact") { ["lastname"] = "Smith" } },
                    new Microsoft.Xrm.Sdk.Messages.CreateRequest { Target = new Entity("account") { ["name"] = "Fail Corp" } },
                },
            };
            var fault = TestOrganization.Fault(() => org.SystemService.Execute(transaction));

            Assert.Equal(1, ((ExecuteTransactionFault)fault).FaultedRequestIndex);
            Assert.Empty(org.All("contact"));
            Assert.Equal(0, org.PendingAsyncJobs);
        }

        [Fact]
        public void Configuration_reaches_the_constructor_and_one_cached_instance_serves_every_execution()
        {
            var stepId = new Guid("7a1f0007-0000-4000-8000-000000000001");
            var org = TestOrganization.With(
                new DataverseOptions { SecureConfigurations = new Dictionary<Guid, string> { [stepId] = "secure-setting" } },
                typeof(StatefulConfiguredPlugin));

            var first = org.SystemService.Create(new Entity("appointment") { ["subject"] = "Demo" });
            var second = org.SystemService.Create(new Entity("appointment") { ["subject"] = "Review" });

            Assert.Equal("unsecure-setting|secure-setting|1", org.Get("appointment", first)!["description"]);
            Assert.Equal("unsecure-setting|secure-setting|2", org.Get("appointment", second)!["description"]);
        }

        [Fact]
        public void A_failed_asynchronous_job_is_reported_without_undoing_the_committed_operation()
        {
            var org = TestOrganization.With(typeof(AsyncFollowUpPlugin));
            var lead = org.SystemService.Create(new Entity("lead") { ["lastname"] = "Novak" });
            var call = org.SystemService.Create(new Entity("phonecall") { ["subject"] = "Intro", ["regardingobjectid"] = new EntityReference("lead", lead) });
            org.SystemService.Delete("lead", lead);

            org.DrainAsync();

            Assert.NotNull(org.Get("phonecall", call));
            Assert.Contains($"lead With Id = {lead} Does Not Exist", Assert.Single(org.FailedAsyncJobs));
        }
    
        [Fact]
        public void A_plugin_changes_its_own_copy_of_the_target_never_the_callers_entity()
        {
            var org = TestOrganization.With(typeof(StampDescriptionPlugin));
            var lead = new Entity("lead") { ["lastname"] = "Novak" };

            org.SystemService.Create(lead);

            Assert.False(lead.Contains("description"));
            Assert.Equal(Guid.Empty, lead.Id);
        }
    }
}
