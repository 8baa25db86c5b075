using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadAlign.Dataverse.Storage
{
    /// <summary>Counts from the indexes: how many rows match, and how many of them hold each value of a column.</summary>
    internal sealed partial class RowTable
    {
        /// <summary>
        /// How many rows satisfy every one of <paramref name="conditions"/> (as <see cref="Seek"/> reads them), counted from the
        /// indexes without reading a row; null when an index cannot answer one of them exactly (the caller then reads the rows).
        /// </summary>
        public int? CountWhere(IReadOnlyList<KeyValuePair<string, IReadOnlyCollection<object>>> conditions)
        {
            if (conditions.Count == 0)
            {
                return Count;
            }

            if (ExactSets(conditions) is not { } sets)
            {
                return null;
            }

            var count = 0;
            foreach (var _ in Matching(sets))
            {
                count++;
            }

            return count;
        }

        /// <summary>
        /// Each condition's index, distinct keys and how many rows hold them, smallest first; empty when a condition's column has no
        /// index (no row holds a value there: nothing can match); null when an index cannot answer a condition exactly.
        /// </summary>
        private List<(ColumnIndex Index, IReadOnlyCollection<object> Keys, int Size)>? ExactSets(IReadOnlyList<KeyValuePair<string, IReadOnlyCollection<object>>> conditions)
        {
            var sets = new List<(ColumnIndex Index, IReadOnlyCollection<object> Keys, int Size)>(conditions.Count);
            foreach (var condition in conditions)
            {
                if (!_indexes.TryGetValue(condition.Key, out var index))
                {
                    sets.Clear();
                    return sets;
                }

                if (index.Unusable || condition.Value.Any(key => key.GetType() != index.Kind))
                {
                    return null;
                }

                var keys = condition.Value.Count == 1 ? condition.Value : condition.Value.Distinct(KeyComparer.Instance).ToList();
                var size = 0;
                foreach (var key in keys)
                {
                    size += index.Rows.TryGetValue(key, out var ids) ? ids.Count : 0;
                }

                sets.Add((index, keys, size));
            }

            sets.Sort((left, right) => left.Size.CompareTo(right.Size));
            return sets;
        }

        /// <summary>The ids of the rows holding one key of each set: the smallest set read, each of its ids checked against the others.</summary>
        private static IEnumerable<Guid> Matching(List<(ColumnIndex Index, IReadOnlyCollection<object> Keys, int Size)> sets)
        {
            if (sets.Count == 0)
            {
                yield break;
            }

            var (smallest, smallestKeys, _) = sets[0];
            foreach (var key in smallestKeys)
            {
                if (!smallest.Rows.TryGetValue(key, out var ids))
                {
                    continue;
                }

                foreach (var id in ids)
                {
                    var inAll = true;
                    for (var other = 1; other < sets.Count && inAll; other++)
                    {
                        inAll = Holds(sets[other].Index, sets[other].Keys, id);
                    }

                    if (inAll)
                    {
                        yield return id;
                    }
                }
            }
        }

        /// <summary>
        /// The rows satisfying every one of <paramref name="conditions"/> (as <see cref="CountWhere"/> counts them), grouped by their
        /// value in <paramref name="column"/>, from the indexes: each group's value and how many rows hold it, the groups in the order
        /// of their first row in slot order (the order in which a scan or a seek meets them). Of each group's first row only its value
        /// is read, as a copy (a lookup keeps the name that row stores); no other row is read. Null when an index cannot answer a
        /// condition exactly, the column is not indexed for its values, or a matching row holds no value in the column (where its
        /// null group comes would need the rows): the caller then reads the rows.
        /// </summary>
        public List<KeyValuePair<object, int>>? GroupCountWhere(IReadOnlyList<KeyValuePair<string, IReadOnlyCollection<object>>> conditions, string column)
        {
            var sets = conditions.Count == 0 ? new List<(ColumnIndex Index, IReadOnlyCollection<object> Keys, int Size)>() : ExactSets(conditions);
            if (sets == null)
            {
                return null;
            }

            if (conditions.Count > 0 && sets.Count == 0)
            {
                return new List<KeyValuePair<object, int>>();
            }

            if (!_indexes.TryGetValue(column, out var index) || index.Unusable)
            {
                // No row holds an indexed value in the column: every matching row is in the null group.
                return CountWhere(conditions) == 0 ? new List<KeyValuePair<object, int>>() : null;
            }

            // The keys a group can have: those a condition on the column asks for (then no matching row is without one), else every key.
            var keyed = sets.FindIndex(set => ReferenceEquals(set.Index, index));
            var groups = new List<(object Key, HashSet<Guid> Ids)>();
            foreach (var key in keyed >= 0 ? sets[keyed].Keys : index.Rows.Keys)
            {
                if (index.Rows.TryGetValue(key, out var ids))
                {
                    groups.Add((key, ids));
                }
            }

            var counts = new int[groups.Count];
            var first = Enumerable.Repeat(int.MaxValue, groups.Count).ToArray();
            long byGroup = groups.Sum(group => (long)group.Ids.Count) * Math.Max(1, sets.Count);
            long byRow = sets.Count == 0 ? long.MaxValue : (long)sets[0].Size * (sets.Count + groups.Count);
            if (byGroup <= byRow)
            {
                // Each group's rows, checked against the other conditions.
                for (var group = 0; group < groups.Count; group++)
                {
                    foreach (var id in groups[group].Ids)
                    {
                        var inAll = true;
                        for (var other = 0; other < sets.Count && inAll; other++)
                        {
                            inAll = other == keyed || Holds(sets[other].Index, sets[other].Keys, id);
                        }

                        if (inAll)
                        {
                            counts[group]++;
                            first[group] = Math.Min(first[group], _slotOf[id]);
                        }
                    }
                }

                if (keyed < 0 && counts.Sum() != CountWhere(conditions))
                {
                    return null;
                }
            }
            else
            {
                // Each matching row, looked up in the groups' rows.
                foreach (var id in Matching(sets))
                {
                    var group = groups.FindIndex(each => each.Ids.Contains(id));
                    if (group < 0)
                    {
                        return null;
                    }

                    counts[group]++;
                    first[group] = Math.Min(first[group], _slotOf[id]);
                }
            }

            return Enumerable.Range(0, groups.Count)
                .Where(group => counts[group] > 0)
                .OrderBy(group => first[group])
                .Select(group => new KeyValuePair<object, int>(RowCopy.Value(_slots[first[group]]!.Attributes[column])!, counts[group]))
                .ToList();
        }
    }
}
