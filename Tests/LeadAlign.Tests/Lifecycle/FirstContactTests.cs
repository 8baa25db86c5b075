using System;
using System.Linq;
using LeadAlign.Plugins.Lifecycle;
using LeadAlign.Schema;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Lifecycle
{
    /// <summary>First contact: the first completed outgoing call, email or meeting by the lead's owner after the handoff.</summary>
    public sealed class FirstContactTests
    {
        private readonly LifecycleFixture _fixture = new();

        private Guid Call(Guid user, Guid lead, bool outgoing, bool completed)
        {
            var id = _fixture.Org.As(user).Create(new Entity("phonecall") { ["subject"] = "Intro call", ["directioncode"] = outgoing, ["regardingobjectid"] = new EntityReference("lead", lead) });
            if (completed)
            {
                _fixture.Org.As(user).Execute(new SetStateRequest { EntityMoniker = new EntityReference("phonecall", id), State = new OptionSetValue(1), Status = new OptionSetValue(2) });
            }

            return id;
        }

        [Fact]
        public void The_owners_first_completed_outgoing_call_after_handoff_is_stamped_with_the_minutes_since_handoff()
        {
            var lead = _fixture.HandedOffLead();
            var rep = _fixture.OwnerOf(lead);
            _fixture.Org.Advance(TimeSpan.FromMinutes(42));

            Call(rep, lead, outgoing: true, completed: true);
            _fixture.Org.Advance(TimeSpan.FromMinutes(30));
            Call(rep, lead, outgoing: true, completed: true);

            var stamped = _fixture.Lead(lead);
            Assert.Equal(_fixture.Org.UtcNow.AddMinutes(-30), stamped.GetAttributeValue<DateTime>(LeadTable.FirstContactOn));
            Assert.Equal(42, stamped.GetAttributeValue<int>(LeadTable.MinutesToFirstContact));
        }

        [Fact]
        public void An_incoming_call_an_open_call_or_a_call_by_someone_else_is_not_first_contact()
        {
            var lead = _fixture.HandedOffLead();
            var rep = _fixture.OwnerOf(lead);

            Call(rep, lead, outgoing: false, completed: true);
            Call(rep, lead, outgoing: true, completed: false);
            Call(_fixture.Reps[2], lead, outgoing: true, completed: true);

            Assert.False(_fixture.Lead(lead).Contains(LeadTable.FirstContactOn));
        }

        [Fact]
        public void A_first_contact_costs_at_most_two_calls_and_the_chain_stays_shallow()
        {
            var lead = _fixture.HandedOffLead();
            var rep = _fixture.OwnerOf(lead);
            var call = Call(rep, lead, outgoing: true, completed: false);
            _fixture.Org.Log.Clear();

            _fixture.Org.As(rep).Execute(new SetStateRequest { EntityMoniker = new EntityReference("phonecall", call), State = new OptionSetValue(1), Status = new OptionSetValue(2) });

            var firstContact = _fixture.Org.Log.Of(typeof(FirstContactPlugin)).Single(run => run.Depth == 1);
            Assert.Equal(1, firstContact.Calls("Retrieve"));
            Assert.Equal(1, firstContact.Calls("Update"));
            Assert.True(_fixture.Org.Log.Records.Max(run => run.Depth) <= 3, string.Join("\n", _fixture.Org.Log.Records));
            Assert.True(_fixture.Lead(lead).Contains(LeadTable.FirstContactOn));
        }

        [Fact]
        public void A_completed_email_sent_by_the_owner_counts_as_first_contact()
        {
            var lead = _fixture.HandedOffLead();
            var rep = _fixture.OwnerOf(lead);
            var email = _fixture.Org.As(rep).Create(new Entity("email") { ["subject"] = "Hello", ["directioncode"] = true, ["regardingobjectid"] = new EntityReference("lead", lead) });

            _fixture.Org.As(rep).Update(new Entity("email", email) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(3) });

            Assert.True(_fixture.Lead(lead).Contains(LeadTable.FirstContactOn));
        }
    }
}
