using System;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Plugins;
using LeadAlign.Schema;
using LeadAlign.WorkflowActivities;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Benchmarks
{
    /// <summary>
    /// An organization with the solution imported whose shipped agreement routes to a sales team of reps, with a marketer who
    /// creates the leads: the set-up the handoff benchmarks share.
    /// </summary>
    internal sealed class SalesOrganization
    {
        private static readonly Guid AgreementId = new("1ead5c0e-b000-4000-8000-000000000001");

        public SalesOrganization(int reps, int maxOpenLeadsPerRep)
        {
            Org = new InMemoryDataverse(DataverseOptions.ForSolution(ScoringBenchmarks.SolutionFolder(), typeof(PluginBase).Assembly, typeof(WorkflowActivityBase).Assembly));
            Org.DrainAsync();
            Marketer = Org.AddUser("Mia Marketing");
            var team = Org.SystemService.Create(new Entity("team") { ["name"] = "Inside sales", ["businessunitid"] = new EntityReference("businessunit", Org.RootBusinessUnitId) });
            Reps = Enumerable.Range(1, reps).Select(index => Org.AddUser("Rep " + index)).ToArray();
            Org.SystemService.Execute(new AddMembersTeamRequest { TeamId = team, MemberIds = Reps });
            Org.SystemService.Update(new Entity(AgreementTable.EntityName, AgreementId) { [AgreementTable.SalesTeamId] = new EntityReference("team", team), [AgreementTable.MaxOpenLeadsPerRep] = maxOpenLeadsPerRep });
            Org.DrainAsync();
        }

        public InMemoryDataverse Org { get; }

        public Guid Marketer { get; }

        public Guid[] Reps { get; }

        /// <summary>A lead the default model scores as an MQL at creation (a senior title at a large company with a business phone).</summary>
        public static Entity QualifiedLead(string name) => new(LeadTable.EntityName)
        {
            ["lastname"] = name,
            ["companyname"] = "Contoso",
            ["jobtitle"] = "Chief Operating Officer",
            ["numberofemployees"] = 1500,
            ["revenue"] = new Money(20_000_000m),
            ["telephone1"] = "+1 555 0100",
        };
    }
}
