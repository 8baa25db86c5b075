using System;
using System.Globalization;
using System.Text;

namespace LeadAlign.Reporting
{
    /// <summary>
    /// A small JSON writer for the alignment report (the sandbox has no JSON library LeadAlign may ship): objects, arrays, names
    /// and values written in order, commas placed by the writer, numbers in the invariant culture, strings escaped as RFC 8259
    /// requires (and &lt;, &gt; and &amp; escaped too, so the text can sit inside an HTML page).
    /// </summary>
    internal sealed class JsonWriter
    {
        private readonly StringBuilder _text = new StringBuilder();
        private bool _needsComma;

        public JsonWriter BeginObject() => Open('{');

        public JsonWriter EndObject() => Close('}');

        public JsonWriter BeginArray() => Open('[');

        public JsonWriter EndArray() => Close(']');

        /// <summary>The name of the next value of an object.</summary>
        public JsonWriter Name(string name)
        {
            Separate();
            WriteString(name);
            _text.Append(':');
            _needsComma = false;
            return this;
        }

        public JsonWriter Value(string? value) => value == null ? Null() : Raw(Quoted(value));

        public JsonWriter Value(int? value) => value == null ? Null() : Raw(value.Value.ToString(CultureInfo.InvariantCulture));

        public JsonWriter Value(bool? value) => value == null ? Null() : Raw(value.Value ? "true" : "false");

        /// <summary>A decimal as it is (an amount keeps its digits: 42000.00).</summary>
        public JsonWriter Value(decimal? value) => value == null ? Null() : Raw(value.Value.ToString(CultureInfo.InvariantCulture));

        /// <summary>A figure with one decimal (24.0, 30.5): percents and hours.</summary>
        public JsonWriter OneDecimal(decimal? value) => value == null ? Null() : Raw(value.Value.ToString("0.0", CultureInfo.InvariantCulture));

        /// <summary>A ratio rounded half away from zero to <paramref name="decimals"/> places (0.875, 0.1234): AUC, Brier, PSI.</summary>
        public JsonWriter Fixed(double? value, int decimals) =>
            value == null || double.IsNaN(value.Value) || double.IsInfinity(value.Value)
                ? Null()
                : Raw(Math.Round((decimal)value.Value, decimals, MidpointRounding.AwayFromZero).ToString("0." + new string('0', decimals), CultureInfo.InvariantCulture));

        /// <summary>A UTC instant as ISO 8601 to the second: 2026-11-01T00:00:00Z.</summary>
        public JsonWriter Instant(DateTime value) => Raw(Quoted(DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));

        public JsonWriter Null() => Raw("null");

        /// <summary>A name and its value in one call.</summary>
        public JsonWriter Property(string name, string? value) => Name(name).Value(value);

        public JsonWriter Property(string name, int? value) => Name(name).Value(value);

        public JsonWriter Property(string name, bool? value) => Name(name).Value(value);

        public JsonWriter Property(string name, decimal? value) => Name(name).Value(value);

        public override string ToString() => _text.ToString();

        private JsonWriter Open(char bracket)
        {
            Separate();
            _text.Append(bracket);
            _needsComma = false;
            return this;
        }

        private JsonWriter Close(char bracket)
        {
            _text.Append(bracket);
            _needsComma = true;
            return this;
        }

        private JsonWriter Raw(string token)
        {
            Separate();
            _text.Append(token);
            _needsComma = true;
            return this;
        }

        private void Separate()
        {
            if (_needsComma)
            {
                _text.Append(',');
            }
        }

        private static string Quoted(string value)
        {
            var quoted = new StringBuilder(value.Length + 2);
            AppendString(quoted, value);
            return quoted.ToString();
        }

        private void WriteString(string value) => AppendString(_text, value);

        private static void AppendString(StringBuilder text, string value)
        {
            text.Append('"');
            foreach (var character in value)
            {
                switch (character)
                {
                    case '"':
                        text.Append("\\\"");
                        break;
                    case '\\':
                        text.Append("\\\\");
                        break;
                    case '\n':
                        text.Append("\\n");
                        break;
                    case '\r':
                        text.Append("\\r");
                        break;
                    case '\t':
                        text.Append("\\t");
                        break;
                    default:
                        if (character < ' ' || character == '<' || character == '>' || character == '&' || character == '\u2028' || character == '\u2029')
                        {
                            text.Append("\\u").Append(((int)character).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            text.Append(character);
                        }

                        break;
                }
            }

            text.Append('"');
        }
    }
}
