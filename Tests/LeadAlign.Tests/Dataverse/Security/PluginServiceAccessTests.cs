using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Dataverse.Security
{
    /// <summary>A plug-in's user service runs with the user's rights; its SYSTEM service (<c>CreateOrganizationService(null)</c>) bypasses them.</summary>
    public sealed class PluginServiceAccessTests
    {
        [Fact]
        public void A_plugins_user_service_reads_what_the_user_reads_and_its_SYSTEM_service_reads_everything()
        {
            var given = new SecurityScenario(true, typeof(CountLeadsPlugin));
            var rep = given.User("Rita Rep", given.North, "LeadAlign Sales Rep");
            given.LeadOf(rep, "Own");
            given.LeadOf(given.User("Sam South", given.South), "South's");
            given.LeadOf(given.User("Ed East", given.NorthEast), "North-East's");

            var task = given.Org.As(rep).Create(new Entity("task") { ["subject"] = "Call back" });

            Assert.Equal("as user: 1, as SYSTEM: 3", given.Org.Get("task", task)!["description"]);
            Assert.Equal(3, given.Org.All(LeadTable.EntityName).Count);
        }
    }
}
