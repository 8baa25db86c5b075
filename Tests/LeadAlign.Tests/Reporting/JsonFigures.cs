using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace LeadAlign.Tests.Reporting
{
    /// <summary>Compares two JSON documents figure by figure: the same names, the same array lengths, numbers equal as decimals, the path named on a difference.</summary>
    internal static class JsonFigures
    {
        public static void Equal(JsonNode? expected, JsonNode? actual, string path = "$")
        {
            if (expected == null || actual == null)
            {
                Assert.True(expected == null && actual == null, $"{path}: expected {expected?.ToJsonString() ?? "null"}, the report has {actual?.ToJsonString() ?? "null"}");
                return;
            }

            switch (expected)
            {
                case JsonObject expectedObject:
                    var actualObject = Assert.IsType<JsonObject>(actual);
                    Assert.True(expectedObject.Select(pair => pair.Key).OrderBy(key => key, StringComparer.Ordinal).SequenceEqual(actualObject.Select(pair => pair.Key).OrderBy(key => key, StringComparer.Ordinal)),
                        $"{path}: expected the names {string.Join(", ", expectedObject.Select(pair => pair.Key))}, the report has {string.Join(", ", actualObject.Select(pair => pair.Key))}");
                    foreach (var pair in expectedObject)
                    {
                        Equal(pair.Value, actualObject[pair.Key], path + "." + pair.Key);
                    }

                    break;
                case JsonArray expectedArray:
                    var actualArray = Assert.IsType<JsonArray>(actual);
                    Assert.True(expectedArray.Count == actualArray.Count, $"{path}: expected {expectedArray.Count} rows {expectedArray.ToJsonString()}, the report has {actualArray.Count}: {actualArray.ToJsonString()}");
                    for (var index = 0; index < expectedArray.Count; index++)
                    {
                        Equal(expectedArray[index], actualArray[index], $"{path}[{index}]");
                    }

                    break;
                default:
                    var kind = expected.GetValueKind();
                    Assert.True(kind == actual.GetValueKind(), $"{path}: expected {expected.ToJsonString()}, the report has {actual.ToJsonString()}");
                    if (kind == JsonValueKind.Number)
                    {
                        Assert.True(Number(expected) == Number(actual), $"{path}: expected {expected.ToJsonString()}, the report has {actual.ToJsonString()}");
                    }
                    else
                    {
                        Assert.True(expected.ToJsonString() == actual.ToJsonString(), $"{path}: expected {expected.ToJsonString()}, the report has {actual.ToJsonString()}");
                    }

                    break;
            }
        }

        private static decimal Number(JsonNode node) => decimal.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
