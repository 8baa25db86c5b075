// Stand-in for .NET Framework 4.6.2's System.Activities (4.0.0.0), net10.0 only (internal).
// TypeHelper: the value conversions WF4 applies to argument values: an exact or reference/boxing match, a nullable wrap, or an
// implicit numeric conversion (int to long, float to double ...). Nothing else (no explicit, user-defined or string conversions).
// Not modelled anywhere in the stand-in: persistence, bookmarks, NativeActivity scheduling, expressions other than
// constants, and tracking.
using System.Collections.Generic;
using System.Globalization;

namespace System.Activities
{
    internal static class TypeHelper
    {
        private static readonly Dictionary<Type, Type[]> ImplicitNumericConversions = new Dictionary<Type, Type[]>
        {
            [typeof(sbyte)] = new[] { typeof(short), typeof(int), typeof(long), typeof(float), typeof(double), typeof(decimal) },
            [typeof(byte)] = new[] { typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong), typeof(float), typeof(double), typeof(decimal) },
            [typeof(short)] = new[] { typeof(int), typeof(long), typeof(float), typeof(double), typeof(decimal) },
            [typeof(ushort)] = new[] { typeof(int), typeof(uint), typeof(long), typeof(ulong), typeof(float), typeof(double), typeof(decimal) },
            [typeof(int)] = new[] { typeof(long), typeof(float), typeof(double), typeof(decimal) },
            [typeof(uint)] = new[] { typeof(long), typeof(ulong), typeof(float), typeof(double), typeof(decimal) },
            [typeof(long)] = new[] { typeof(float), typeof(double), typeof(decimal) },
            [typeof(ulong)] = new[] { typeof(float), typeof(double), typeof(decimal) },
            [typeof(char)] = new[] { typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong), typeof(float), typeof(double), typeof(decimal) },
            [typeof(float)] = new[] { typeof(double) },
        };

        /// <summary>Whether <paramref name="value"/> can be a value of <paramref name="type"/> (WF4's AreTypesCompatible).</summary>
        public static bool IsCompatible(object value, Type type) => TryConvert(value, type, out _);

        /// <summary><paramref name="value"/> as a <paramref name="type"/>, or InvalidCastException (WF4's TypeHelper.Convert).</summary>
        public static object Convert(object value, Type type)
        {
            if (!TryConvert(value, type, out var converted))
            {
                throw new InvalidCastException(string.Format(
                    CultureInfo.CurrentCulture,
                    "Cannot convert the value '{0}' of type '{1}' to type '{2}'.",
                    value,
                    value?.GetType().ToString() ?? "null",
                    type));
            }

            return converted;
        }

        public static T Convert<T>(object value) => (T)Convert(value, typeof(T));

        public static object DefaultOf(Type type) => type.IsValueType && Nullable.GetUnderlyingType(type) == null ? Activator.CreateInstance(type) : null;

        private static bool TryConvert(object value, Type type, out object converted)
        {
            converted = value;
            if (value == null)
            {
                return !type.IsValueType || Nullable.GetUnderlyingType(type) != null;
            }

            var target = Nullable.GetUnderlyingType(type) ?? type;
            if (type.IsInstanceOfType(value) || target.IsInstanceOfType(value))
            {
                return true;
            }

            var source = value.GetType();
            if (ImplicitNumericConversions.TryGetValue(source, out var targets) && Array.IndexOf(targets, target) >= 0)
            {
                var number = value is char character ? (int)character : value;
                converted = System.Convert.ChangeType(number, target, CultureInfo.InvariantCulture);
                return true;
            }

            return false;
        }
    }
}
