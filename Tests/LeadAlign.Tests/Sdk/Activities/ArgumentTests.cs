using System;
using System.Activities;
using System.Collections.Generic;
using System.ComponentModel;
using Xunit;

namespace LeadAlign.Tests.Sdk.Activities
{
    /// <summary>Reading and writing arguments inside Execute, and what WF4 refuses outside the activity's own run.</summary>
    public class ArgumentTests
    {
        [Fact]
        public void An_unbound_optional_in_argument_reads_as_the_default_of_its_type()
        {
            var probe = new Probe(context => { });

            WorkflowInvoker.Invoke(probe);

            Assert.Equal((0, (string?)null), probe.Seen);
        }

        [Fact]
        public void An_in_argument_set_during_execute_reads_back_the_new_value()
        {
            var outputs = WorkflowInvoker.Invoke(new Probe(context => { }) { Text = "before" }, new Dictionary<string, object>());
            var probe = new Probe(context => { });
            probe.Body = context => probe.Text.Set(context, "after");

            var rewritten = WorkflowInvoker.Invoke(probe);

            Assert.Equal("before", outputs["Copy"]);
            Assert.Equal("after", rewritten["Copy"]);
        }

        [Fact]
        public void The_context_value_accessors_read_and_write_the_same_values_as_the_argument_accessors()
        {
            object? untyped = null;
            long widened = 0;
            var probe = new Probe(context => { });
            probe.Body = context =>
            {
                untyped = context.GetValue((Argument)probe.Number);
                widened = probe.Number.Get<long>(context);
                context.SetValue(probe.Number, context.GetValue(probe.Number) + 1);
                context.SetValue((Argument)probe.Text, "set through the context");
            };

            var outputs = WorkflowInvoker.Invoke(probe, new Dictionary<string, object> { ["Number"] = 41 });

            Assert.Equal(41, untyped);
            Assert.Equal(41L, widened);
            Assert.Equal("set through the context", outputs["Copy"]);
            Assert.Equal(42, outputs["NumberCopy"]);
        }

        [Fact]
        public void Setting_an_argument_to_a_value_of_another_type_throws_InvalidCastException()
        {
            var probe = new Probe(context => { });
            probe.Body = context => probe.Text.Set(context, (object)42);

            Assert.Throws<InvalidCastException>(() => WorkflowInvoker.Invoke(probe));
        }

        [Fact]
        public void An_argument_of_another_activity_cannot_be_read_or_written()
        {
            var other = new Probe(context => { }) { Text = "theirs", DisplayName = "Other" };
            var never = new Probe(context => { }) { Number = 3 };
            WorkflowInvoker.Invoke(other);
            var faults = new List<Exception>();
            var snoop = new Probe(context =>
            {
                faults.Add(Record.Exception(() => other.Text.Get(context)));
                faults.Add(Record.Exception(() => other.Copy.Set(context, "mine")));
                faults.Add(Record.Exception(() => context.GetValue(never.Number)));
            }) { DisplayName = "Snoop" };

            WorkflowInvoker.Invoke(snoop);

            Assert.Collection(
                faults,
                read => Assert.Equal("Activity 'Snoop' can only get the location of arguments which it owns.  Activity 'Snoop' is trying to get the location of argument 'Text' which is owned by activity 'Other'.", Assert.IsType<InvalidOperationException>(read).Message),
                write => Assert.Contains("argument 'Copy' which is owned by activity 'Other'", Assert.IsType<InvalidOperationException>(write).Message),
                neverRun => Assert.Equal("The argument of type 'System.Int32' cannot be used.  Make sure that it is declared on an activity.", Assert.IsType<InvalidOperationException>(neverRun).Message));
        }

        [Fact]
        public void An_argument_declared_on_no_activity_cannot_be_used()
        {
            Exception? fault = null;
            var loose = new InArgument<string>("loose");

            WorkflowInvoker.Invoke(new Probe(context => fault = Record.Exception(() => loose.Get(context))));

            Assert.Equal("The argument of type 'System.String' cannot be used.  Make sure that it is declared on an activity.", Assert.IsType<InvalidOperationException>(fault).Message);
        }

        [Fact]
        public void The_context_cannot_be_used_after_execute_returns()
        {
            CodeActivityContext? kept = null;
            var probe = new Probe(context => kept = context) { Text = "x" };
            WorkflowInvoker.Invoke(probe);

            var read = Assert.Throws<ObjectDisposedException>(() => probe.Text.Get(kept!));
            Assert.Throws<ObjectDisposedException>(() => probe.Copy.Set(kept!, "late"));
            Assert.Throws<ObjectDisposedException>(() => kept!.GetExtension<IServiceProvider>());

            Assert.IsAssignableFrom<InvalidOperationException>(read);
            Assert.Contains("An ActivityContext can only be accessed within the scope of the function it was passed into.", read.Message);
        }

        [Fact]
        public void An_argument_needs_a_context()
        {
            var argument = new InArgument<string>("x");

            Assert.Throws<ArgumentNullException>("context", () => argument.Get(null!));
            Assert.Throws<ArgumentNullException>("context", () => ((Argument)argument).Set(null!, "y"));
        }

        [Fact]
        public void Argument_Create_makes_an_unbound_argument_of_the_type_and_direction()
        {
            var created = Argument.Create(typeof(Guid), ArgumentDirection.InOut);

            Assert.IsType<InOutArgument<Guid>>(created);
            Assert.Equal(typeof(Guid), created.ArgumentType);
            Assert.Equal(ArgumentDirection.InOut, created.Direction);
            Assert.Equal(ArgumentDirection.Out, Argument.Create(typeof(string), ArgumentDirection.Out).Direction);
            Assert.Throws<InvalidEnumArgumentException>(() => Argument.Create(typeof(string), (ArgumentDirection)7));
            Assert.Throws<ArgumentNullException>("type", () => Argument.Create(null!, ArgumentDirection.In));
        }

        [Fact]
        public void The_argument_classes_report_their_type_and_direction()
        {
            Argument implicitConstant = (InArgument<int>)5;

            Assert.Equal((typeof(int), ArgumentDirection.In), (implicitConstant.ArgumentType, implicitConstant.Direction));
            Assert.Equal((typeof(string), ArgumentDirection.Out), (new OutArgument<string>().ArgumentType, new OutArgument<string>().Direction));
            Assert.Equal("Result", Argument.ResultValue);
        }

        /// <summary>Runs Body, then copies Text to Copy and Number to NumberCopy, and remembers what it read.</summary>
        private sealed class Probe : CodeActivity
        {
            public Probe(Action<CodeActivityContext> body)
            {
                Body = body;
            }

            public Action<CodeActivityContext> Body { get; set; }

            public (int Number, string? Text) Seen { get; private set; }

            public InArgument<int> Number { get; set; } = null!;

            public InArgument<string> Text { get; set; } = null!;

            public OutArgument<string> Copy { get; set; } = null!;

            public OutArgument<int> NumberCopy { get; set; } = null!;

            protected override void Execute(CodeActivityContext context)
            {
                Seen = (Number.Get(context), Text.Get(context));
                Body(context);
                Copy.Set(context, Text.Get(context));
                NumberCopy.Set(context, Number.Get(context));
            }
        }
    }
}
