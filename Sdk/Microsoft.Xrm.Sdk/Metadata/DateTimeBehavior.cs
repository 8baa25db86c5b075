// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// String constants that the official SDK models as classes (so that new values can arrive without breaking clients):
// they compare case-insensitively, with each other and with plain strings.
using System;

namespace Microsoft.Xrm.Sdk.Metadata
{
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
}
