// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// String constants that the official SDK models as classes (so that new values can arrive without breaking clients):
// they compare case-insensitively, with each other and with plain strings.
using System;

namespace Microsoft.Xrm.Sdk.Metadata
{
    /// <summary>The name of a column type (StringType, LookupType ...); AttributeMetadata.AttributeTypeName holds one.</summary>
    public sealed class AttributeTypeDisplayName : ConstantsBase<string>
    {
        public static readonly AttributeTypeDisplayName BooleanType = Add<AttributeTypeDisplayName>(nameof(BooleanType));
        public static readonly AttributeTypeDisplayName CustomerType = Add<AttributeTypeDisplayName>(nameof(CustomerType));
        public static readonly AttributeTypeDisplayName DateTimeType = Add<AttributeTypeDisplayName>(nameof(DateTimeType));
        public static readonly AttributeTypeDisplayName DecimalType = Add<AttributeTypeDisplayName>(nameof(DecimalType));
        public static readonly AttributeTypeDisplayName DoubleType = Add<AttributeTypeDisplayName>(nameof(DoubleType));
        public static readonly AttributeTypeDisplayName IntegerType = Add<AttributeTypeDisplayName>(nameof(IntegerType));
        public static readonly AttributeTypeDisplayName LookupType = Add<AttributeTypeDisplayName>(nameof(LookupType));
        public static readonly AttributeTypeDisplayName MemoType = Add<AttributeTypeDisplayName>(nameof(MemoType));
        public static readonly AttributeTypeDisplayName MoneyType = Add<AttributeTypeDisplayName>(nameof(MoneyType));
        public static readonly AttributeTypeDisplayName OwnerType = Add<AttributeTypeDisplayName>(nameof(OwnerType));
        public static readonly AttributeTypeDisplayName PartyListType = Add<AttributeTypeDisplayName>(nameof(PartyListType));
        public static readonly AttributeTypeDisplayName PicklistType = Add<AttributeTypeDisplayName>(nameof(PicklistType));
        public static readonly AttributeTypeDisplayName StateType = Add<AttributeTypeDisplayName>(nameof(StateType));
        public static readonly AttributeTypeDisplayName StatusType = Add<AttributeTypeDisplayName>(nameof(StatusType));
        public static readonly AttributeTypeDisplayName StringType = Add<AttributeTypeDisplayName>(nameof(StringType));
        public static readonly AttributeTypeDisplayName UniqueidentifierType = Add<AttributeTypeDisplayName>(nameof(UniqueidentifierType));
        public static readonly AttributeTypeDisplayName CalendarRulesType = Add<AttributeTypeDisplayName>(nameof(CalendarRulesType));
        public static readonly AttributeTypeDisplayName VirtualType = Add<AttributeTypeDisplayName>(nameof(VirtualType));
        public static readonly AttributeTypeDisplayName BigIntType = Add<AttributeTypeDisplayName>(nameof(BigIntType));
        public static readonly AttributeTypeDisplayName ManagedPropertyType = Add<AttributeTypeDisplayName>(nameof(ManagedPropertyType));
        public static readonly AttributeTypeDisplayName EntityNameType = Add<AttributeTypeDisplayName>(nameof(EntityNameType));
        public static readonly AttributeTypeDisplayName ImageType = Add<AttributeTypeDisplayName>(nameof(ImageType));
        public static readonly AttributeTypeDisplayName MultiSelectPicklistType = Add<AttributeTypeDisplayName>(nameof(MultiSelectPicklistType));
        public static readonly AttributeTypeDisplayName FileType = Add<AttributeTypeDisplayName>(nameof(FileType));
        public static readonly AttributeTypeDisplayName CustomType = Add<AttributeTypeDisplayName>(nameof(CustomType));

        public AttributeTypeDisplayName()
        {
        }

        public static implicit operator AttributeTypeDisplayName(string attributeTypeDisplayName)
        {
            return new AttributeTypeDisplayName { Value = attributeTypeDisplayName };
        }

        public static bool operator ==(AttributeTypeDisplayName attributeTypeDisplayNameA, AttributeTypeDisplayName attributeTypeDisplayNameB)
        {
            if (ReferenceEquals(attributeTypeDisplayNameA, attributeTypeDisplayNameB))
            {
                return true;
            }

            return attributeTypeDisplayNameA is object && attributeTypeDisplayNameB is object && attributeTypeDisplayNameA.Equals(attributeTypeDisplayNameB);
        }

        public static bool operator !=(AttributeTypeDisplayName attributeTypeDisplayNameA, AttributeTypeDisplayName attributeTypeDisplayNameB)
        {
            return !(attributeTypeDisplayNameA == attributeTypeDisplayNameB);
        }

        public override bool Equals(object obj) => StringConstant.Equals(this, obj);

        public override int GetHashCode() => StringConstant.GetHashCode(Value);

        protected override bool ValueExistsInList(string value) => IsRegistered(value, StringComparer.OrdinalIgnoreCase);
    }
}
