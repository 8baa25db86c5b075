// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0: see ../DataCollection.cs.
// Column metadata: AttributeMetadata and a subclass per column type. As in the official SDK each subclass's constructors
// set AttributeType and AttributeTypeName (a multi-select choice column is AttributeTypeCode.Virtual); a schema name passed
// to a constructor sets SchemaName only. Properties the official SDK exposes read-only have internal setters, for the
// in-memory Dataverse (a friend assembly) to fill as the platform's deserializer does.
// Not modelled: the file, image and managed-property column types, and IsValidODataAttribute.
using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Metadata
{
    public abstract class MetadataBase : IExtensibleDataObject
    {
        protected MetadataBase()
        {
        }

        public Guid? MetadataId { get; set; }

        public bool? HasChanged { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    /// <summary>A column. Created with the parameterless constructor it has no AttributeType; the subclasses set theirs.</summary>
    public class AttributeMetadata : MetadataBase
    {
        public AttributeMetadata()
        {
        }

        protected AttributeMetadata(AttributeTypeCode attributeType)
        {
            AttributeType = attributeType;
            AttributeTypeName = DisplayNameOf(attributeType);
        }

        protected AttributeMetadata(AttributeTypeCode attributeType, string schemaName)
            : this(attributeType)
        {
            SchemaName = schemaName;
        }

        public string AttributeOf { get; internal set; }

        public AttributeTypeCode? AttributeType { get; internal set; }

        public AttributeTypeDisplayName AttributeTypeName { get; internal set; }

        public string AutoNumberFormat { get; set; }

        public bool? CanBeSecuredForCreate { get; internal set; }

        public bool? CanBeSecuredForRead { get; internal set; }

        public bool? CanBeSecuredForUpdate { get; internal set; }

        public BooleanManagedProperty CanModifyAdditionalSettings { get; set; }

        public int? ColumnNumber { get; internal set; }

        public DateTime? CreatedOn { get; internal set; }

        public string DeprecatedVersion { get; internal set; }

        public Label Description { get; set; }

        public Label DisplayName { get; set; }

        public string EntityLogicalName { get; internal set; }

        public string ExternalName { get; set; }

        public string InheritsFrom { get; internal set; }

        public string IntroducedVersion { get; internal set; }

        public BooleanManagedProperty IsAuditEnabled { get; set; }

        public bool? IsCustomAttribute { get; internal set; }

        public BooleanManagedProperty IsCustomizable { get; set; }

        public bool? IsDataSourceSecret { get; set; }

        public bool? IsFilterable { get; internal set; }

        public BooleanManagedProperty IsGlobalFilterEnabled { get; set; }

        public bool? IsLogical { get; internal set; }

        public bool? IsManaged { get; internal set; }

        public bool? IsPrimaryId { get; internal set; }

        public bool? IsPrimaryName { get; internal set; }

        public BooleanManagedProperty IsRenameable { get; set; }

        public bool? IsRequiredForForm { get; set; }

        public bool? IsRetrievable { get; internal set; }

        public bool? IsSearchable { get; internal set; }

        public bool? IsSecured { get; set; }

        public BooleanManagedProperty IsSortableEnabled { get; set; }

        public BooleanManagedProperty IsValidForAdvancedFind { get; set; }

        public bool? IsValidForCreate { get; set; }

        public bool? IsValidForForm { get; set; }

        public bool? IsValidForGrid { get; set; }

        public bool? IsValidForRead { get; internal set; }

        public bool? IsValidForUpdate { get; set; }

        public Guid? LinkedAttributeId { get; set; }

        public string LogicalName { get; set; }

        public DateTime? ModifiedOn { get; internal set; }

        public AttributeRequiredLevelManagedProperty RequiredLevel { get; set; }

        public string SchemaName { get; set; }

        public int? SourceType { get; set; }

        private static AttributeTypeDisplayName DisplayNameOf(AttributeTypeCode attributeType)
        {
            switch (attributeType)
            {
                case AttributeTypeCode.Boolean:
                    return AttributeTypeDisplayName.BooleanType;
                case AttributeTypeCode.Customer:
                    return AttributeTypeDisplayName.CustomerType;
                case AttributeTypeCode.DateTime:
                    return AttributeTypeDisplayName.DateTimeType;
                case AttributeTypeCode.Decimal:
                    return AttributeTypeDisplayName.DecimalType;
                case AttributeTypeCode.Double:
                    return AttributeTypeDisplayName.DoubleType;
                case AttributeTypeCode.Integer:
                    return AttributeTypeDisplayName.IntegerType;
                case AttributeTypeCode.Lookup:
                    return AttributeTypeDisplayName.LookupType;
                case AttributeTypeCode.Memo:
                    return AttributeTypeDisplayName.MemoType;
                case AttributeTypeCode.Money:
                    return AttributeTypeDisplayName.MoneyType;
                case AttributeTypeCode.Owner:
                    return AttributeTypeDisplayName.OwnerType;
                case AttributeTypeCode.PartyList:
                    return AttributeTypeDisplayName.PartyListType;
                case AttributeTypeCode.Picklist:
                    return AttributeTypeDisplayName.PicklistType;
                case AttributeTypeCode.State:
                    return AttributeTypeDisplayName.StateType;
                case AttributeTypeCode.Status:
                    return AttributeTypeDisplayName.StatusType;
                case AttributeTypeCode.String:
                    return AttributeTypeDisplayName.StringType;
                case AttributeTypeCode.Uniqueidentifier:
                    return AttributeTypeDisplayName.UniqueidentifierType;
                case AttributeTypeCode.CalendarRules:
                    return AttributeTypeDisplayName.CalendarRulesType;
                case AttributeTypeCode.Virtual:
                    return AttributeTypeDisplayName.VirtualType;
                case AttributeTypeCode.BigInt:
                    return AttributeTypeDisplayName.BigIntType;
                case AttributeTypeCode.ManagedProperty:
                    return AttributeTypeDisplayName.ManagedPropertyType;
                case AttributeTypeCode.EntityName:
                    return AttributeTypeDisplayName.EntityNameType;
                default:
                    return null;
            }
        }
    }

    /// <summary>A single line of text.</summary>
    public sealed class StringAttributeMetadata : AttributeMetadata
    {
        public const int MinSupportedLength = 1;

        public const int MaxSupportedLength = 4000;

        public StringAttributeMetadata()
            : this((string)null)
        {
        }

        public StringAttributeMetadata(string schemaName)
            : base(AttributeTypeCode.String, schemaName)
        {
        }

        public int? DatabaseLength { get; internal set; }

        public StringFormat? Format { get; set; }

        public StringFormatName FormatName { get; set; }

        public string FormulaDefinition { get; set; }

        public ImeMode? ImeMode { get; set; }

        public bool? IsLocalizable { get; internal set; }

        public int? MaxLength { get; set; }

        public int? SourceTypeMask { get; internal set; }

        public string YomiOf { get; set; }
    }

    /// <summary>Multiple lines of text.</summary>
    public sealed class MemoAttributeMetadata : AttributeMetadata
    {
        public const int MinSupportedLength = 1;

        public const int MaxSupportedLength = 1048576;

        public MemoAttributeMetadata()
            : this((string)null)
        {
        }

        public MemoAttributeMetadata(string schemaName)
            : base(AttributeTypeCode.Memo, schemaName)
        {
        }

        public StringFormat? Format { get; set; }

        public ImeMode? ImeMode { get; set; }

        public bool? IsLocalizable { get; internal set; }

        public int? MaxLength { get; set; }
    }

    /// <summary>A whole number (Int32).</summary>
    public sealed class IntegerAttributeMetadata : AttributeMetadata
    {
        public const int MinSupportedValue = int.MinValue;

        public const int MaxSupportedValue = int.MaxValue;

        public IntegerAttributeMetadata()
            : this((string)null)
        {
        }

        public IntegerAttributeMetadata(string schemaName)
            : base(AttributeTypeCode.Integer, schemaName)
        {
        }

        public IntegerFormat? Format { get; set; }

        public string FormulaDefinition { get; set; }

        public int? MaxValue { get; set; }

        public int? MinValue { get; set; }

        public int? SourceTypeMask { get; internal set; }
    }

    /// <summary>A big whole number (Int64).</summary>
    public sealed class BigIntAttributeMetadata : AttributeMetadata
    {
        public const long MinSupportedValue = long.MinValue;

        public const long MaxSupportedValue = long.MaxValue;

        public BigIntAttributeMetadata()
            : this((string)null)
        {
        }

        public BigIntAttributeMetadata(string schemaName)
            : base(AttributeTypeCode.BigInt, schemaName)
        {
        }

        public long? MaxValue { get; internal set; }

        public long? MinValue { get; internal set; }
    }

    /// <summary>A decimal number.</summary>
    public sealed class DecimalAttributeMetadata : AttributeMetadata
    {
        public const double MinSupportedValue = -100000000000;

        public const double MaxSupportedValue = 100000000000;

        public const int MinSupportedPrecision = 0;

        public const int MaxSupportedPrecision = 10;

        public DecimalAttributeMetadata()
            : this((string)null)
        {
        }

        public DecimalAttributeMetadata(string schemaName)
            : base(AttributeTypeCode.Decimal, schemaName)
        {
        }

        public string FormulaDefinition { get; set; }

        public ImeMode? ImeMode { get; set; }

        public decimal? MaxValue { get; set; }

        public decimal? MinValue { get; set; }

        public int? Precision { get; set; }

        public int? SourceTypeMask { get; internal set; }
    }

    /// <summary>A floating-point number.</summary>
    public sealed class DoubleAttributeMetadata : AttributeMetadata
    {
        public const double MinSupportedValue = -100000000000;

        public const double MaxSupportedValue = 100000000000;

        public const int MinSupportedPrecision = 0;

        public const int MaxSupportedPrecision = 5;

        public DoubleAttributeMetadata()
            : this((string)null)
        {
        }

        public DoubleAttributeMetadata(string schemaName)
            : base(AttributeTypeCode.Double, schemaName)
        {
        }

        public ImeMode? ImeMode { get; set; }

        public double? MaxValue { get; set; }

        public double? MinValue { get; set; }

        public int? Precision { get; set; }
    }

    /// <summary>A currency amount (values are <see cref="Money"/>).</summary>
    public sealed class MoneyAttributeMetadata : AttributeMetadata
    {
        public const double MinSupportedValue = -922337203685477;

        public const double MaxSupportedValue = 922337203685477;

        public const int MinSupportedPrecision = 0;

        public const int MaxSupportedPrecision = 4;

        public const int MaxSupportedPrecisionAfterCurrencyConversion = 10;

        public MoneyAttributeMetadata()
            : this((string)null)
        {
        }

        public MoneyAttributeMetadata(string schemaName)
            : base(AttributeTypeCode.Money, schemaName)
        {
        }

        public string CalculationOf { get; set; }

        public string FormulaDefinition { get; set; }

        public ImeMode? ImeMode { get; set; }

        public bool? IsBaseCurrency { get; internal set; }

        public double? MaxValue { get; set; }

        public double? MinValue { get; set; }

        public int? Precision { get; set; }

        public int? PrecisionSource { get; set; }

        public int? SourceTypeMask { get; internal set; }
    }

    /// <summary>A yes/no column (values are bool); its two options are in <see cref="OptionSet"/>.</summary>
    public sealed class BooleanAttributeMetadata : AttributeMetadata
    {
        public BooleanAttributeMetadata()
            : this((string)null, null)
        {
        }

        public BooleanAttributeMetadata(string schemaName)
            : this(schemaName, null)
        {
        }

        public BooleanAttributeMetadata(BooleanOptionSetMetadata optionSet)
            : this((string)null, optionSet)
        {
        }

        public BooleanAttributeMetadata(string schemaName, BooleanOptionSetMetadata optionSet)
            : base(AttributeTypeCode.Boolean, schemaName)
        {
            OptionSet = optionSet;
        }

        public bool? DefaultValue { get; set; }

        public string FormulaDefinition { get; set; }

        public BooleanOptionSetMetadata OptionSet { get; set; }

        public int? SourceTypeMask { get; internal set; }
    }

    /// <summary>A date, or a date and time. Dataverse stores dates from 1753-01-01 to 9999-12-30 (UTC).</summary>
    public sealed class DateTimeAttributeMetadata : AttributeMetadata
    {
        public DateTimeAttributeMetadata()
            : this((DateTimeFormat?)null)
        {
        }

        public DateTimeAttributeMetadata(DateTimeFormat? format)
            : this(format, null)
        {
        }

        public DateTimeAttributeMetadata(DateTimeFormat? format, string schemaName)
            : base(AttributeTypeCode.DateTime, schemaName)
        {
            Format = format;
        }

        public static DateTime MinSupportedValue { get; } = new DateTime(1753, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        public static DateTime MaxSupportedValue { get; } = new DateTime(9999, 12, 30, 23, 59, 59, DateTimeKind.Utc);

        public BooleanManagedProperty CanChangeDateTimeBehavior { get; set; }

        public DateTimeBehavior DateTimeBehavior { get; set; }

        public DateTimeFormat? Format { get; set; }

        public string FormulaDefinition { get; set; }

        public ImeMode? ImeMode { get; set; }

        public int? SourceTypeMask { get; internal set; }
    }

    /// <summary>A reference to a row of one of <see cref="Targets"/> (values are <see cref="EntityReference"/>).</summary>
    public sealed class LookupAttributeMetadata : AttributeMetadata
    {
        public LookupAttributeMetadata()
            : this((LookupFormat?)null)
        {
        }

        public LookupAttributeMetadata(LookupFormat? format)
            : base(AttributeTypeCode.Lookup)
        {
            Format = format;
        }

        public LookupFormat? Format { get; set; }

        public string[] Targets { get; set; }
    }

    /// <summary>A Guid column, such as a table's primary key.</summary>
    public sealed class UniqueIdentifierAttributeMetadata : AttributeMetadata
    {
        public UniqueIdentifierAttributeMetadata()
            : this((string)null)
        {
        }

        public UniqueIdentifierAttributeMetadata(string schemaName)
            : base(AttributeTypeCode.Uniqueidentifier, schemaName)
        {
        }
    }

    /// <summary>A column whose values come from an option set (values are <see cref="OptionSetValue"/>).</summary>
    public abstract class EnumAttributeMetadata : AttributeMetadata
    {
        protected EnumAttributeMetadata()
        {
        }

        protected EnumAttributeMetadata(AttributeTypeCode attributeType, string schemaName)
            : base(attributeType, schemaName)
        {
        }

        public int? DefaultFormValue { get; set; }

        public OptionSetMetadata OptionSet { get; set; }
    }

    /// <summary>A choice column.</summary>
    public sealed class PicklistAttributeMetadata : EnumAttributeMetadata
    {
        public PicklistAttributeMetadata()
            : this((string)null)
        {
        }

        public PicklistAttributeMetadata(string schemaName)
            : base(AttributeTypeCode.Picklist, schemaName)
        {
        }

        public List<string> ChildPicklistLogicalNames { get; internal set; }

        public string FormulaDefinition { get; set; }

        public string ParentPicklistLogicalName { get; set; }

        public int? SourceTypeMask { get; internal set; }
    }

    /// <summary>A choices column (values are <see cref="OptionSetValueCollection"/>). As in the official SDK its AttributeType is Virtual.</summary>
    public sealed class MultiSelectPicklistAttributeMetadata : EnumAttributeMetadata
    {
        public MultiSelectPicklistAttributeMetadata()
            : this((string)null)
        {
        }

        public MultiSelectPicklistAttributeMetadata(string schemaName)
        {
            AttributeType = AttributeTypeCode.Virtual;
            AttributeTypeName = AttributeTypeDisplayName.MultiSelectPicklistType;
            SchemaName = schemaName;
        }

        public List<string> ChildPicklistLogicalNames { get; internal set; }

        public string FormulaDefinition { get; set; }

        public string ParentPicklistLogicalName { get; set; }

        public int? SourceTypeMask { get; internal set; }
    }

    /// <summary>The statecode column: its options are <see cref="StateOptionMetadata"/>.</summary>
    public sealed class StateAttributeMetadata : EnumAttributeMetadata
    {
        public StateAttributeMetadata()
            : base(AttributeTypeCode.State, null)
        {
        }
    }

    /// <summary>The statuscode column: its options are <see cref="StatusOptionMetadata"/>, each tied to a state.</summary>
    public sealed class StatusAttributeMetadata : EnumAttributeMetadata
    {
        public StatusAttributeMetadata()
            : base(AttributeTypeCode.Status, null)
        {
        }
    }

    /// <summary>A column that holds a table's logical name (such as a lookup's companion <c>...idtype</c> column).</summary>
    public sealed class EntityNameAttributeMetadata : EnumAttributeMetadata
    {
        public EntityNameAttributeMetadata()
            : this((string)null)
        {
        }

        public EntityNameAttributeMetadata(string schemaName)
            : base(AttributeTypeCode.EntityName, schemaName)
        {
        }

        public bool IsEntityReferenceStored { get; internal set; }
    }

    /// <summary>How strongly a column is required; a managed solution may lock it (<see cref="ManagedProperty{T}.CanBeChanged"/>).</summary>
    public sealed class AttributeRequiredLevelManagedProperty : ManagedProperty<AttributeRequiredLevel>
    {
        public AttributeRequiredLevelManagedProperty(AttributeRequiredLevel value)
        {
            Value = value;
        }
    }
}
