using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Lifecycle
{
    /// <summary>
    /// Least privilege proven: each shipped role against each operation of the process, run as a user holding that role and a
    /// platform base role, in an organization that enforces security roles with every LeadAlign step and workflow running.
    /// Each row of the README's role table is one case here.
    /// </summary>
    public sealed class RoleOperationTests
    {
        private const string SalesRep = ShippedRoles.SalesRep;
        private const string MarketingUser = ShippedRoles.MarketingUser;
        private const string Administrator = ShippedRoles.Administrator;

        public static IEnumerable<object[]> Cells() =>
            new (string Operation, bool Rep, bool Marketing, bool Admin)[]
            {
                ("create a lead", false, true, false),
                ("log a call on a lead", true, true, false),
                ("accept a lead", true, false, true),
                ("reject a lead", true, false, true),
                ("read feedback", true, true, true),
                ("answer feedback", false, true, true),
                ("edit a scoring rule", false, true, true),
                ("recalculate scores", false, true, true),
                ("change the agreement", false, false, true),
                ("run the alignment report", false, true, true),
            }.SelectMany(cell => new[] { new object[] { cell.Operation, SalesRep, cell.Rep }, new object[] { cell.Operation, MarketingUser, cell.Marketing }, new object[] { cell.Operation, Administrator, cell.Admin } });

        [Theory]
        [MemberData(nameof(Cells))]
        public void Each_role_may_do_what_the_process_gives_it_and_nothing_more(string operation, string role, bool allowed)
        {
            var fixture = ShippedRoles.Organization();
            var org = fixture.Org;
            var lead = org.As(fixture.Marketer).Create(LifecycleFixture.QualifiedLead());
            var owner = fixture.OwnerOf(lead);
            var user = role == SalesRep ? owner : role == MarketingUser ? fixture.Marketer : fixture.Admin;
            var feedback = org.SystemService.Create(new Entity(LeadFeedbackTable.EntityName) { [LeadFeedbackTable.Name] = "Novak: no budget", [LeadFeedbackTable.LeadId] = new EntityReference(LeadTable.EntityName, lead), ["ownerid"] = new EntityReference(SystemUserTable.EntityName, fixture.Marketer) });
            var rule = org.All(ScoringRuleTable.EntityName).First();
            var service = org.As(user);

            Action act = operation switch
            {
                "create a lead" => () => service.Create(new Entity(LeadTable.EntityName) { ["lastname"] = "Horak" }),
                "log a call on a lead" => () => service.Create(new Entity("phonecall") { ["subject"] = "Intro call", ["regardingobjectid"] = new EntityReference(LeadTable.EntityName, lead) }),
                "accept a lead" => () => service.Update(new Entity(LeadTable.EntityName, lead) { [LeadTable.Stage] = new OptionSetValue(LifecycleFixture.Sal) }),
                "reject a lead" => () => service.Update(new Entity(LeadTable.EntityName, lead) { [LeadTable.Stage] = new OptionSetValue(LifecycleFixture.Rejected), [LeadTable.RejectionReason] = new OptionSetValue((int)RejectionReason.NoBudget) }),
                "read feedback" => () => service.Retrieve(LeadFeedbackTable.EntityName, feedback, new Microsoft.Xrm.Sdk.Query.ColumnSet(LeadFeedbackTable.Name)),
                "answer feedback" => () => service.Update(new Entity(LeadFeedbackTable.EntityName, feedback) { [LeadFeedbackTable.Notes] = "Fixed at the source." }),
                "edit a scoring rule" => () => service.Update(new Entity(ScoringRuleTable.EntityName, rule.Id) { [ScoringRuleTable.Points] = rule.GetAttributeValue<int>(ScoringRuleTable.Points) + 1 }),
                "recalculate scores" => () => service.Execute(new OrganizationRequest("la_RecalculateLeadScores")),
                "run the alignment report" => () => service.Execute(new OrganizationRequest("la_GetAlignmentReport") { ["PeriodStart"] = org.UtcNow.Date, ["PeriodEnd"] = org.UtcNow.Date.AddDays(1) }),
                "change the agreement" => () => service.Update(new Entity(AgreementTable.EntityName, LifecycleFixture.AgreementId) { [AgreementTable.MqlsPerWeek] = 60 }),
                _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "no such operation"),
            };

            var refusal = Record.Exception(act);

            if (allowed)
            {
                Assert.Null(refusal);
            }
            else
            {
                // Refused by the platform (the missing privilege) or, earlier in the pipeline, by LeadAlign's own rule.
                var fault = Assert.IsType<FaultException<OrganizationServiceFault>>(refusal);
                Assert.Matches("is missing prv|SecLib::AccessCheckEx|Only the lead's owner or a LeadAlign administrator", fault.Detail.Message);
            }
        }
    }
}
