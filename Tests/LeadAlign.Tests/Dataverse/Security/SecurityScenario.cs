using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Tests.Dataverse.Security
{
    /// <summary>
    /// An organization with the solution imported and security roles enforced, its steps and workflows left out so the scenarios
    /// test the security model alone: a root unit (LeadAlign) with two sales units below it, North and South, and below North a
    /// district, North-East. Everyone holds the test's base role (reading users, teams and business units, as the platform's
    /// Basic User role lets them).
    /// </summary>
    internal sealed class SecurityScenario
    {
        public const string BaseRole = "Basic User";

        /// <param name="enforce">Whether the organization enforces security roles.</param>
        /// <param name="plugins">The test plug-in classes whose declared steps run instead of the solution's.</param>
        public SecurityScenario(bool enforce = true, params Type[] plugins)
        {
            Org = LeadAlignOrganization.Start(options => options with
            {
                EnforceSecurityRoles = enforce,
                Steps = LeadAlign.Dataverse.Registration.StepRegistration.FromTypes(plugins),
                PluginAssemblies = options.PluginAssemblies.Append(typeof(SecurityScenario).Assembly).ToList(),
                Workflows = Array.Empty<LeadAlign.Dataverse.Workflows.WorkflowDefinition>(),
            });
            Org.AddRole(BaseRole, new Dictionary<string, PrivilegeDepths>
            {
                ["prvReadUser"] = PrivilegeDepths.Global,
                ["prvReadTeam"] = PrivilegeDepths.Global,
                ["prvReadBusinessUnit"] = PrivilegeDepths.Global,
            });
            North = Unit("North", Org.RootBusinessUnitId);
            South = Unit("South", Org.RootBusinessUnitId);
            NorthEast = Unit("North-East", North);
        }

        public InMemoryDataverse Org { get; }

        public Guid North { get; }

        public Guid South { get; }

        public Guid NorthEast { get; }

        /// <summary>A user of <paramref name="unit"/> holding the base role and the named roles.</summary>
        public Guid User(string name, Guid unit, params string[] roles)
        {
            var user = Org.AddUser(name, unit);
            Org.AssignRole(user, BaseRole);
            foreach (var role in roles)
            {
                Org.AssignRole(user, role);
            }

            return user;
        }

        /// <summary>A lead owned by <paramref name="owner"/>, as earlier work left it (seeded, no checks).</summary>
        public Guid LeadOf(Guid owner, string lastName)
        {
            var id = Org.NewId();
            Org.Seed(new[] { new Entity(LeadTable.EntityName, id) { ["lastname"] = lastName, ["ownerid"] = new EntityReference("systemuser", owner) } });
            return id;
        }

        private Guid Unit(string name, Guid parent) =>
            Org.SystemService.Create(new Entity("businessunit") { ["name"] = name, ["parentbusinessunitid"] = new EntityReference("businessunit", parent) });
    }
}
