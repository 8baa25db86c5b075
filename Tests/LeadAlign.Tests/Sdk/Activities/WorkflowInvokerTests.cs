using System;
using System.Activities;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Sdk.Activities
{
    /// <summary>WorkflowInvoker runs one activity as WF4 runs a root activity: binding, validation, outputs, faults, reuse.</summary>
    public class WorkflowInvokerTests
    {
        [Fact]
        public void Inputs_bind_to_in_arguments_by_property_name()
        {
            var outputs = WorkflowInvoker.Invoke(new Greet(), new Dictionary<string, object> { ["Name"] = "Riley", ["Salutation"] = "Hi" });

            Assert.Equal("Hi Riley", outputs["Greeting"]);
        }

        [Fact]
        public void Invoke_returns_every_out_and_in_out_argument_by_name_and_no_in_argument()
        {
            var outputs = WorkflowInvoker.Invoke(new Tally(), new Dictionary<string, object> { ["Amount"] = 5, ["Running"] = 10 });

            Assert.Equal(new[] { "Doubled", "Running" }, outputs.Keys.OrderBy(key => key, StringComparer.Ordinal).ToArray());
            Assert.Equal(15, outputs["Running"]);
            Assert.Equal(10, outputs["Doubled"]);
        }

        [Fact]
        public void An_unset_out_argument_is_returned_as_the_default_of_its_type()
        {
            var outputs = WorkflowInvoker.Invoke(new Silent());

            Assert.Equal(0, outputs["Count"]);
            Assert.Equal(Guid.Empty, outputs["LeadId"]);
            Assert.True(outputs.ContainsKey("Text"));
            Assert.Null(outputs["Text"]);
        }

        [Fact]
        public void An_input_that_matches_no_argument_is_refused_before_execute()
        {
            var activity = new Greet();

            var fault = Assert.Throws<ArgumentException>(() => WorkflowInvoker.Invoke(activity, new Dictionary<string, object> { ["Name"] = "Riley", ["name"] = "Riley" }));

            Assert.StartsWith("The values provided for the root activity's arguments did not satisfy the root activity's requirements:", fault.Message);
            Assert.Contains("'Greet': The following keys from the input dictionary do not map to arguments and must be removed: name.", fault.Message);
            Assert.Equal("rootArgumentValues", fault.ParamName);
            Assert.Equal(0, activity.Runs);
        }

        [Fact]
        public void An_input_naming_an_out_argument_is_refused()
        {
            var fault = Assert.Throws<ArgumentException>(() => WorkflowInvoker.Invoke(new Greet(), new Dictionary<string, object> { ["Name"] = "Riley", ["Greeting"] = "Hey" }));

            Assert.Contains("must be removed: Greeting.", fault.Message);
        }

        [Fact]
        public void An_unsupplied_required_argument_fails_validation_before_execute()
        {
            var activity = new Greet();

            var noInputs = Assert.Throws<ArgumentException>(() => WorkflowInvoker.Invoke(activity));
            var otherInputs = Assert.Throws<ArgumentException>(() => WorkflowInvoker.Invoke(activity, new Dictionary<string, object> { ["Salutation"] = "Hi" }));

            Assert.Equal(
                "The root activity's argument settings are incorrect.  Either fix the workflow definition or supply input values to fix these errors:\n"
                + "'Greet': Value for a required activity argument 'Name' was not supplied. (Parameter 'rootArgumentValues')",
                noInputs.Message);
            Assert.Contains("'Greet': Value for a required activity argument 'Name' was not supplied.", otherInputs.Message);
            Assert.Equal(0, activity.Runs);
        }

        [Fact]
        public void A_required_argument_bound_to_a_constant_on_the_activity_needs_no_input()
        {
            var lead = new EntityReference("lead", Guid.NewGuid());

            var outputs = WorkflowInvoker.Invoke(new Describe { Lead = new InArgument<EntityReference>(lead) });

            Assert.Equal("lead " + lead.Id, outputs["Description"]);
        }

        [Fact]
        public void A_constant_from_the_implicit_conversion_supplies_the_argument_when_no_input_names_it()
        {
            var outputs = WorkflowInvoker.Invoke(new Greet { Name = "Sam", Salutation = InArgument<string>.FromValue("Dear") });

            Assert.Equal("Dear Sam", outputs["Greeting"]);
        }

        [Fact]
        public void An_input_takes_precedence_over_the_constant_set_on_the_activity()
        {
            var outputs = WorkflowInvoker.Invoke(new Greet { Name = "Sam" }, new Dictionary<string, object> { ["Name"] = "Riley" });

            Assert.Equal("Hello Riley", outputs["Greeting"]);
        }

        [Fact]
        public void An_input_of_the_wrong_type_is_refused_before_execute()
        {
            var activity = new Greet();

            var fault = Assert.Throws<ArgumentException>(() => WorkflowInvoker.Invoke(activity, new Dictionary<string, object> { ["Name"] = 42 }));

            Assert.Contains("'Greet': Expected an input parameter value of type 'System.String' for parameter named 'Name'.", fault.Message);
            Assert.Equal(0, activity.Runs);
        }

        [Fact]
        public void A_null_input_is_accepted_for_a_reference_type_and_refused_for_a_value_type()
        {
            var outputs = WorkflowInvoker.Invoke(new Greet(), new Dictionary<string, object> { ["Name"] = null!, ["Salutation"] = "Hi" });
            var fault = Assert.Throws<ArgumentException>(() => WorkflowInvoker.Invoke(new Tally(), new Dictionary<string, object> { ["Amount"] = null! }));

            Assert.Equal("Hi ", outputs["Greeting"]);
            Assert.Contains("Expected an input parameter value of type 'System.Int32' for parameter named 'Amount'.", fault.Message);
        }

        [Fact]
        public void An_input_of_a_narrower_numeric_type_is_converted_as_WF_converts_it()
        {
            var outputs = WorkflowInvoker.Invoke(new Widen(), new Dictionary<string, object> { ["Value"] = 7 });

            Assert.Equal(7L, outputs["Same"]);
            Assert.IsType<long>(outputs["Same"]);
        }

        [Fact]
        public void An_exception_from_execute_propagates_unchanged()
        {
            var thrown = new InvalidPluginExecutionException("Configure a team first.");

            var caught = Assert.Throws<InvalidPluginExecutionException>(() => WorkflowInvoker.Invoke(new Fail(thrown)));

            Assert.Same(thrown, caught);
        }

        [Fact]
        public void Invoking_the_same_activity_again_starts_from_fresh_argument_values()
        {
            var activity = new Tally();

            var first = WorkflowInvoker.Invoke(activity, new Dictionary<string, object> { ["Amount"] = 5 });
            var second = WorkflowInvoker.Invoke(activity, new Dictionary<string, object> { ["Amount"] = 5 });

            Assert.Equal(5, first["Running"]);
            Assert.Equal(5, second["Running"]);
            Assert.Equal(10, second["Doubled"]);
        }

        [Fact]
        public void The_same_activity_instance_runs_concurrently_with_its_own_argument_values()
        {
            const int Runs = 8;
            var shared = new Echo<string>();
            using var allInside = new Barrier(Runs);
            var results = new string?[Runs];
            var failures = new List<Exception>();
            var threads = Enumerable.Range(0, Runs).Select(i => new Thread(() =>
            {
                try
                {
                    var invoker = new WorkflowInvoker(shared);
                    invoker.Extensions.Add(allInside);
                    results[i] = (string?)invoker.Invoke(new Dictionary<string, object> { ["Value"] = "run " + i })["Copy"];
                }
                catch (Exception e)
                {
                    lock (failures)
                    {
                        failures.Add(e);
                    }
                }
            })).ToList();

            threads.ForEach(thread => thread.Start());
            threads.ForEach(thread => thread.Join());

            Assert.Empty(failures);
            Assert.Equal(Enumerable.Range(0, Runs).Select(i => "run " + i), results);
            Assert.True(shared.AllWereInsideAtOnce, "the runs did not overlap, so the test proved nothing");
        }

        [Fact]
        public void Argument_properties_left_null_are_given_an_argument_once_and_keep_it()
        {
            var activity = new Greet { Name = "Sam" };

            WorkflowInvoker.Invoke(activity);
            var greeting = activity.Greeting;
            WorkflowInvoker.Invoke(activity);

            Assert.NotNull(greeting);
            Assert.Same(greeting, activity.Greeting);
        }

        [Fact]
        public void One_argument_object_declared_by_two_properties_makes_the_workflow_invalid()
        {
            var both = new InArgument<string>("x");
            var activity = new Twins { First = both, Second = both };

            var fault = Assert.Throws<InvalidWorkflowException>(() => WorkflowInvoker.Invoke(activity));

            Assert.StartsWith("The following errors were encountered while processing the workflow tree:\n'Twins': RuntimeArgument 'First'", fault.Message);
            Assert.Contains("shared by more than one public Argument property", fault.Message);
            Assert.False(activity.Ran);
        }

        [Fact]
        public void A_code_activity_with_a_result_returns_what_execute_returned()
        {
            var inputs = new Dictionary<string, object> { ["Operand1"] = 10, ["Operand2"] = 15 };

            var typed = WorkflowInvoker.Invoke(new Add(), inputs);
            var outputs = WorkflowInvoker.Invoke((Activity)new Add(), inputs);

            Assert.Equal(25, typed);
            Assert.Equal(new Dictionary<string, object> { ["Result"] = 25 }, outputs);
        }

        [Fact]
        public void The_non_generic_invoke_overloads_require_an_inputs_dictionary_and_the_generic_one_does_not()
        {
            Assert.Throws<ArgumentNullException>("inputs", () => WorkflowInvoker.Invoke(new Greet { Name = "Sam" }, null!));
            Assert.Throws<ArgumentNullException>("inputs", () => new WorkflowInvoker(new Greet { Name = "Sam" }).Invoke(null!));
            Assert.Equal(7, WorkflowInvoker.Invoke(new Add { Operand1 = 3, Operand2 = 4 }, null!));
        }

        [Fact]
        public void A_null_workflow_is_refused()
        {
            Assert.Throws<ArgumentNullException>("workflow", () => new WorkflowInvoker(null!));
            Assert.Throws<ArgumentNullException>("workflow", () => WorkflowInvoker.Invoke((Activity)null!));
        }

        private sealed class Greet : CodeActivity
        {
            private int _runs;

            public int Runs => _runs;

            [RequiredArgument]
            public InArgument<string> Name { get; set; } = null!;

            public InArgument<string> Salutation { get; set; } = null!;

            public OutArgument<string> Greeting { get; set; } = null!;

            protected override void Execute(CodeActivityContext context)
            {
                Interlocked.Increment(ref _runs);
                Greeting.Set(context, (Salutation.Get(context) ?? "Hello") + " " + Name.Get(context));
            }
        }

        private sealed class Describe : CodeActivity
        {
            [RequiredArgument]
            public InArgument<EntityReference> Lead { get; set; } = null!;

            public OutArgument<string> Description { get; set; } = null!;

            protected override void Execute(CodeActivityContext context)
            {
                var lead = Lead.Get(context);
                Description.Set(context, lead.LogicalName + " " + lead.Id);
            }
        }

        /// <summary>Adds Amount to the InOut Running total and reports twice the total as Doubled.</summary>
        private sealed class Tally : CodeActivity
        {
            public InArgument<int> Amount { get; set; } = null!;

            public InOutArgument<int> Running { get; set; } = null!;

            public OutArgument<int> Doubled { get; set; } = null!;

            protected override void Execute(CodeActivityContext context)
            {
                Running.Set(context, Running.Get(context) + Amount.Get(context));
                Doubled.Set(context, Doubled.Get(context) + (2 * Amount.Get(context)));
            }
        }

        private sealed class Silent : CodeActivity
        {
            public OutArgument<int> Count { get; set; } = null!;

            public OutArgument<Guid> LeadId { get; set; } = null!;

            public OutArgument<string> Text { get; set; } = null!;

            protected override void Execute(CodeActivityContext context)
            {
            }
        }

        private sealed class Widen : CodeActivity
        {
            public InArgument<long> Value { get; set; } = null!;

            public OutArgument<long> Same { get; set; } = null!;

            protected override void Execute(CodeActivityContext context) => Same.Set(context, Value.Get(context));
        }

        private sealed class Fail : CodeActivity
        {
            private readonly Exception _exception;

            public Fail(Exception exception)
            {
                _exception = exception;
            }

            protected override void Execute(CodeActivityContext context) => throw _exception;
        }

        /// <summary>Copies Value to Copy, waiting (through a Barrier extension) until every concurrent run has read its Value.</summary>
        private sealed class Echo<T> : CodeActivity
        {
            private int _overlapped = 1;

            public bool AllWereInsideAtOnce => Volatile.Read(ref _overlapped) == 1;

            public InArgument<T> Value { get; set; } = null!;

            public OutArgument<T> Copy { get; set; } = null!;

            protected override void Execute(CodeActivityContext context)
            {
                var before = Value.Get(context);
                if (!context.GetExtension<Barrier>()!.SignalAndWait(TimeSpan.FromSeconds(30)))
                {
                    Volatile.Write(ref _overlapped, 0);
                }

                Copy.Set(context, Value.Get(context));
                Assert.Equal(before, Copy.Get(context));
            }
        }

        private sealed class Twins : CodeActivity
        {
            public bool Ran { get; private set; }

            public InArgument<string> First { get; set; } = null!;

            public InArgument<string> Second { get; set; } = null!;

            protected override void Execute(CodeActivityContext context) => Ran = true;
        }

        private sealed class Add : CodeActivity<int>
        {
            [RequiredArgument]
            public InArgument<int> Operand1 { get; set; } = null!;

            [RequiredArgument]
            public InArgument<int> Operand2 { get; set; } = null!;

            protected override int Execute(CodeActivityContext context) => Operand1.Get(context) + Operand2.Get(context);
        }
    }
}
