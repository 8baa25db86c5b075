using System.Collections.Generic;
using LeadAlign.Dataverse.Metadata;

namespace LeadAlign.Tests.Lifecycle
{
    /// <summary>
    /// The lifecycle organization's users with the roles the solution ships, each beside a platform base role ("Basic User": reading
    /// users, teams, business units and queues, as the platform's Basic User lets everyone): the reps hold LeadAlign Sales Rep, the
    /// marketer LeadAlign Marketing User, the admin LeadAlign Administrator.
    /// </summary>
    internal static class ShippedRoles
    {
        public const string BaseRole = "Basic User";
        public const string SalesRep = "LeadAlign Sales Rep";
        public const string MarketingUser = "LeadAlign Marketing User";
        public const string Administrator = "LeadAlign Administrator";

        /// <summary>A lifecycle organization that enforces security roles, its users given the shipped roles.</summary>
        public static LifecycleFixture Organization()
        {
            var fixture = new LifecycleFixture(organization: options => options with { EnforceSecurityRoles = true });
            var org = fixture.Org;
            org.AddRole(BaseRole, new Dictionary<string, PrivilegeDepths>
            {
                ["prvReadUser"] = PrivilegeDepths.Global,
                ["prvReadTeam"] = PrivilegeDepths.Global,
                ["prvReadBusinessUnit"] = PrivilegeDepths.Global,
                ["prvReadQueue"] = PrivilegeDepths.Global,
            });
            foreach (var rep in fixture.Reps)
            {
                org.AssignRole(rep, BaseRole);
                org.AssignRole(rep, SalesRep);
            }

            org.AssignRole(fixture.Marketer, BaseRole);
            org.AssignRole(fixture.Marketer, MarketingUser);
            org.AssignRole(fixture.Admin, BaseRole);
            org.AssignRole(fixture.Admin, Administrator);
            return fixture;
        }
    }
}
