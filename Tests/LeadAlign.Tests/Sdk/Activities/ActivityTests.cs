using System;
using System.Activities;
using System.Collections.Generic;
using Xunit;

namespace LeadAlign.Tests.Sdk.Activities
{
    /// <summary>What an activity says about itself and about its run: display name, id, result type, instance ids.</summary>
    public class ActivityTests
    {
        [Fact]
        public void The_display_name_defaults_to_the_type_name_with_generic_arguments_spelled_out()
        {
            Assert.Equal("Stamp", new Stamp().DisplayName);
            Assert.Equal("Pass<Int32>", new Pass<int>().DisplayName);
            Assert.Equal("Pass<List<String>>", new Pass<List<string>>().DisplayName);
        }

        [Fact]
        public void A_display_name_that_is_set_is_kept_and_null_reads_as_empty()
        {
            var named = new Stamp { DisplayName = "Stamp the lead" };
            var cleared = new Stamp { DisplayName = null! };

            Assert.Equal("Stamp the lead", named.DisplayName);
            Assert.True(named.ShouldSerializeDisplayName());
            Assert.False(new Stamp().ShouldSerializeDisplayName());
            Assert.Equal(string.Empty, cleared.DisplayName);
        }

        [Fact]
        public void The_id_is_null_until_the_activity_runs_as_a_root_and_then_1()
        {
            var activity = new Stamp();
            var before = (activity.Id, activity.ToString());

            WorkflowInvoker.Invoke(activity);

            Assert.Equal(((string?)null, ": Stamp"), before);
            Assert.Equal(("1", "1: Stamp"), (activity.Id, activity.ToString()));
        }

        [Fact]
        public void Each_invocation_is_a_new_workflow_instance_whose_root_activity_instance_is_1()
        {
            var activity = new Stamp();

            var first = WorkflowInvoker.Invoke(activity);
            var second = WorkflowInvoker.Invoke(activity);

            Assert.NotEqual(Guid.Empty, first["WorkflowInstanceId"]);
            Assert.NotEqual(first["WorkflowInstanceId"], second["WorkflowInstanceId"]);
            Assert.Equal("1", first["ActivityInstanceId"]);
        }

        [Fact]
        public void An_activity_with_a_result_reports_its_result_type_and_an_unset_result_is_the_default()
        {
            var activity = new Pass<int>();

            var result = WorkflowInvoker.Invoke(activity, new Dictionary<string, object> { ["Value"] = 3 });
            var unset = WorkflowInvoker.Invoke(new Pass<string>());

            Assert.Equal(typeof(int), activity.ResultType);
            Assert.Equal(3, result);
            Assert.Null(unset);
            Assert.Equal(typeof(int), activity.Result.ArgumentType);
        }

        private sealed class Stamp : CodeActivity
        {
            public OutArgument<Guid> WorkflowInstanceId { get; set; } = null!;

            public OutArgument<string> ActivityInstanceId { get; set; } = null!;

            protected override void Execute(CodeActivityContext context)
            {
                WorkflowInstanceId.Set(context, context.WorkflowInstanceId);
                ActivityInstanceId.Set(context, context.ActivityInstanceId);
            }
        }

        private sealed class Pass<T> : CodeActivity<T>
        {
            public InArgument<T> Value { get; set; } = null!;

            protected override T Execute(CodeActivityContext context) => Value.Get(context);
        }
    }
}
