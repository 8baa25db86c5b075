using System;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Runtime
{
    /// <summary>
    /// The organization services of one execution, each created on first use and then reused:
    /// the initiating user's, the user the step or workflow runs as, and SYSTEM's.
    /// Creating a service is not free on the platform, and most executions need one or none.
    /// </summary>
    internal sealed class OrganizationServices
    {
        private readonly Lazy<IOrganizationServiceFactory> _factory;
        private readonly Lazy<IOrganizationService> _initiatingUser;
        private readonly Lazy<IOrganizationService> _runAsUser;
        private readonly Lazy<IOrganizationService> _system;

        public OrganizationServices(Func<IOrganizationServiceFactory> factory, Guid runAsUserId, Guid initiatingUserId)
        {
            _factory = new Lazy<IOrganizationServiceFactory>(factory);
            _initiatingUser = new Lazy<IOrganizationService>(() => _factory.Value.CreateOrganizationService(initiatingUserId));
            _runAsUser = new Lazy<IOrganizationService>(() => _factory.Value.CreateOrganizationService(runAsUserId));
            _system = new Lazy<IOrganizationService>(() => _factory.Value.CreateOrganizationService(null));
        }

        public IOrganizationServiceFactory Factory => _factory.Value;

        /// <summary>Runs as the user whose action started the operation.</summary>
        public IOrganizationService InitiatingUser => _initiatingUser.Value;

        /// <summary>Runs as the user the step is registered to run as (the calling user unless impersonated), or the workflow's owner.</summary>
        public IOrganizationService RunAsUser => _runAsUser.Value;

        /// <summary>Runs as SYSTEM: bypasses the user's privileges. Use for the suite's own bookkeeping only.</summary>
        public IOrganizationService System => _system.Value;
    }
}
