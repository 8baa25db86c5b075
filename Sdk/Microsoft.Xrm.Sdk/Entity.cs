// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
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
}
