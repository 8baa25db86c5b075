// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0: see DataCollection.cs.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk.Client;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>
    /// A record: logical name, id and attributes. As in the official SDK:
    /// the indexer throws <see cref="KeyNotFoundException"/> for a missing attribute;
    /// <see cref="GetAttributeValue{T}"/> returns default(T) for a missing or null attribute and
    /// throws <see cref="InvalidCastException"/> for a value of another type;
    /// <see cref="Id"/> is not tied to the primary-key attribute (early-bound classes do that);
    /// <see cref="ToEntity{T}"/> makes a shallow copy that shares the attribute collections.
    /// Not modelled: the lazy file attribute members and related-entity helpers beyond storage.
    /// </summary>
    public class Entity : IExtensibleDataObject
    {
        private string _logicalName;
        private Guid _id;
        private AttributeCollection _attributes;
        private FormattedValueCollection _formattedValues;
        private RelatedEntityCollection _relatedEntities;
        private KeyAttributeCollection _keyAttributes;

        public Entity()
            : this((string)null)
        {
        }

        public Entity(string entityName)
        {
            _logicalName = entityName;
        }

        public Entity(string entityName, Guid id)
        {
            _logicalName = entityName;
            _id = id;
        }

        public Entity(string entityName, string keyName, object keyValue)
        {
            _logicalName = entityName;
            KeyAttributes[keyName] = keyValue;
        }

        public Entity(string entityName, KeyAttributeCollection keyAttributes)
        {
            _logicalName = entityName;
            _keyAttributes = keyAttributes;
        }

        public string LogicalName
        {
            get => _logicalName;
            set
            {
                _logicalName = value;
            }
        }

        public virtual Guid Id
        {
            get => _id;
            set => _id = value;
        }

        public AttributeCollection Attributes
        {
            get => _attributes ??= new AttributeCollection();
            set => _attributes = value;
        }

        public FormattedValueCollection FormattedValues => _formattedValues ??= new FormattedValueCollection();

        public RelatedEntityCollection RelatedEntities => _relatedEntities ??= new RelatedEntityCollection();

        public KeyAttributeCollection KeyAttributes
        {
            get => _keyAttributes ??= new KeyAttributeCollection();
            set => _keyAttributes = value;
        }

        public EntityState? EntityState { get; set; }

        public string RowVersion { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        public object this[string attributeName]
        {
            get => Attributes[attributeName];
            set => Attributes[attributeName] = value;
        }

        public bool Contains(string attributeName) => Attributes.Contains(attributeName);

        public virtual T GetAttributeValue<T>(string attributeLogicalName)
        {
            if (!Attributes.TryGetValue(attributeLogicalName, out var value) || value == null)
            {
                return default;
            }

            return (T)value;
        }

        public bool TryGetAttributeValue<T>(string attributeKey, out T result)
        {
            if (Attributes.TryGetValue(attributeKey, out var value) && value is T typed)
            {
                result = typed;
                return true;
            }

            result = default;
            return false;
        }

        protected virtual void SetAttributeValue(string attributeLogicalName, object value)
        {
            Attributes[attributeLogicalName] = value;
        }

        protected virtual string GetFormattedAttributeValue(string attributeLogicalName)
        {
            return FormattedValues.TryGetValue(attributeLogicalName, out var formatted) ? formatted : null;
        }

        public EntityReference ToEntityReference()
        {
            return new EntityReference(LogicalName, Id)
            {
                KeyAttributes = KeyAttributes,
                RowVersion = RowVersion,
            };
        }

        public T ToEntity<T>()
            where T : Entity
        {
            if (typeof(T) == typeof(Entity))
            {
                var copy = new Entity();
                ShallowCopyTo(copy);
                return (T)copy;
            }

            if (string.IsNullOrWhiteSpace(_logicalName))
            {
                throw new NotSupportedException("LogicalName must be set before calling ToEntity()");
            }

            var logicalNameAttribute = (EntityLogicalNameAttribute)typeof(T)
                .GetCustomAttributes(typeof(EntityLogicalNameAttribute), true)
                .FirstOrDefault();
            var targetName = logicalNameAttribute?.LogicalName;
            if (string.IsNullOrWhiteSpace(targetName))
            {
                throw new NotSupportedException("Cannot convert to type that is does not have EntityLogicalNameAttribute");
            }

            if (!string.Equals(_logicalName, targetName, StringComparison.Ordinal))
            {
                throw new NotSupportedException("Cannot convert entity " + _logicalName + " to " + targetName);
            }

            var target = (T)Activator.CreateInstance(typeof(T));
            ShallowCopyTo(target);
            return target;
        }

        private void ShallowCopyTo(Entity target)
        {
            if (target == null || ReferenceEquals(target, this))
            {
                return;
            }

            target._logicalName = _logicalName;
            target._id = _id;
            target._attributes = Attributes;
            target._formattedValues = FormattedValues;
            target._relatedEntities = RelatedEntities;
            target._keyAttributes = KeyAttributes;
            target.EntityState = EntityState;
            target.RowVersion = RowVersion;
            target.ExtensionData = ExtensionData;
        }
    }

    public sealed class EntityReference : IExtensibleDataObject
    {
        private KeyAttributeCollection _keyAttributes;

        public EntityReference()
        {
        }

        public EntityReference(string logicalName)
        {
            LogicalName = logicalName;
        }

        public EntityReference(string logicalName, Guid id)
        {
            LogicalName = logicalName;
            Id = id;
        }

        public EntityReference(string logicalName, string keyName, object keyValue)
        {
            LogicalName = logicalName;
            KeyAttributes[keyName] = keyValue;
        }

        public EntityReference(string logicalName, KeyAttributeCollection keyAttributeCollection)
        {
            LogicalName = logicalName;
            _keyAttributes = keyAttributeCollection;
        }

        public Guid Id { get; set; }

        public string LogicalName { get; set; }

        /// <summary>The primary name. Filled by the platform on retrieve; ignored by <see cref="Equals(object)"/>.</summary>
        public string Name { get; set; }

        public KeyAttributeCollection KeyAttributes
        {
            get => _keyAttributes ??= new KeyAttributeCollection();
            set => _keyAttributes = value;
        }

        public string RowVersion { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        /// <summary>Equal when the logical names and ids are equal; Name does not take part. Two references without ids compare their alternate keys.</summary>
        public override bool Equals(object obj)
        {
            if (!(obj is EntityReference other))
            {
                return false;
            }

            if (ReferenceEquals(this, other))
            {
                return true;
            }

            if (!string.Equals(LogicalName, other.LogicalName, StringComparison.Ordinal))
            {
                return false;
            }

            if (Id != Guid.Empty || other.Id != Guid.Empty)
            {
                return Id == other.Id;
            }

            if (KeyAttributes.Count != other.KeyAttributes.Count)
            {
                return false;
            }

            foreach (var pair in KeyAttributes)
            {
                if (!other.KeyAttributes.TryGetValue(pair.Key, out var value) || !Equals(pair.Value, value))
                {
                    return false;
                }
            }

            return true;
        }

        public override int GetHashCode()
        {
            return Id.GetHashCode() ^ (LogicalName == null ? 0 : StringComparer.Ordinal.GetHashCode(LogicalName));
        }
    }

    public sealed class EntityCollection : IExtensibleDataObject
    {
        private readonly DataCollection<Entity> _entities;

        public EntityCollection()
        {
            _entities = new DataCollection<Entity>();
        }

        public EntityCollection(IList<Entity> list)
        {
            _entities = new DataCollection<Entity>(list);
        }

        public DataCollection<Entity> Entities => _entities;

        public Entity this[int index]
        {
            get => _entities[index];
            set => _entities[index] = value;
        }

        public string EntityName { get; set; }

        public bool MoreRecords { get; set; }

        public string PagingCookie { get; set; }

        public string MinActiveRowVersion { get; set; }

        public int TotalRecordCount { get; set; }

        public bool TotalRecordCountLimitExceeded { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    public sealed class OptionSetValue : IExtensibleDataObject
    {
        public OptionSetValue()
        {
        }

        public OptionSetValue(int value)
        {
            Value = value;
        }

        public int Value { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        public override bool Equals(object obj) => obj is OptionSetValue other && other.Value == Value;

        public override int GetHashCode() => Value.GetHashCode();
    }

    public sealed class Money : IExtensibleDataObject
    {
        public Money()
        {
        }

        public Money(decimal value)
        {
            Value = value;
        }

        public decimal Value { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        public override bool Equals(object obj) => obj is Money other && other.Value == Value;

        public override int GetHashCode() => Value.GetHashCode();
    }

    /// <summary>A column of a linked table returned by a query, under its alias.</summary>
    public sealed class AliasedValue : IExtensibleDataObject
    {
        public AliasedValue()
        {
        }

        public AliasedValue(string entityLogicalName, string attributeLogicalName, object value)
        {
            EntityLogicalName = entityLogicalName;
            AttributeLogicalName = attributeLogicalName;
            Value = value;
        }

        public string EntityLogicalName { get; private set; }

        public string AttributeLogicalName { get; private set; }

        public object Value { get; private set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    public sealed class Relationship : IExtensibleDataObject
    {
        public Relationship()
        {
        }

        public Relationship(string schemaName)
        {
            SchemaName = schemaName;
        }

        public string SchemaName { get; set; }

        public EntityRole? PrimaryEntityRole { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        public override bool Equals(object obj)
        {
            return obj is Relationship other
                && string.Equals(SchemaName, other.SchemaName, StringComparison.Ordinal)
                && PrimaryEntityRole == other.PrimaryEntityRole;
        }

        public override int GetHashCode()
        {
            return (SchemaName == null ? 0 : StringComparer.Ordinal.GetHashCode(SchemaName)) ^ PrimaryEntityRole.GetHashCode();
        }

        public override string ToString() => SchemaName;
    }

    public enum EntityRole
    {
        Referencing = 0,
        Referenced = 1,
    }

    public enum EntityState
    {
        Unchanged = 0,
        Created = 1,
        Changed = 2,
    }

    public enum ConcurrencyBehavior
    {
        Default = 0,
        IfRowVersionMatches = 1,
        AlwaysOverwrite = 2,
    }
}

namespace Microsoft.Xrm.Sdk.Client
{
    /// <summary>Names the table an early-bound class stands for; <see cref="Entity.ToEntity{T}"/> reads it.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public sealed class EntityLogicalNameAttribute : Attribute
    {
        public EntityLogicalNameAttribute(string logicalName)
        {
            if (string.IsNullOrWhiteSpace(logicalName))
            {
                throw new ArgumentNullException(nameof(logicalName));
            }

            LogicalName = logicalName;
        }

        public string LogicalName { get; }
    }
}
