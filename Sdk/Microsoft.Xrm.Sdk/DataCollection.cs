// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Runtime.Serialization;

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

    /// <summary>A list collection (Collection&lt;T&gt;) with AddRange and ToArray, as in the official SDK. Only the SDK creates the base type.</summary>
    public class DataCollection<T> : Collection<T>
    {
        internal DataCollection()
        {
        }

        internal DataCollection(IList<T> list)
            : base(list)
        {
        }

        public void AddRange(params T[] items)
        {
            AddRange((IEnumerable<T>)items);
        }

        public void AddRange(IEnumerable<T> items)
        {
            if (items == null)
            {
                return;
            }

            foreach (var item in items)
            {
                Add(item);
            }
        }

        public T[] ToArray()
        {
            var array = new T[Count];
            CopyTo(array, 0);
            return array;
        }
    }

    public sealed class AttributeCollection : DataCollection<string, object>
    {
        public AttributeCollection()
        {
        }
    }

    public sealed class FormattedValueCollection : DataCollection<string, string>
    {
        public FormattedValueCollection()
        {
        }
    }

    public sealed class KeyAttributeCollection : DataCollection<string, object>
    {
        public KeyAttributeCollection()
        {
        }
    }

    public class ParameterCollection : DataCollection<string, object>
    {
        public ParameterCollection()
        {
        }

        protected ParameterCollection(IDictionary<string, object> collection)
            : base(collection)
        {
        }

        /// <summary>Sets the parameter when <paramref name="obj"/> is not null; a null leaves the collection unchanged.</summary>
        public void AddOrUpdateIfNotNull(string key, object obj)
        {
            if (obj != null)
            {
                this[key] = obj;
            }
        }
    }

    public class EntityImageCollection : DataCollection<string, Entity>
    {
        public EntityImageCollection()
        {
        }

        protected internal EntityImageCollection(IDictionary<string, Entity> collection)
            : base(collection)
        {
        }
    }

    public sealed class ErrorDetailCollection : DataCollection<string, object>
    {
        public ErrorDetailCollection()
        {
        }
    }

    public sealed class RelatedEntityCollection : DataCollection<Relationship, EntityCollection>
    {
        public RelatedEntityCollection()
        {
        }

        public override bool IsReadOnly => false;
    }

    /// <summary>Queries for related rows, by relationship (RetrieveRequest.RelatedEntitiesQuery).</summary>
    public sealed class RelationshipQueryCollection : DataCollection<Relationship, Query.QueryBase>
    {
        public RelationshipQueryCollection()
        {
        }
    }

    public sealed class EntityReferenceCollection : DataCollection<EntityReference>
    {
        public EntityReferenceCollection()
        {
        }

        public EntityReferenceCollection(IList<EntityReference> list)
            : base(list)
        {
        }
    }

    public sealed class OptionSetValueCollection : DataCollection<OptionSetValue>
    {
        public OptionSetValueCollection()
        {
        }

        public OptionSetValueCollection(IList<OptionSetValue> list)
            : base(list)
        {
        }
    }

    public sealed class OrganizationRequestCollection : DataCollection<OrganizationRequest>
    {
        public OrganizationRequestCollection()
        {
        }
    }

    public sealed class OrganizationResponseCollection : DataCollection<OrganizationResponse>
    {
        public OrganizationResponseCollection()
        {
        }
    }

    public sealed class ExecuteMultipleResponseItemCollection : DataCollection<ExecuteMultipleResponseItem>
    {
        public ExecuteMultipleResponseItemCollection()
        {
        }
    }

    public sealed class ExecuteMultipleSettings : IExtensibleDataObject
    {
        public bool ContinueOnError { get; set; }

        public bool ReturnResponses { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    public sealed class ExecuteMultipleResponseItem : IExtensibleDataObject
    {
        public int RequestIndex { get; set; }

        public OrganizationResponse Response { get; set; }

        public OrganizationServiceFault Fault { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
