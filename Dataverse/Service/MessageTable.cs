using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace LeadAlign.Dataverse.Service
{
    /// <summary>
    /// The messages the in-memory Dataverse supports, by name (case-sensitive, as the platform matches request names): every
    /// <see cref="MessageHandler"/> with a parameterless constructor in this assembly, that is, the classes of Messages/. Adding a
    /// message is adding its handler there. Two handlers for one message are refused when the table is built.
    /// </summary>
    internal sealed class MessageTable
    {
        private readonly Dictionary<string, MessageHandler> _handlers = new(StringComparer.Ordinal);

        public MessageTable(IEnumerable<MessageHandler> handlers)
        {
            foreach (var handler in handlers)
            {
                foreach (var message in handler.Messages)
                {
                    if (_handlers.TryGetValue(message, out var other))
                    {
                        throw new InvalidOperationException($"The message '{message}' has two handlers, {other.GetType().Name} and {handler.GetType().Name}: a message has one handler.");
                    }

                    _handlers[message] = handler;
                }
            }
        }

        /// <summary>The handlers of this assembly (Messages/).</summary>
        public static MessageTable BuiltIn { get; } = Discover(typeof(MessageTable).Assembly);

        /// <summary>The message names, in order.</summary>
        public IReadOnlyList<string> Messages => _handlers.Keys.OrderBy(name => name, StringComparer.Ordinal).ToList();

        /// <summary>Every handler of <paramref name="assembly"/> that can be created without arguments.</summary>
        public static MessageTable Discover(Assembly assembly) => new(assembly.GetTypes()
            .Where(type => typeof(MessageHandler).IsAssignableFrom(type) && !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) != null)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (MessageHandler)Activator.CreateInstance(type)!));

        /// <summary>The handler of a message, or null when the in-memory Dataverse does not support it.</summary>
        public MessageHandler? Find(string? message) => message != null && _handlers.TryGetValue(message, out var handler) ? handler : null;
    }
}
