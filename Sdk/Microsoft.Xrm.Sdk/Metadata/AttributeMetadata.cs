// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Column metadata: AttributeMetadata and a subclass per column type. As in the official SDK each subclass's constructors
// set AttributeType and AttributeTypeName (a multi-select choice column is AttributeTypeCode.Virtual); a schema name passed
// to a constructor sets SchemaName only. Properties the official SDK exposes read-only have internal setters, for the
// in-memory Dataverse (a friend assembly) to fill as the platform's deserializer does.
// Not modelled: the file, image and managed-property column types, and IsValidODataAttribute.
using System;

namespace Microsoft.Xrm.Sdk.Metadata
{
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
}
