// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0: see ../DataCollection.cs.
// The metadata a plug-in reads through RetrieveEntity and RetrieveAttribute: tables and the types of their columns.
// Properties the official SDK exposes read-only have internal setters for the in-memory Dataverse.
// Not modelled yet: labels, option sets, relationships, privileges and managed properties.
using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Metadata
{
    public enum AttributeTypeCode
    {
        Boolean = 0,
        Customer = 1,
        DateTime = 2,
        Decimal = 3,
        Double = 4,
        Integer = 5,
        Lookup = 6,
        Memo = 7,
        Money = 8,
        Owner = 9,
        PartyList = 10,
        Picklist = 11,
        State = 12,
        Status = 13,
        String = 14,
        Uniqueidentifier = 15,
        CalendarRules = 16,
        Virtual = 17,
        BigInt = 18,
        ManagedProperty = 19,
        EntityName = 20,
    }

    [Flags]
    public enum EntityFilters
    {
        Default = 1,
        Entity = 1,
        Attributes = 2,
        Privileges = 4,
        Relationships = 8,
        All = 15,
    }

    public abstract class MetadataBase : IExtensibleDataObject
    {
        protected MetadataBase()
        {
        }

        public Guid? MetadataId { get; set; }

        public bool? HasChanged { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    /// <summary>A column. Each subclass sets <see cref="AttributeType"/>, as in the official SDK.</summary>
    public class AttributeMetadata : MetadataBase
    {
        public AttributeMetadata()
        {
        }

        protected AttributeMetadata(AttributeTypeCode attributeType)
        {
            AttributeType = attributeType;
        }

        protected AttributeMetadata(AttributeTypeCode attributeType, string schemaName)
            : this(attributeType)
        {
            SchemaName = schemaName;
            LogicalName = schemaName?.ToLowerInvariant();
        }

        public string LogicalName { get; set; }

        public string SchemaName { get; set; }

        public string EntityLogicalName { get; internal set; }

        public AttributeTypeCode? AttributeType { get; internal set; }

        public bool? IsValidForCreate { get; set; }

        public bool? IsValidForUpdate { get; set; }

        public bool? IsValidForRead { get; internal set; }
    }

    public sealed class StringAttributeMetadata : AttributeMetadata
    {
        public StringAttributeMetadata()
            : base(AttributeTypeCode.String)
        {
        }

        public int? MaxLength { get; set; }
    }

    public sealed class MemoAttributeMetadata : AttributeMetadata
    {
        public MemoAttributeMetadata()
            : base(AttributeTypeCode.Memo)
        {
        }
    }

    public sealed class IntegerAttributeMetadata : AttributeMetadata
    {
        public IntegerAttributeMetadata()
            : base(AttributeTypeCode.Integer)
        {
        }
    }

    public sealed class DecimalAttributeMetadata : AttributeMetadata
    {
        public DecimalAttributeMetadata()
            : base(AttributeTypeCode.Decimal)
        {
        }
    }

    public sealed class MoneyAttributeMetadata : AttributeMetadata
    {
        public MoneyAttributeMetadata()
            : base(AttributeTypeCode.Money)
        {
        }
    }

    public sealed class BooleanAttributeMetadata : AttributeMetadata
    {
        public BooleanAttributeMetadata()
            : base(AttributeTypeCode.Boolean)
        {
        }
    }

    public sealed class DateTimeAttributeMetadata : AttributeMetadata
    {
        public DateTimeAttributeMetadata()
            : base(AttributeTypeCode.DateTime)
        {
        }
    }

    public sealed class LookupAttributeMetadata : AttributeMetadata
    {
        public LookupAttributeMetadata()
            : base(AttributeTypeCode.Lookup)
        {
        }

        public string[] Targets { get; set; }
    }

    public sealed class UniqueIdentifierAttributeMetadata : AttributeMetadata
    {
        public UniqueIdentifierAttributeMetadata()
            : base(AttributeTypeCode.Uniqueidentifier)
        {
        }
    }

    /// <summary>A table.</summary>
    public sealed class EntityMetadata : MetadataBase
    {
        public string LogicalName { get; set; }

        public string SchemaName { get; set; }

        public string EntitySetName { get; set; }

        public bool? IsActivity { get; set; }

        public int? ObjectTypeCode { get; internal set; }

        public string PrimaryIdAttribute { get; internal set; }

        public string PrimaryNameAttribute { get; internal set; }

        public AttributeMetadata[] Attributes { get; internal set; }
    }
}
