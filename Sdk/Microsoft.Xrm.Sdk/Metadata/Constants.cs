// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0: see ../DataCollection.cs.
// String constants that the official SDK models as classes (so that new values can arrive without breaking clients):
// they compare case-insensitively, with each other and with plain strings.
using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Metadata
{
    public abstract class ConstantsBase<T> : IExtensibleDataObject
    {
        /// <summary>Every value registered through <see cref="Add{T2}"/>; as in the official SDK the list is shared by all subclasses with the same T.</summary>
        protected static readonly IList<T> ValidValues = new List<T>();

        private static readonly object ValidValuesLock = new object();

        protected ConstantsBase()
        {
        }

        public T Value { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        protected static T2 Add<T2>(T value)
            where T2 : ConstantsBase<T>, new()
        {
            lock (ValidValuesLock)
            {
                ValidValues.Add(value);
            }

            return Create<T2>(value);
        }

        protected static T2 Create<T2>(T value)
            where T2 : ConstantsBase<T>, new()
        {
            return new T2 { Value = value };
        }

        protected abstract bool ValueExistsInList(T value);

        internal static bool IsRegistered(T value, IEqualityComparer<T> comparer)
        {
            lock (ValidValuesLock)
            {
                foreach (var valid in ValidValues)
                {
                    if (comparer.Equals(valid, value))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    /// <summary>Equality shared by the string constants: case-insensitive, against a constant of the same type or a string.</summary>
    internal static class StringConstant
    {
        public static bool Equals(ConstantsBase<string> constant, object obj)
        {
            switch (obj)
            {
                case string text:
                    return string.Equals(constant.Value, text, StringComparison.OrdinalIgnoreCase);
                case ConstantsBase<string> other when other.GetType() == constant.GetType():
                    return string.Equals(constant.Value, other.Value, StringComparison.OrdinalIgnoreCase);
                default:
                    return false;
            }
        }

        public static int GetHashCode(string value) => value == null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(value);
    }

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

    /// <summary>How a date-and-time column stores its values: UserLocal, DateOnly or TimeZoneIndependent.</summary>
    public sealed class DateTimeBehavior : ConstantsBase<string>
    {
        public static readonly DateTimeBehavior UserLocal = Add<DateTimeBehavior>(nameof(UserLocal));
        public static readonly DateTimeBehavior DateOnly = Add<DateTimeBehavior>(nameof(DateOnly));
        public static readonly DateTimeBehavior TimeZoneIndependent = Add<DateTimeBehavior>(nameof(TimeZoneIndependent));

        public DateTimeBehavior()
        {
        }

        public static implicit operator DateTimeBehavior(string behavior)
        {
            return new DateTimeBehavior { Value = behavior };
        }

        public static bool operator ==(DateTimeBehavior behaviorA, DateTimeBehavior behaviorB)
        {
            if (ReferenceEquals(behaviorA, behaviorB))
            {
                return true;
            }

            return behaviorA is object && behaviorB is object && behaviorA.Equals(behaviorB);
        }

        public static bool operator !=(DateTimeBehavior behaviorA, DateTimeBehavior behaviorB)
        {
            return !(behaviorA == behaviorB);
        }

        public override bool Equals(object obj) => StringConstant.Equals(this, obj);

        public override int GetHashCode() => StringConstant.GetHashCode(Value);

        protected override bool ValueExistsInList(string value) => IsRegistered(value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The display format of a text column, by name (Email, Text, Url ...).</summary>
    public sealed class StringFormatName : ConstantsBase<string>
    {
        public static readonly StringFormatName Email = Add<StringFormatName>(nameof(Email));
        public static readonly StringFormatName Text = Add<StringFormatName>(nameof(Text));
        public static readonly StringFormatName TextArea = Add<StringFormatName>(nameof(TextArea));
        public static readonly StringFormatName Url = Add<StringFormatName>(nameof(Url));
        public static readonly StringFormatName TickerSymbol = Add<StringFormatName>(nameof(TickerSymbol));
        public static readonly StringFormatName PhoneticGuide = Add<StringFormatName>(nameof(PhoneticGuide));
        public static readonly StringFormatName VersionNumber = Add<StringFormatName>(nameof(VersionNumber));
        public static readonly StringFormatName Phone = Add<StringFormatName>(nameof(Phone));
        public static readonly StringFormatName Json = Add<StringFormatName>(nameof(Json));

        public StringFormatName()
        {
        }

        public static implicit operator StringFormatName(string formatName)
        {
            return new StringFormatName { Value = formatName };
        }

        public static bool operator ==(StringFormatName stringFormatA, StringFormatName stringFormatB)
        {
            if (ReferenceEquals(stringFormatA, stringFormatB))
            {
                return true;
            }

            return stringFormatA is object && stringFormatB is object && stringFormatA.Equals(stringFormatB);
        }

        public static bool operator !=(StringFormatName stringFormatA, StringFormatName stringFormatB)
        {
            return !(stringFormatA == stringFormatB);
        }

        public override bool Equals(object obj) => StringConstant.Equals(this, obj);

        public override int GetHashCode() => StringConstant.GetHashCode(Value);

        protected override bool ValueExistsInList(string value) => IsRegistered(value, StringComparer.OrdinalIgnoreCase);
    }
}
