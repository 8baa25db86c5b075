using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Storage
{
    /// <summary>
    /// The stored rows of one table, by id, with an index on each of its lookup, choice and short-text columns: for every value a
    /// column holds (a lookup's id, a choice's value, a text), the ids of the rows holding it. The store keeps the indexes as it writes (insert, replace,
    /// delete, and the rollback that undoes them), so a query whose criteria require such a column to equal a value reads just
    /// those rows (an index seek) instead of every row of the table (a scan).
    /// Rows are enumerated in slot order, a freed slot being reused by the next insert (last freed, first reused): the order in
    /// which a <see cref="Dictionary{TKey, TValue}"/> enumerates, which this table replaces, so queries without an order return
    /// rows in the order they always did. A seek returns its rows in that same order.
    /// </summary>
    internal sealed partial class RowTable
    {
        private readonly List<Entity?> _slots = new();
        private readonly Dictionary<Guid, int> _slotOf = new();
        private readonly Stack<int> _free = new();
        private readonly Dictionary<string, ColumnIndex> _indexes = new(StringComparer.Ordinal);

        /// <summary>Text columns are indexed while every value is at most this long (names, e-mail addresses, codes; not notes).</summary>
        private const int LongestIndexedText = 200;

        public int Count => _slotOf.Count;

        /// <summary>The rows in slot order (the stored objects: not to be changed).</summary>
        public IEnumerable<Entity> Values
        {
            get
            {
                for (var slot = 0; slot < _slots.Count; slot++)
                {
                    if (_slots[slot] is { } row)
                    {
                        yield return row;
                    }
                }
            }
        }

        public bool TryGetValue(Guid id, out Entity? row)
        {
            if (_slotOf.TryGetValue(id, out var slot))
            {
                row = _slots[slot];
                return true;
            }

            row = null;
            return false;
        }

        public bool ContainsKey(Guid id) => _slotOf.ContainsKey(id);

        /// <summary>Inserts or replaces the row with <paramref name="id"/>, keeping the column indexes.</summary>
        public void Set(Guid id, Entity row)
        {
            if (_slotOf.TryGetValue(id, out var slot))
            {
                // A replaced row is re-indexed only in the columns whose key changed (an update changes a few of many).
                var before = _slots[slot]!;
                _slots[slot] = row;
                Reindex(id, before, row);
                return;
            }


            if (_free.Count > 0)
            {
                slot = _free.Pop();
                _slots[slot] = row;
            }
            else
            {
                slot = _slots.Count;
                _slots.Add(row);
            }

            _slotOf[id] = slot;
            Index(id, row);
        }

        public bool Remove(Guid id)
        {
            if (!_slotOf.TryGetValue(id, out var slot))
            {
                return false;
            }

            Unindex(id, _slots[slot]!);
            _slots[slot] = null;
            _slotOf.Remove(id);
            _free.Push(slot);
            return true;
        }

        /// <summary>
        /// The rows that satisfy every one of <paramref name="conditions"/> the indexes can answer: each a column that must equal one
        /// of its keys (lookup ids as <see cref="Guid"/>, choice values as <see cref="int"/>, text as <see cref="string"/>, compared
        /// case-insensitively as the default collation compares), in slot order. The smallest set is read and checked against the
        /// others. A condition the index cannot answer (the column holds other values or mixed kinds, or a key is not of the kind
        /// it holds) is left to the caller, which still applies every condition; null when none can be answered.
        /// </summary>
        public List<Entity>? Seek(IReadOnlyList<KeyValuePair<string, IReadOnlyCollection<object>>> conditions)
        {
            var usable = Usable(conditions);
            if (usable == null)
            {
                return null;
            }

            if (usable.Count == 0)
            {
                return new List<Entity>();
            }

            var slots = SlotsOf(usable);
            var rows = new List<Entity>(slots.Count);
            foreach (var slot in slots)
            {
                rows.Add(_slots[slot]!);
            }

            return rows;
        }

        /// <summary>The slots, in order, of the rows holding one key of each usable condition (the smallest set read, the others checked).</summary>
        private List<int> SlotsOf(List<(ColumnIndex Index, List<object> Keys, int Size)> usable)
        {
            usable.Sort((left, right) => left.Size.CompareTo(right.Size));
            var (smallest, smallestKeys, _) = usable[0];
            var slots = new List<int>(usable[0].Size);
            foreach (var key in smallestKeys)
            {
                if (!smallest.Rows.TryGetValue(key, out var ids))
                {
                    continue;
                }

                foreach (var id in ids)
                {
                    var inAll = true;
                    for (var other = 1; other < usable.Count && inAll; other++)
                    {
                        inAll = Holds(usable[other].Index, usable[other].Keys, id);
                    }

                    if (inAll)
                    {
                        slots.Add(_slotOf[id]);
                    }
                }
            }

            slots.Sort();
            return slots;
        }

        /// <summary>
        /// The rows after the row with <paramref name="id"/>, in slot order (the order <see cref="Values"/> and <see cref="Seek"/>
        /// give), lazily: those the usable <paramref name="conditions"/> seek when any is usable (the caller still applies every
        /// condition), else every later row; null when no row has that id (the caller then reads the whole result).
        /// </summary>
        public IEnumerable<Entity>? After(Guid id, IReadOnlyList<KeyValuePair<string, IReadOnlyCollection<object>>> conditions)
        {
            if (!_slotOf.TryGetValue(id, out var from))
            {
                return null;
            }

            var usable = conditions.Count == 0 ? null : Usable(conditions);
            if (usable == null)
            {
                return Later(from);
            }

            if (usable.Count == 0)
            {
                return Enumerable.Empty<Entity>();
            }

            var slots = SlotsOf(usable);
            var start = slots.BinarySearch(from);
            return SlotRows(slots, start < 0 ? ~start : start + 1);
        }

        private IEnumerable<Entity> Later(int from)
        {
            for (var slot = from + 1; slot < _slots.Count; slot++)
            {
                if (_slots[slot] is { } row)
                {
                    yield return row;
                }
            }
        }

        private IEnumerable<Entity> SlotRows(List<int> slots, int start)
        {
            for (var index = start; index < slots.Count; index++)
            {
                yield return _slots[slots[index]]!;
            }
        }

        /// <summary>
        /// The conditions an index can answer, with their distinct keys and how many rows hold them; empty when a condition's column
        /// has no index (no row holds a value there: nothing can match); null when no condition is usable.
        /// </summary>
        private List<(ColumnIndex Index, List<object> Keys, int Size)>? Usable(IReadOnlyList<KeyValuePair<string, IReadOnlyCollection<object>>> conditions)
        {
            var usable = new List<(ColumnIndex Index, List<object> Keys, int Size)>(conditions.Count);
            foreach (var condition in conditions)
            {
                if (!_indexes.TryGetValue(condition.Key, out var index))
                {
                    // No row holds a value in the column: no row can equal a key.
                    usable.Clear();
                    return usable;
                }

                if (index.Unusable || condition.Value.Any(key => key.GetType() != index.Kind))
                {
                    continue;
                }

                var keys = condition.Value.Count == 1 ? new List<object>(condition.Value) : condition.Value.Distinct(KeyComparer.Instance).ToList();
                var size = 0;
                foreach (var key in keys)
                {
                    size += index.Rows.TryGetValue(key, out var ids) ? ids.Count : 0;
                }

                usable.Add((index, keys, size));
            }

            return usable.Count == 0 ? null : usable;
        }

        private static bool Holds(ColumnIndex index, IReadOnlyCollection<object> keys, Guid id)
        {
            foreach (var key in keys)
            {
                if (index.Rows.TryGetValue(key, out var ids) && ids.Contains(id))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The key a stored value is indexed under: a lookup's id, a choice's value, text up to <see cref="LongestIndexedText"/>
        /// characters; null for any other value.
        /// </summary>
        private static object? KeyOf(object value) => value switch
        {
            EntityReference reference => reference.Id,
            Guid id => id,
            OptionSetValue option => option.Value,
            string text when text.Length <= LongestIndexedText => text,
            _ => null,
        };

        /// <summary>
        /// Moves the row's index entries from <paramref name="before"/> to <paramref name="after"/> for the columns whose key differs
        /// (or that only one of them holds); the indexes end as unindexing the whole old row and indexing the whole new one would leave them.
        /// </summary>
        private void Reindex(Guid id, Entity before, Entity after)
        {
            foreach (var attribute in before.Attributes)
            {
                if (attribute.Value != null && !(after.Attributes.TryGetValue(attribute.Key, out var now) && now != null && SameKey(attribute.Value, now)))
                {
                    UnindexColumn(id, attribute.Key, attribute.Value);
                }
            }

            foreach (var attribute in after.Attributes)
            {
                if (attribute.Value != null && !(before.Attributes.TryGetValue(attribute.Key, out var was) && was != null && SameKey(was, attribute.Value)))
                {
                    IndexColumn(id, attribute.Key, attribute.Value);
                }
            }
        }

        /// <summary>
        /// Whether two values of a column are indexed under the same key of the same kind (so the row's entry stays as it is), without
        /// boxing a key: the same lookup id, choice value or short text (case-insensitively). False when unsure: the entry is then moved.
        /// </summary>
        private static bool SameKey(object left, object right) => (left, right) switch
        {
            (EntityReference a, EntityReference b) => a.Id == b.Id,
            (Guid a, Guid b) => a == b,
            (OptionSetValue a, OptionSetValue b) => a.Value == b.Value,
            (string a, string b) => a.Length <= LongestIndexedText && b.Length <= LongestIndexedText && string.Equals(a, b, StringComparison.OrdinalIgnoreCase),
            _ => false,
        };

        private void Index(Guid id, Entity row)
        {
            foreach (var attribute in row.Attributes)
            {
                if (attribute.Value != null)
                {
                    IndexColumn(id, attribute.Key, attribute.Value);
                }
            }
        }

        private void IndexColumn(Guid id, string column, object value)
        {
            if (!_indexes.TryGetValue(column, out var index))
            {
                index = new ColumnIndex();
                _indexes[column] = index;
            }

            if (index.Unusable)
            {
                return;
            }

            var key = KeyOf(value);
            if (key == null || (index.Kind != null && index.Kind != key.GetType()))
            {
                // A column holding other values (text, numbers, dates) or mixed kinds is not indexed: queries scan it.
                index.Unusable = true;
                index.Rows.Clear();
                return;
            }

            index.Kind = key.GetType();
            if (!index.Rows.TryGetValue(key, out var ids))
            {
                ids = new HashSet<Guid>();
                index.Rows[key] = ids;
            }

            ids.Add(id);
        }

        private void Unindex(Guid id, Entity row)
        {
            foreach (var attribute in row.Attributes)
            {
                if (attribute.Value != null)
                {
                    UnindexColumn(id, attribute.Key, attribute.Value);
                }
            }
        }

        private void UnindexColumn(Guid id, string column, object value)
        {
            if (!_indexes.TryGetValue(column, out var index) || index.Unusable || KeyOf(value) is not { } key)
            {
                return;
            }

            if (index.Rows.TryGetValue(key, out var ids) && ids.Remove(id) && ids.Count == 0)
            {
                index.Rows.Remove(key);
            }
        }

        /// <summary>One column's index: the ids of the rows holding each value, the kind of its keys, or unusable.</summary>
        private sealed class ColumnIndex
        {
            public Dictionary<object, HashSet<Guid>> Rows { get; } = new(KeyComparer.Instance);

            public Type? Kind { get; set; }

            public bool Unusable { get; set; }
        }

        /// <summary>Keys compared as the query engine compares them: text case-insensitively (ordinal), ids and numbers by value.</summary>
        private sealed class KeyComparer : IEqualityComparer<object>
        {
            public static readonly KeyComparer Instance = new();

            public new bool Equals(object? left, object? right) =>
                left is string leftText && right is string rightText ? string.Equals(leftText, rightText, StringComparison.OrdinalIgnoreCase) : object.Equals(left, right);

            public int GetHashCode(object key) => key is string text ? StringComparer.OrdinalIgnoreCase.GetHashCode(text) : key.GetHashCode();
        }
    }
}
