using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LeadAlign.Dataverse.Storage;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Dataverse
{
    /// <summary>
    /// The store's index on lookup and choice columns answers which rows hold a value, kept as rows are written, deleted and rolled
    /// back, in the order a scan reads them; where it cannot answer exactly (text in the column, rows another transaction holds)
    /// it says so and the query scans.
    /// </summary>
    public sealed class RecordStoreIndexTests
    {
        private static readonly Guid North = new("00000000-0000-4000-8000-00000000000a");
        private static readonly Guid South = new("00000000-0000-4000-8000-00000000000b");

        [Fact]
        public void The_index_follows_writes_and_deletes_in_scan_order()
        {
            var store = new RecordStore();
            var ids = Enumerable.Range(1, 6).Select(i => new Guid("00000000-0000-4000-8000-0000000001" + i.ToString("00"))).ToArray();
            foreach (var (id, index) in ids.Select((id, index) => (id, index)))
            {
                store.Put(Lead(id, index % 2 == 0 ? North : South, 1 + (index % 3)));
            }

            store.Remove("lead", ids[2]);
            store.Put(Lead(ids[0], South, 3));
            var reinserted = new Guid("00000000-0000-4000-8000-000000000200");
            store.Put(Lead(reinserted, North, 1));

            Assert.Equal(new[] { reinserted, ids[4] }, Seek(store, "ownerid", new object[] { North })!.Select(row => row.Id));
            Assert.Equal(store.Rows("lead").Where(row => row.GetAttributeValue<EntityReference>("ownerid").Id == South).Select(row => row.Id), Seek(store, "ownerid", new object[] { South })!.Select(row => row.Id));
            Assert.Equal(new[] { ids[0], ids[5] }, Seek(store, "industrycode", new object[] { 3 })!.Select(row => row.Id));
            Assert.Equal(new[] { reinserted, ids[3] }, Seek(store, "industrycode", new object[] { 1, 99 })!.Select(row => row.Id));
        }

        [Fact]
        public void A_rollback_restores_the_index_with_the_rows()
        {
            var store = new RecordStore();
            var kept = new Guid("00000000-0000-4000-8000-000000000301");
            var deleted = new Guid("00000000-0000-4000-8000-000000000302");
            store.Put(Lead(kept, North, 1));
            store.Put(Lead(deleted, North, 1));

            var transaction = store.Begin()!;
            store.Put(Lead(kept, South, 2));
            store.Remove("lead", deleted);
            store.Put(Lead(new Guid("00000000-0000-4000-8000-000000000303"), South, 2));
            Assert.Equal(2, Seek(store, "ownerid", new object[] { South })!.Count());
            transaction.Rollback();

            Assert.Equal(new[] { kept, deleted }, Seek(store, "ownerid", new object[] { North })!.Select(row => row.Id));
            Assert.Empty(Seek(store, "ownerid", new object[] { South })!);
            Assert.Empty(Seek(store, "industrycode", new object[] { 2 })!);
        }

        [Fact]
        public void Where_the_index_cannot_answer_exactly_it_says_so()
        {
            var store = new RecordStore();
            var lead = new Guid("00000000-0000-4000-8000-000000000401");
            store.Put(Lead(lead, North, 1));
            store.Put(new Entity("lead", new Guid("00000000-0000-4000-8000-000000000402")) { ["ownerid"] = new EntityReference("systemuser", North), ["industrycode"] = "Accounting" });

            Assert.Null(Seek(store, "industrycode", new object[] { 1 }));
            Assert.Null(Seek(store, "ownerid", new object[] { 1 }));
            Assert.Empty(Seek(store, "campaignid", new object[] { North })!);

            // Another transaction holds the lead: a reader must see the row as last committed, which only a scan reads.
            using var holding = new ManualResetEventSlim();
            using var release = new ManualResetEventSlim();
            var writer = new Thread(() =>
            {
                var transaction = store.Begin()!;
                store.Put(Lead(lead, South, 1));
                holding.Set();
                release.Wait(TimeSpan.FromSeconds(30));
                transaction.Rollback();
            });
            writer.Start();
            Assert.True(holding.Wait(TimeSpan.FromSeconds(30)));
            Assert.Null(Seek(store, "ownerid", new object[] { North }));
            release.Set();
            Assert.True(writer.Join(TimeSpan.FromSeconds(30)));

            Assert.Equal(2, Seek(store, "ownerid", new object[] { North })!.Count());
        }

        [Fact]
        public void Several_conditions_are_answered_together_and_text_matches_case_insensitively()
        {
            var store = new RecordStore();
            var first = new Guid("00000000-0000-4000-8000-000000000501");
            var second = new Guid("00000000-0000-4000-8000-000000000502");
            var third = new Guid("00000000-0000-4000-8000-000000000503");
            store.Put(Lead(first, North, 1));
            store.Put(Lead(second, North, 2));
            store.Put(Lead(third, South, 1));
            store.Put(new Entity("lead", first) { ["ownerid"] = new EntityReference("systemuser", North), ["industrycode"] = new OptionSetValue(1), ["lastname"] = "Novak", ["description"] = new string('x', 201) });

            var both = store.RowsWhere("lead", new[]
            {
                new KeyValuePair<string, IReadOnlyCollection<object>>("industrycode", new object[] { 1 }),
                new KeyValuePair<string, IReadOnlyCollection<object>>("ownerid", new object[] { North, South }),
                new KeyValuePair<string, IReadOnlyCollection<object>>("lastname", new object[] { "LEAD" }),
            });

            Assert.Equal(new[] { third }, both!.Select(row => row.Id));
            Assert.Equal(new[] { first }, Seek(store, "lastname", "novak")!.Select(row => row.Id));
            Assert.Null(Seek(store, "description", new string('x', 201)));
        }

        private static IEnumerable<Entity>? Seek(RecordStore store, string column, params object[] keys) =>
            store.RowsWhere("lead", new[] { new KeyValuePair<string, IReadOnlyCollection<object>>(column, keys) });

        private static Entity Lead(Guid id, Guid owner, int industry) => new("lead", id)
        {
            ["leadid"] = id,
            ["ownerid"] = new EntityReference("systemuser", owner),
            ["industrycode"] = new OptionSetValue(industry),
            ["lastname"] = "Lead",
        };
    }
}
