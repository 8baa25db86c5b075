using System;
using System.Linq;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Organization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Metadata;

namespace LeadAlign.Dataverse.Storage
{
    /// <summary>
    /// The <c>activityparty</c> rows of an activity: its party-list columns (from, to, cc, bcc, required and optional attendees,
    /// organizer, customers) are stored as one row per party, with the participation type the platform gives each column.
    /// </summary>
    internal sealed class ActivityParties
    {
        private readonly RecordStore _store;
        private readonly IdSequence _ids;

        public ActivityParties(RecordStore store, IdSequence ids)
        {
            _store = store;
            _ids = ids;
        }

        /// <summary>Writes the activityparty rows of an activity's party-list columns; an update replaces the existing ones.</summary>
        public void Write(TableDefinition table, Entity row, bool creating)
        {
            // A new activity has no parties yet: only an update replaces them.
            if (!creating)
            {
                RemoveOf(row.Id);
            }

            foreach (var column in table.Columns.Where(column => column.Type == AttributeTypeCode.PartyList))
            {
                if (row.GetAttributeValue<EntityCollection>(column.Name) is not { } parties)
                {
                    continue;
                }

                foreach (var party in parties.Entities)
                {
                    var partyRow = new Entity("activityparty", _ids.NewId());
                    partyRow["activitypartyid"] = partyRow.Id;
                    partyRow["activityid"] = new EntityReference("activitypointer", row.Id);
                    partyRow["participationtypemask"] = new OptionSetValue(ParticipationType(column.Name));
                    if (party.GetAttributeValue<EntityReference>("partyid") is { } partyId)
                    {
                        partyRow["partyid"] = new EntityReference(partyId.LogicalName, partyId.Id);
                    }

                    if (party.GetAttributeValue<string>("addressused") is { } address)
                    {
                        partyRow["addressused"] = address;
                    }

                    _store.Put(partyRow);
                }
            }
        }

        /// <summary>Removes the parties of an activity (deleting an activity removes its parties only).</summary>
        public void RemoveOf(Guid activityId)
        {
            foreach (var party in _store.Rows("activityparty").Where(party => party.GetAttributeValue<EntityReference>("activityid")?.Id == activityId).ToList())
            {
                _store.Remove("activityparty", party.Id);
            }
        }

        private static int ParticipationType(string column) => column switch
        {
            "from" => 1,
            "to" => 2,
            "cc" => 3,
            "bcc" => 4,
            "requiredattendees" => 5,
            "optionalattendees" => 6,
            "organizer" => 7,
            "customers" => 11,
            _ => 9,
        };
    }
}
