using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Dataverse.Messages;
using LeadAlign.Dataverse.Service;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace LeadAlign.Tests.Dataverse.Service
{
    /// <summary>The table of message handlers: one handler per message, in Messages/, and the platform's refusal of any other message.</summary>
    public sealed class MessageTableTests
    {
        [Fact]
        public void The_handler_table_finds_every_message_the_in_memory_Dataverse_supports()
        {
            var supported = new HashSet<string>(StringComparer.Ordinal)
            {
                "AddMembersTeam", "Assign", "Associate", "Create", "CreateMultiple", "Delete", "Disassociate", "ExecuteMultiple",
                "ExecuteTransaction", "QualifyLead", "Retrieve", "RetrieveAllEntities", "RetrieveAttribute", "RetrieveEntity",
                "RetrieveMultiple", "SendEmail", "SetState", "SetStateDynamicEntity", "Update", "UpdateMultiple", "Upsert", "WhoAmI",
                "WinOpportunity", "LoseOpportunity", "RetrievePrincipalAccess",
            };

            Assert.Superset(supported, new HashSet<string>(MessageTable.BuiltIn.Messages, StringComparer.Ordinal));
            Assert.All(supported, message => Assert.Contains(message, MessageTable.BuiltIn.Find(message)!.Messages));
        }

        [Fact]
        public void Each_message_is_one_handler_file_in_Messages_named_after_the_message()
        {
            var handlers = typeof(InMemoryDataverse).Assembly.GetTypes()
                .Where(type => typeof(MessageHandler).IsAssignableFrom(type) && !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) != null)
                .Select(type => (MessageHandler)Activator.CreateInstance(type)!)
                .ToList();

            Assert.NotEmpty(handlers);
            foreach (var handler in handlers)
            {
                var type = handler.GetType();
                Assert.Equal("LeadAlign.Dataverse.Messages", type.Namespace);
                Assert.Equal(handler.Messages[0] + "Handler", type.Name);
                Assert.True(File.Exists(RepositoryLayout.PathInRepo("Dataverse", "Messages", type.Name + ".cs")), $"{type.Name} is not in Dataverse/Messages/{type.Name}.cs.");
                Assert.Same(handler.GetType(), MessageTable.BuiltIn.Find(handler.Messages[0])!.GetType());
            }

            var files = Directory.GetFiles(RepositoryLayout.PathInRepo("Dataverse", "Messages"), "*.cs").Select(Path.GetFileNameWithoutExtension).OrderBy(name => name, StringComparer.Ordinal);
            Assert.Equal(handlers.Select(handler => handler.GetType().Name).OrderBy(name => name, StringComparer.Ordinal), files);
        }

        [Fact]
        public void A_message_with_two_handlers_is_refused_when_the_table_is_built()
        {
            var refused = Assert.Throws<InvalidOperationException>(() => new MessageTable(new MessageHandler[] { new CreateHandler(), new UpdateHandler(), new CreateHandler() }));

            Assert.Equal("The message 'Create' has two handlers, CreateHandler and CreateHandler: a message has one handler.", refused.Message);
        }

        [Theory]
        [InlineData("PublishAllXml")]
        [InlineData("la_NoSuchApi")]
        [InlineData("create")]
        public void A_message_without_a_handler_or_Custom_API_is_refused_with_the_platforms_error(string message)
        {
            var org = new InMemoryDataverse();

            var fault = TestOrganization.Fault(() => org.SystemService.Execute(new OrganizationRequest(message)));

            Assert.Equal(DataverseFault.MessageNotSupported, fault.ErrorCode);
            Assert.Equal($"The message '{message}' is not supported by the in-memory Dataverse, and no Custom API of that name is in the solution.", fault.Message);
        }

        [Fact]
        public void An_unknown_message_inside_a_batch_is_refused_as_that_request_fails()
        {
            var org = new InMemoryDataverse();
            var batch = new ExecuteMultipleRequest
            {
                Requests = new OrganizationRequestCollection { new OrganizationRequest("PublishAllXml") },
                Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true },
            };

            var response = (ExecuteMultipleResponse)org.SystemService.Execute(batch);

            Assert.True(response.IsFaulted);
            var item = Assert.Single(response.Responses);
            Assert.Equal(DataverseFault.MessageNotSupported, item.Fault.ErrorCode);
        }
    }
}
