using System;
using System.Activities;
using System.Activities.Hosting;
using System.Collections.Generic;
using Xunit;

namespace LeadAlign.Tests.Sdk.Activities
{
    /// <summary>Host extensions (how Dataverse hands a workflow activity IWorkflowContext and its services) as WF4 offers them.</summary>
    public class ExtensionTests
    {
        [Fact]
        public void A_singleton_extension_is_found_by_any_type_it_is_assignable_to()
        {
            var clock = new FixedClock();
            var invoker = new WorkflowInvoker(new Lookup());
            invoker.Extensions.Add(clock);

            var outputs = invoker.Invoke();

            Assert.Same(clock, outputs["Clock"]);
            Assert.Same(clock, outputs["Concrete"]);
        }

        [Fact]
        public void A_provider_is_called_once_per_invocation()
        {
            var created = new List<FixedClock>();
            var invoker = new WorkflowInvoker(new Lookup());
            invoker.Extensions.Add<IClock>(() =>
            {
                var clock = new FixedClock();
                created.Add(clock);
                return clock;
            });

            var first = invoker.Invoke();
            var second = invoker.Invoke();

            Assert.Equal(2, created.Count);
            Assert.Same(created[0], first["Clock"]);
            Assert.Same(created[0], first["ClockAgain"]);
            Assert.Same(created[0], first["Concrete"]);
            Assert.Same(created[1], second["Clock"]);
        }

        [Fact]
        public void A_missing_extension_reads_as_null()
        {
            var outputs = WorkflowInvoker.Invoke(new Lookup());

            Assert.Null(outputs["Clock"]);
            Assert.Null(outputs["Concrete"]);
        }

        [Fact]
        public void The_extensions_are_read_only_once_the_invoker_has_run()
        {
            var invoker = new WorkflowInvoker(new Lookup());
            invoker.Extensions.Add(new FixedClock());

            invoker.Invoke();

            Assert.Throws<InvalidOperationException>(() => invoker.Extensions.Add(new FixedClock()));
            Assert.Throws<InvalidOperationException>(() => invoker.Extensions.Add<IClock>(() => new FixedClock()));
        }

        [Fact]
        public void A_null_extension_or_provider_is_refused()
        {
            var manager = new WorkflowInstanceExtensionManager();

            Assert.Throws<ArgumentNullException>("singletonExtension", () => manager.Add(null!));
            Assert.Throws<ArgumentNullException>("extensionCreationFunction", () => manager.Add<IClock>(null!));
        }

        private interface IClock
        {
            DateTime UtcNow { get; }
        }

        private sealed class FixedClock : IClock
        {
            public DateTime UtcNow { get; } = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        }

        private sealed class Lookup : CodeActivity
        {
            public OutArgument<IClock> Clock { get; set; } = null!;

            public OutArgument<IClock> ClockAgain { get; set; } = null!;

            public OutArgument<FixedClock> Concrete { get; set; } = null!;

            protected override void Execute(CodeActivityContext context)
            {
                Clock.Set(context, context.GetExtension<IClock>());
                ClockAgain.Set(context, context.GetExtension<IClock>());
                Concrete.Set(context, context.GetExtension<FixedClock>());
            }
        }
    }
}
