// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
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
}
