using System;
using System.Collections.Generic;
using System.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Schema;
using LeadAlign.Tests.Lifecycle;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Tests.Scoring.Versions
{
    /// <summary>
    /// An organization that enforces security roles and column security, with the users of the two signatures: Mia (LeadAlign
    /// Marketing User, in the marketing approvers profile), Sam (LeadAlign Sales Manager, in the sales approvers profile), Dana
    /// (a marketer in both profiles, to try signing twice) and Max (a marketer in no approvers profile). The shipped default
    /// model is active and has no version status.
    /// </summary>
    internal sealed class ModelVersionsFixture
    {
        public const string MarketingApprovers = "LeadAlign scoring approvers (marketing)";
        public const string SalesApprovers = "LeadAlign scoring approvers (sales)";
        public const string SalesManager = "LeadAlign Sales Manager";
        public static readonly Guid DefaultModel = new("1ead5c0e-a000-4000-8000-000000000001");

        public ModelVersionsFixture()
        {
            Lifecycle = ShippedRoles.Organization();
            Marketer = Lifecycle.Marketer;
            SalesApprover = Org.AddUser("Sam Sales");
            Org.AssignRole(SalesApprover, ShippedRoles.BaseRole);
            Org.AssignRole(SalesApprover, SalesManager);
            BothSides = AddMarketer("Dana Dual");
            Outsider = AddMarketer("Max Marketing");
            Org.AddFieldSecurityProfileMember(MarketingApprovers, Marketer);
            Org.AddFieldSecurityProfileMember(SalesApprovers, SalesApprover);
            Org.AddFieldSecurityProfileMember(MarketingApprovers, BothSides);
            Org.AddFieldSecurityProfileMember(SalesApprovers, BothSides);
        }

        public LifecycleFixture Lifecycle { get; }

        public InMemoryDataverse Org => Lifecycle.Org;

        /// <summary>Mia: LeadAlign Marketing User, a marketing approver.</summary>
        public Guid Marketer { get; }

        /// <summary>Sam: LeadAlign Sales Manager, a sales approver.</summary>
        public Guid SalesApprover { get; }

        /// <summary>Dana: a marketer in both approvers profiles.</summary>
        public Guid BothSides { get; }

        /// <summary>Max: a marketer in no approvers profile.</summary>
        public Guid Outsider { get; }

        /// <summary>
        /// Mia proposes a version: thresholds lower than the default's and one fit rule, 40 points for 100 or more employees.
        /// </summary>
        public Guid Propose(string name, int version)
        {
            var model = Org.As(Marketer).Create(new Entity(ScoringModelTable.EntityName)
            {
                [ScoringModelTable.Name] = name,
                [ScoringModelTable.Version] = version,
                [ScoringModelTable.VersionStatus] = new OptionSetValue((int)ModelVersionStatus.Proposed),
                [ScoringModelTable.BasedOnModelId] = new EntityReference(ScoringModelTable.EntityName, DefaultModel),
                [ScoringModelTable.MqlThreshold] = 50,
                [ScoringModelTable.WarmThreshold] = 25,
                [ScoringModelTable.HotThreshold] = 60,
                [ScoringModelTable.HalfLifeDays] = 14m,
                [ScoringModelTable.RequiredColumns] = "emailaddress1|telephone1,companyname,jobtitle",
            });
            Org.As(Marketer).Create(Rule(model, "Company has 100 or more employees", 40));
            return model;
        }

        public static Entity Rule(Guid model, string name, int points) => new(ScoringRuleTable.EntityName)
        {
            [ScoringRuleTable.Name] = name,
            [ScoringRuleTable.ScoringModelId] = new EntityReference(ScoringModelTable.EntityName, model),
            [ScoringRuleTable.Category] = new OptionSetValue((int)ScoreCategory.Fit),
            [ScoringRuleTable.Points] = points,
            [ScoringRuleTable.IsActive] = true,
            [ScoringRuleTable.Column] = "numberofemployees",
            [ScoringRuleTable.Operator] = new OptionSetValue((int)FitOperator.GreaterThan),
            [ScoringRuleTable.Value] = "99",
        };

        /// <summary><paramref name="user"/> gives marketing's decision (and comment) on the version.</summary>
        public void DecideForMarketing(Guid user, Guid model, ApprovalDecision decision, string? comment = null) =>
            Decide(user, model, ScoringModelTable.MarketingDecision, ScoringModelTable.MarketingComment, decision, comment);

        /// <summary><paramref name="user"/> gives sales' decision (and comment) on the version.</summary>
        public void DecideForSales(Guid user, Guid model, ApprovalDecision decision, string? comment = null) =>
            Decide(user, model, ScoringModelTable.SalesDecision, ScoringModelTable.SalesComment, decision, comment);

        /// <summary>Mia and Sam both approve the version, and the change commits.</summary>
        public void ApproveByBoth(Guid model)
        {
            DecideForMarketing(Marketer, model, ApprovalDecision.Approved, "Fits what converted this quarter.");
            DecideForSales(SalesApprover, model, ApprovalDecision.Approved, "Agreed.");
            Org.DrainAsync();
        }

        /// <summary>The model as stored (read as SYSTEM, which column security does not hide anything from).</summary>
        public Entity Model(Guid id) => Org.Get(ScoringModelTable.EntityName, id)!;

        public ModelVersionStatus? StatusOf(Guid id) => (ModelVersionStatus?)Model(id).GetAttributeValue<OptionSetValue>(ScoringModelTable.VersionStatus)?.Value;

        public IReadOnlyList<Guid> ActiveModels() =>
            Org.All(ScoringModelTable.EntityName).Where(model => model.GetAttributeValue<bool>(ScoringModelTable.IsActive)).Select(model => model.Id).ToList();

        private void Decide(Guid user, Guid model, string decisionColumn, string commentColumn, ApprovalDecision decision, string? comment)
        {
            var update = new Entity(ScoringModelTable.EntityName, model) { [decisionColumn] = new OptionSetValue((int)decision) };
            if (comment != null)
            {
                update[commentColumn] = comment;
            }

            Org.As(user).Update(update);
        }

        private Guid AddMarketer(string name)
        {
            var user = Org.AddUser(name);
            Org.AssignRole(user, ShippedRoles.BaseRole);
            Org.AssignRole(user, ShippedRoles.MarketingUser);
            return user;
        }
    }
}
