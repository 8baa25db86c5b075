using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Dataverse.Pipeline
{
    /// <summary>
    /// The platform serializes a plug-in's execution context when the step returns (the context crosses from the sandbox worker back
    /// to the pipeline, and on to the next stage), and its SharedVariables with it. Microsoft Learn, <i>Understand the execution
    /// context</i>, section Shared variables (learn.microsoft.com/power-apps/developer/data-platform/understand-the-data-context;
    /// MicrosoftDocs/powerapps-docs, powerapps-docs/developer/data-platform/understand-the-data-context.md): "Any type of data added to
    /// the shared variables collection must be serializable otherwise the server will not know how to serialize the data and plug-in
    /// execution will fail." The context is a data contract (ParameterCollection of <see cref="object"/> values), so a value serializes
    /// only when its type is known to the serializer: the data contract primitives (string, bool, char, the integer types, float,
    /// double, decimal, DateTime, TimeSpan, Guid, Uri, byte[]), the SDK's own types (Entity, EntityReference, EntityCollection,
    /// EntityReferenceCollection, OptionSetValue, OptionSetValueCollection, Money, AliasedValue, ColumnSet, QueryExpression,
    /// QueryByAttribute, FetchExpression, Relationship) and one-dimensional arrays of them, with every value they hold (an Entity's
    /// columns, a collection's rows) known too. Anything else (a class of the plug-in's own, a List or Dictionary, an enum) fails as the
    /// data contract serializer fails, with its SerializationException, which reaches the caller as an unexpected exception from the
    /// plug-in (0x80040224), and rolls the operation back.
    /// </summary>
    internal static class SharedVariableSerialization
    {
        private static readonly HashSet<Type> KnownTypes = new()
        {
            typeof(string),
            typeof(bool),
            typeof(char),
            typeof(byte),
            typeof(sbyte),
            typeof(short),
            typeof(ushort),
            typeof(int),
            typeof(uint),
            typeof(long),
            typeof(ulong),
            typeof(float),
            typeof(double),
            typeof(decimal),
            typeof(DateTime),
            typeof(TimeSpan),
            typeof(Guid),
            typeof(Uri),
            typeof(byte[]),
            typeof(Entity),
            typeof(EntityReference),
            typeof(EntityCollection),
            typeof(EntityReferenceCollection),
            typeof(OptionSetValue),
            typeof(OptionSetValueCollection),
            typeof(Money),
            typeof(AliasedValue),
            typeof(ColumnSet),
            typeof(QueryExpression),
            typeof(QueryByAttribute),
            typeof(FetchExpression),
            typeof(Relationship),
        };

        /// <summary>Refuses the step's shared variables when one holds a value the platform could not serialize.</summary>
        public static void Check(ParameterCollection sharedVariables)
        {
            foreach (var variable in sharedVariables)
            {
                if (Unknown(variable.Value) is { } type)
                {
                    throw new SerializationException(
                        $"Type '{type.FullName}' with data contract name '{ContractName(type)}:http://schemas.datacontract.org/2004/07/{type.Namespace}' is not expected. "
                        + "Consider using a DataContractResolver if you are using DataContractSerializer or add any types not known statically to the list of known types - "
                        + "for example, by using the KnownTypeAttribute attribute or by adding them to the list of known types passed to the serializer. "
                        + $"(The shared variable '{variable.Key}' holds it: the platform serializes SharedVariables when the step returns, and only the SDK's known types serialize.)");
                }
            }
        }

        /// <summary>The first type in the value the serializer would not know, or null when every part of it serializes.</summary>
        private static Type? Unknown(object? value)
        {
            switch (value)
            {
                case null:
                    return null;
                case Entity entity:
                    return entity.Attributes.Select(attribute => Unknown(attribute.Value)).FirstOrDefault(type => type != null);
                case EntityCollection collection:
                    return collection.Entities.Select(Unknown).FirstOrDefault(type => type != null);
                case AliasedValue aliased:
                    return Unknown(aliased.Value);
                case Array array when array.Rank == 1 && KnownTypes.Contains(array.GetType().GetElementType()!):
                    return array.Cast<object?>().Select(Unknown).FirstOrDefault(type => type != null);
                default:
                    return KnownTypes.Contains(value.GetType()) ? null : value.GetType();
            }
        }

        /// <summary>The data contract name the serializer gives a type: its name, a generic type's with "Of" and its arguments' names.</summary>
        private static string ContractName(Type type) =>
            type.IsGenericType
                ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "Of" + string.Concat(type.GetGenericArguments().Select(ContractName))
                : type.Name;
    }
}
