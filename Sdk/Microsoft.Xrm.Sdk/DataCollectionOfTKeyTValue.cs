// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
using System.Collections;
using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>
    /// A keyed collection backed by a Dictionary, as in the official SDK: keys are case-sensitive,
    /// a missing key on the indexer throws <see cref="KeyNotFoundException"/>, and Add of an existing key throws <see cref="System.ArgumentException"/>.
    /// Like the official type it is not an IDictionary: it only enumerates key/value pairs.
    /// </summary>
    public abstract class DataCollection<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>
    {
        private readonly IDictionary<TKey, TValue> _items;

        protected internal DataCollection()
        {
            _items = new Dictionary<TKey, TValue>();
        }

        protected internal DataCollection(IDictionary<TKey, TValue> collection)
        {
            _items = collection;
        }

        public virtual TValue this[TKey key]
        {
            get { return _items[key]; }
            set
            {
                CheckIsReadOnly();
                _items[key] = value;
            }
        }

        public int Count => _items.Count;

        public virtual bool IsReadOnly => false;

        public ICollection<TKey> Keys => _items.Keys;

        public ICollection<TValue> Values => _items.Values;

        public void Add(TKey key, TValue value)
        {
            CheckIsReadOnly();
            _items.Add(key, value);
        }

        public void Add(KeyValuePair<TKey, TValue> item)
        {
            CheckIsReadOnly();
            _items.Add(item);
        }

        public void AddRange(params KeyValuePair<TKey, TValue>[] items)
        {
            AddRange((IEnumerable<KeyValuePair<TKey, TValue>>)items);
        }

        public void AddRange(IEnumerable<KeyValuePair<TKey, TValue>> items)
        {
            if (items == null)
            {
                throw new System.ArgumentNullException(nameof(items));
            }

            foreach (var item in items)
            {
                Add(item);
            }
        }

        public void Clear()
        {
            CheckIsReadOnly();
            _items.Clear();
        }

        public bool Contains(TKey key) => _items.ContainsKey(key);

        public bool Contains(KeyValuePair<TKey, TValue> key) => _items.Contains(key);

        public bool ContainsKey(TKey key) => _items.ContainsKey(key);

        public void CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex) => _items.CopyTo(array, arrayIndex);

        public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => _items.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

        public bool Remove(TKey key)
        {
            CheckIsReadOnly();
            return _items.Remove(key);
        }

        public bool Remove(KeyValuePair<TKey, TValue> item)
        {
            CheckIsReadOnly();
            return _items.Remove(item);
        }

        public bool TryGetValue(TKey key, out TValue value) => _items.TryGetValue(key, out value);

        private void CheckIsReadOnly()
        {
            if (IsReadOnly)
            {
                throw new System.InvalidOperationException("The collection is read-only.");
            }
        }
    }
}
