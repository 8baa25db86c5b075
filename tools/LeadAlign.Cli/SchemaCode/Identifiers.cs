using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace LeadAlign.Cli.SchemaCode
{
    /// <summary>How the generated schema code names things: valid C# identifiers from labels, display names and schema names.</summary>
    internal static class Identifiers
    {
        /// <summary>The words of a label or display name, capitalized and joined: "Not a fit" is NotAFit, "MQL" is Mql. Null when it has no letter or digit.</summary>
        public static string? FromWords(string text) => Valid(string.Concat(Words(text).Select(Capitalized)));

        /// <summary>
        /// A schema name without the publisher prefix, first letter upper case: la_FitScore is FitScore, CreatedBy stays CreatedBy,
        /// subject is Subject. Null when nothing is left.
        /// </summary>
        public static string? FromSchemaName(string schemaName, string prefix)
        {
            var name = WithoutPrefix(schemaName, prefix);
            var kept = new string(name.Where(character => char.IsAsciiLetterOrDigit(character) || character == '_').ToArray());
            return kept.Length == 0 ? null : Valid(char.ToUpperInvariant(kept[0]) + kept[1..]);
        }

        /// <summary>
        /// The last words of <paramref name="displayName"/> that spell <paramref name="name"/> (ignoring case and spaces), capitalized
        /// and joined: agreement in "Sales and marketing agreement" is Agreement, leadfeedback in "Lead feedback" is LeadFeedback.
        /// Null when no run of last words spells it.
        /// </summary>
        public static string? Spelled(string name, string displayName)
        {
            var words = Words(displayName).ToList();
            for (var first = 0; first < words.Count; first++)
            {
                var tail = words.Skip(first).ToList();
                if (string.Equals(string.Concat(tail), name, StringComparison.OrdinalIgnoreCase))
                {
                    return Valid(string.Concat(tail.Select(Capitalized)));
                }
            }

            return null;
        }

        /// <summary>Whether <paramref name="schemaName"/>, without the prefix, starts with an upper-case letter (a schema name with its casing).</summary>
        public static bool IsCased(string schemaName, string prefix)
        {
            var name = WithoutPrefix(schemaName, prefix);
            return name.Length > 0 && char.IsAsciiLetterUpper(name[0]);
        }

        public static bool HasPrefix(string name, string prefix) => name.StartsWith(prefix + "_", StringComparison.OrdinalIgnoreCase);

        private static string WithoutPrefix(string name, string prefix) => HasPrefix(name, prefix) ? name[(prefix.Length + 1)..] : name;

        private static IEnumerable<string> Words(string text)
        {
            var word = new StringBuilder();
            foreach (var character in text)
            {
                if (char.IsAsciiLetterOrDigit(character))
                {
                    word.Append(character);
                }
                else if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }
            }

            if (word.Length > 0)
            {
                yield return word.ToString();
            }
        }

        private static string Capitalized(string word) => char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant();

        private static string? Valid(string identifier) =>
            identifier.Length == 0 ? null : char.IsAsciiDigit(identifier[0]) ? "_" + identifier : identifier;
    }
}
