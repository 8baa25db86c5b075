using System;
using System.Activities;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace LeadAlign.Tests.Sdk.Activities
{
    public class WorkflowInvokerTests
    {
        [Fact]
        public void Inputs_bind_to_in_arguments_by_name_and_outputs_come_back_by_name()
        {
            var outputs = WorkflowInvoker.Invoke(new Greet(), new Dictionary<string, object> { ["Name"] = "Riley" });

            Assert.Equal("Hello Riley", outputs["Greeting"]);
            Assert.Equal(new[] { "Greeting" }, outputs.Keys.ToArray());
        }

        [Fact]
        public void An_input_that_matches_no_argument_is_refused()
        {
            var fault = Assert.Throws<ArgumentException>(() => WorkflowInvoker.Invoke(new Greet(), new Dictionary<string, object> { ["name"] = "Riley" }));

            Assert.Contains("name", fault.Message);
        }

        [Fact]
        public void An_unsupplied_required_argument_fails_validation_before_execute()
        {
            var activity = new Greet();

            var fault = Assert.Throws<InvalidWorkflowException>(() => WorkflowInvoker.Invoke(activity));

            Assert.Contains("'Name'", fault.Message);
            Assert.Equal(0, activity.Runs);
        }

        [Fact]
        public void A_constant_set_on_the_activity_supplies_the_argument()
        {
            var outputs = WorkflowInvoker.Invoke(new Greet { Name = "Sam" });

            Assert.Equal("Hello Sam", outputs["Greeting"]);
        }

        [Fact]
        public void An_input_of_the_wrong_type_is_refused()
        {
            Assert.Throws<ArgumentException>(() => WorkflowInvoker.Invoke(new Greet(), new Dictionary<string, object> { ["Name"] = 42 }));
        }

        [Fact]
        public void An_unset_optional_argument_reads_as_default_and_an_unset_output_returns_default()
        {
            var outputs = WorkflowInvoker.Invoke(new Count());

            Assert.Equal(0, outputs["Twice"]);
        }

        [Fact]
        public void Extensions_are_found_by_type_and_providers_run_once_per_invocation()
        {
            var created = 0;
            var invoker = new WorkflowInvoker(new ReadExtension());
            invoker.Extensions.Add<IFormatProvider>(() =>
            {
                created++;
                return System.Globalization.CultureInfo.InvariantCulture;
            });

            var outputs = invoker.Invoke(new Dictionary<string, object>());

            Assert.Equal(true, outputs["Found"]);
            Assert.Equal(1, created);
        }

        [Fact]
        public void A_missing_extension_reads_as_null()
        {
            var outputs = WorkflowInvoker.Invoke(new ReadExtension());

            Assert.Equal(false, outputs["Found"]);
        }

        [Fact]
        public void An_exception_from_execute_propagates_unchanged()
        {
            var fault = Assert.Throws<TimeoutException>(() => WorkflowInvoker.Invoke(new Fail()));

            Assert.Equal("boom", fault.Message);
        }

        [Fact]
        public void One_activity_instance_serves_concurrent_invocations_with_their_own_values()
        {
            var shared = new Greet();

            var results = Enumerable.Range(0, 50).AsParallel()
                .Select(i => (i, WorkflowInvoker.Invoke(shared, new Dictionary<string, object> { ["Name"] = "n" + i })["Greeting"]))
                .ToList();

            Assert.All(results, r => Assert.Equal("Hello n" + r.i, r.Item2));
        }

        [Fact]
        public void An_argument_cannot_be_read_outside_its_run()
        {
            var activity = new Leak();
            WorkflowInvoker.Invoke(activity);

            Assert.Throws<ObjectDisposedException>(() => activity.Input.Get(activity.Context!));
        }

        private sealed class Greet : CodeActivity
        {
            public int Runs { get; private set; }

            [RequiredArgument]
            public InArgument<string> Name { get; set; } = null!;

            public OutArgument<string> Greeting { get; set; } = null!;

            protected override void Execute(CodeActivityContext context)
            {
                Runs++;
                Greeting.Set(context, "Hello " + Name.Get(context));
            }
        }

        private sealed class Count : CodeActivity
        {
            public InArgument<int> Value { get; set; } = null!;

            public OutArgument<int> Twice { get; set; } = null!;

            protected override void Execute(CodeActivityContext context)
            {
                var value = Value.Get(context);
                if (value != 0)
                {
                    Twice.Set(context, value * 2);
                }
            }
        }

        private sealed class ReadExtension : CodeActivity
        {
            public OutArgument<bool> Found { get; set; } = null!;

            protected override void Execute(CodeActivityContext context)
            {
                var first = context.GetExtension<IFormatProvider>();
                var second = context.GetExtension<IFormatProvider>();
                Found.Set(context, first != null && ReferenceEquals(first, second));
            }
        }

        private sealed class Fail : CodeActivity
        {
            protected override void Execute(CodeActivityContext context) => throw new TimeoutException("boom");
        }

        private sealed class Leak : CodeActivity
        {
            public CodeActivityContext? Context { get; private set; }

            public InArgument<string> Input { get; set; } = new InArgument<string>("x");

            protected override void Execute(CodeActivityContext context) => Context = context;
        }
    }
}
