using System;
using System.Globalization;
using LeadAlign.Dataverse.Pipeline;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Service
{
    /// <summary>The services the platform hands a plug-in through its IServiceProvider.</summary>
    internal sealed class PluginServices : IServiceProvider, IOrganizationServiceFactory, ITracingService, IServiceEndpointNotificationService
    {
        private readonly MessageDispatcher _messages;
        private readonly Guid _systemUserId;
        private readonly IExecutionContext _context;
        private readonly ExecutionRecord _record;

        public PluginServices(MessageDispatcher messages, Guid systemUserId, IExecutionContext context, ExecutionRecord record)
        {
            _messages = messages;
            _systemUserId = systemUserId;
            _context = context;
            _record = record;
        }

        public object? GetService(Type serviceType)
        {
            if (serviceType.IsInstanceOfType(_context) && (serviceType == typeof(IPluginExecutionContext) || serviceType == typeof(IExecutionContext)))
            {
                return _context;
            }

            if (serviceType == typeof(IOrganizationServiceFactory))
            {
                return this;
            }

            if (serviceType == typeof(ITracingService))
            {
                return this;
            }

            return serviceType == typeof(IServiceEndpointNotificationService) ? this : null;
        }

        /// <summary>null runs as SYSTEM; Guid.Empty as the step's user; any other id as that user.</summary>
        public IOrganizationService CreateOrganizationService(Guid? userId)
        {
            var user = userId == null ? _systemUserId : userId == Guid.Empty ? _context.UserId : userId.Value;
            return new OrganizationService(_messages, new Caller(user, _context.InitiatingUserId, _context, _record));
        }

        public void Trace(string format, params object[] args)
        {
            _record.AddTrace(args == null || args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args));
        }

        public string Execute(EntityReference serviceEndpoint, IExecutionContext context) =>
            throw new NotSupportedException("The in-memory Dataverse has no Azure service endpoints: IServiceEndpointNotificationService is not modelled.");
    }
}
