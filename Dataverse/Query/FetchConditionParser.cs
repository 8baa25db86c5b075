using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk.Metadata;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Dataverse.Query
{
    /// <summary>
    /// FetchXML conditions: the operator by its FetchXML name, the column (of the entity, of a link-entity, or of the link-entity
    /// an <c>entityname</c> names), and the values, which FetchXML always writes as text, converted to the type the column stores.
    /// </summary>
    internal sealed class FetchConditionParser
    {
        private static readonly Dictionary<string, ConditionOperator> Operators = new Dictionary<string, ConditionOperator>(StringComparer.Ordinal)
        {
            ["eq"] = ConditionOperator.Equal,
            ["ne"] = ConditionOperator.NotEqual,
            ["neq"] = ConditionOperator.NotEqual,
            ["in"] = ConditionOperator.In,
            ["not-in"] = ConditionOperator.NotIn,
            ["null"] = ConditionOperator.Null,
            ["not-null"] = ConditionOperator.NotNull,
            ["gt"] = ConditionOperator.GreaterThan,
            ["ge"] = ConditionOperator.GreaterEqual,
            ["lt"] = ConditionOperator.LessThan,
            ["le"] = ConditionOperator.LessEqual,
            ["between"] = ConditionOperator.Between,
            ["not-between"] = ConditionOperator.NotBetween,
            ["like"] = ConditionOperator.Like,
            ["not-like"] = ConditionOperator.NotLike,
            ["begins-with"] = ConditionOperator.BeginsWith,
            ["not-begin-with"] = ConditionOperator.DoesNotBeginWith,
            ["ends-with"] = ConditionOperator.EndsWith,
            ["not-end-with"] = ConditionOperator.DoesNotEndWith,
            ["on"] = ConditionOperator.On,
            ["not-on"] = ConditionOperator.NotOn,
            ["on-or-after"] = ConditionOperator.OnOrAfter,
            ["on-or-before"] = ConditionOperator.OnOrBefore,
            ["last-x-hours"] = ConditionOperator.LastXHours,
            ["next-x-hours"] = ConditionOperator.NextXHours,
            ["last-x-days"] = ConditionOperator.LastXDays,
            ["next-x-days"] = ConditionOperator.NextXDays,
            ["olderthan-x-days"] = ConditionOperator.OlderThanXDays,
            ["olderthan-x-hours"] = ConditionOperator.OlderThanXHours,
            ["today"] = ConditionOperator.Today,
            ["yesterday"] = ConditionOperator.Yesterday,
            ["tomorrow"] = ConditionOperator.Tomorrow,
            ["eq-userid"] = ConditionOperator.EqualUserId,
            ["ne-userid"] = ConditionOperator.NotEqualUserId,
        };

        private readonly Func<string, string, AttributeTypeCode?> _typeOf;

        /// <summary><paramref name="typeOf"/> gives a column's type (or null when the column is unknown).</summary>
        public FetchConditionParser(Func<string, string, AttributeTypeCode?> typeOf)
        {
            _typeOf = typeOf;
        }

        /// <summary>A condition of an entity's or link-entity's filter, its values converted to what the column stores.</summary>
        public ConditionExpression Parse(XElement element, FetchNode node, IReadOnlyDictionary<string, string> tables)
        {
            foreach (var option in new[] { "valueof", "aggregate", "rowaggregate" })
            {
                if (element.Attribute(option) != null)
                {
                    throw new NotSupportedException("The FetchXML condition option '" + option + "' is not supported by the in-memory Dataverse.");
                }
            }

            var attribute = FetchXmlSyntax.Required(element, "attribute");
            var operatorName = FetchXmlSyntax.Required(element, "operator");
            if (!Operators.TryGetValue(operatorName, out var conditionOperator))
            {
                throw new NotSupportedException("The FetchXML operator '" + operatorName + "' is not supported by the in-memory Dataverse.");
            }

            var entityName = (string?)element.Attribute("entityname");
            var table = node.Table;
            if (!string.IsNullOrEmpty(entityName))
            {
                if (node.Alias != null)
                {
                    throw new NotSupportedException("A condition with entityname inside a link-entity's filter (on " + attribute + ") is not supported by the in-memory Dataverse: put it in the entity's filter.");
                }

                if (!tables.TryGetValue(entityName, out var linked))
                {
                    throw new InvalidOperationException("The condition on '" + attribute + "' names entityname '" + entityName + "', which is not the alias of a link-entity in this fetch.");
                }

                table = linked;
            }

            foreach (var child in element.Elements())
            {
                if (child.Name.LocalName != "value")
                {
                    throw FetchXmlSyntax.Unsupported(child.Name.LocalName);
                }
            }

            var texts = element.Elements().Select(value => value.Value).ToList();
            var single = (string?)element.Attribute("value");
            if (texts.Count == 0 && single != null)
            {
                texts.Add(single);
            }

            var type = _typeOf(table, attribute);
            var values = texts.Select(text => ConvertValue(text, conditionOperator, type, table, attribute, operatorName)).ToArray();
            return new ConditionExpression(string.IsNullOrEmpty(entityName) ? null! : entityName, attribute, conditionOperator, values);
        }

        /// <summary>A FetchXML value (always text) as the value the column stores, so the condition compares like with like.</summary>
        private static object ConvertValue(string text, ConditionOperator conditionOperator, AttributeTypeCode? type, string table, string attribute, string operatorName)
        {
            try
            {
                switch (conditionOperator)
                {
                    case ConditionOperator.LastXHours:
                    case ConditionOperator.NextXHours:
                    case ConditionOperator.LastXDays:
                    case ConditionOperator.NextXDays:
                    case ConditionOperator.OlderThanXDays:
                    case ConditionOperator.OlderThanXHours:
                        return int.Parse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);
                    case ConditionOperator.Like:
                    case ConditionOperator.NotLike:
                    case ConditionOperator.BeginsWith:
                    case ConditionOperator.DoesNotBeginWith:
                    case ConditionOperator.EndsWith:
                    case ConditionOperator.DoesNotEndWith:
                        return text;
                    case ConditionOperator.On:
                    case ConditionOperator.NotOn:
                    case ConditionOperator.OnOrAfter:
                    case ConditionOperator.OnOrBefore:
                        return ParseDate(text);
                }

                switch (type)
                {
                    case AttributeTypeCode.Integer:
                    case AttributeTypeCode.Picklist:
                    case AttributeTypeCode.State:
                    case AttributeTypeCode.Status:
                        return int.Parse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);
                    case AttributeTypeCode.BigInt:
                        return long.Parse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);
                    case AttributeTypeCode.Decimal:
                    case AttributeTypeCode.Money:
                        return decimal.Parse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture);
                    case AttributeTypeCode.Double:
                        return double.Parse(text.Trim(), NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
                    case AttributeTypeCode.Boolean:
                        return text.Trim().ToLowerInvariant() switch
                        {
                            "1" or "true" => true,
                            "0" or "false" => false,
                            _ => throw new FormatException("a two-options value is 1, 0, true or false"),
                        };
                    case AttributeTypeCode.DateTime:
                        return ParseDate(text);
                    case AttributeTypeCode.Lookup:
                    case AttributeTypeCode.Customer:
                    case AttributeTypeCode.Owner:
                    case AttributeTypeCode.Uniqueidentifier:
                        return Guid.Parse(text.Trim());
                    default:
                        return text;
                }
            }
            catch (Exception failure) when (failure is FormatException || failure is OverflowException)
            {
                throw new InvalidOperationException(
                    "The value '" + text + "' of the condition " + table + "." + attribute + " " + operatorName + " is not a valid "
                    + (type?.ToString() ?? "value") + ": " + failure.Message,
                    failure);
            }
        }

        private static DateTime ParseDate(string text) =>
            DateTime.Parse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    }
}
