using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Schema;
using LeadAlign.Tests.Support;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Tests.Lifecycle
{
    /// <summary>
    /// An organization with LeadAlign imported and its agreement configured: a sales team of reps, a marketing team, a
    /// LeadAlign administrator. Leads made by <see cref="QualifiedLead"/> score 65 with every required column, so they become MQLs.
    /// </summary>
    internal sealed class LifecycleFixture
    {
        public const int Inquiry = (int)LeadStage.Inquiry;
        public const int Mql = (int)LeadStage.Mql;
        public const int Sal = (int)LeadStage.Sal;
        public const int Sql = (int)LeadStage.Sql;
        public const int Rejected = (int)LeadStage.Rejected;
        public const int Nurture = (int)LeadStage.Nurture;
        public const int Converted = (int)LeadStage.Converted;
        public static readonly Guid AgreementId = new("1ead5c0e-b000-4000-8000-000000000001");

        /// <summary>The agreement's default SQL columns (BANT) with values.</summary>
        public static readonly IReadOnlyDictionary<string, object?> Bant = new Dictionary<string, object?>
        {
            ["budgetamount"] = new Money(50_000m),
            ["decisionmaker"] = true,
            ["need"] = new OptionSetValue(0),
            ["purchasetimeframe"] = new OptionSetValue(1),
        };

        public LifecycleFixture(int reps = 3, IReadOnlyDictionary<string, object?>? agreement = null, Func<DataverseOptions, DataverseOptions>? organization = null)
        {
            Org = LeadAlignOrganization.Start(organization);
            Marketer = Org.AddUser("Mia Marketing");
            Admin = Org.AddUser("Ada Admin");
            var role = Org.SystemService.Create(new Entity("role") { ["name"] = "LeadAlign Administrator", ["businessunitid"] = new EntityReference("businessunit", Org.RootBusinessUnitId) });
            Org.SystemService.Associate("systemuser", Admin, new Relationship("systemuserroles_association"), new EntityReferenceCollection { new EntityReference("role", role) });
            SalesTeam = Org.SystemService.Create(new Entity("team") { ["name"] = "Inside sales", ["businessunitid"] = new EntityReference("businessunit", Org.RootBusinessUnitId) });
            MarketingTeam = Org.SystemService.Create(new Entity("team") { ["name"] = "Marketing", ["businessunitid"] = new EntityReference("businessunit", Org.RootBusinessUnitId) });
            Reps = Enumerable.Range(1, reps).Select(index => Org.AddUser("Rep " + index)).ToList();
            Org.SystemService.Execute(new AddMembersTeamRequest { TeamId = SalesTeam, MemberIds = Reps.ToArray() });
            var update = new Entity(AgreementTable.EntityName, AgreementId)
            {
                [AgreementTable.SalesTeamId] = new EntityReference("team", SalesTeam),
                [AgreementTable.MarketingTeamId] = new EntityReference("team", MarketingTeam),
            };
            foreach (var column in agreement ?? new Dictionary<string, object?>())
            {
                update[column.Key] = column.Value;
            }

            Org.SystemService.Update(update);

            // The agreement's change committed and its asynchronous step ran, as in a running org: the caches keep what they read.
            Org.DrainAsync();
        }

        public InMemoryDataverse Org { get; }

        public Guid Marketer { get; }

        public Guid Admin { get; }

        public Guid SalesTeam { get; }

        public Guid MarketingTeam { get; }

        public List<Guid> Reps { get; }

        public Entity Lead(Guid id) => Org.Get("lead", id)!;

        public int StageOf(Guid id) => Lead(id).GetAttributeValue<OptionSetValue>(LeadTable.Stage).Value;

        public Guid OwnerOf(Guid id) => Lead(id).GetAttributeValue<EntityReference>("ownerid").Id;

        /// <summary>A lead with a score of 65 (C-suite 25, 1,000+ employees 25, revenue 10, phone 5) and every MQL column.</summary>
        public static Entity QualifiedLead(string name = "Novak", string? country = null) => new("lead")
        {
            ["lastname"] = name,
            ["companyname"] = "Contoso",
            ["jobtitle"] = "Chief Operating Officer",
            ["numberofemployees"] = 1500,
            ["revenue"] = new Money(20_000_000m),
            ["telephone1"] = "+1 555 0100",
            ["address1_country"] = country,
        };

        public Guid HandedOffLead(string name = "Novak") => Org.As(Marketer).Create(QualifiedLead(name));

        public IReadOnlyList<Entity> History(Guid lead) =>
            Org.All(LeadStageChangeTable.EntityName).Where(row => row.GetAttributeValue<EntityReference>(LeadStageChangeTable.LeadId)?.Id == lead).OrderBy(row => row.GetAttributeValue<DateTime>(LeadStageChangeTable.ChangedOn)).ThenBy(row => row.GetAttributeValue<long>("versionnumber")).ToList();

        public void SetStage(Guid user, Guid lead, int stage, IReadOnlyDictionary<string, object?>? more = null)
        {
            var update = new Entity("lead", lead) { [LeadTable.Stage] = new OptionSetValue(stage) };
            foreach (var column in more ?? new Dictionary<string, object?>())
            {
                update[column.Key] = column.Value;
            }

            Org.As(user).Update(update);
        }
    }
}
