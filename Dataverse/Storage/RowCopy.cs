using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Storage
{
    /// <summary>Copies of rows and values deep enough that no caller can change what the store holds.</summary>
    public static class RowCopy
    {
        public static Entity Of(Entity row)
        {
            var copy = new Entity(row.LogicalName, row.Id) { RowVersion = row.RowVersion, Attributes = Sized(row.Attributes.Count) };
            foreach (var key in row.KeyAttributes)
            {
                copy.KeyAttributes[key.Key] = key.Value;
            }

            foreach (var attribute in row.Attributes)
            {
                copy.Attributes[attribute.Key] = Value(attribute.Value);
            }

            return copy;
        }

        /// <summary>
        /// A copy of the row with only the <paramref name="columns"/> it holds (all of them when null), as deep as <see cref="Of"/>:
        /// what a reader that looks at a few columns (an image, a Retrieve) needs, without copying the whole row.
        /// </summary>
        public static Entity Of(Entity row, HashSet<string>? columns)
        {
            if (columns == null)
            {
                return Of(row);
            }

            var copy = new Entity(row.LogicalName, row.Id) { RowVersion = row.RowVersion, Attributes = Sized(System.Math.Min(columns.Count, row.Attributes.Count)) };
            foreach (var key in row.KeyAttributes)
            {
                copy.KeyAttributes[key.Key] = key.Value;
            }

            // In the row's order, as a whole copy keeps it.
            foreach (var attribute in row.Attributes)
            {
                if (columns.Contains(attribute.Key))
                {
                    copy.Attributes[attribute.Key] = Value(attribute.Value);
                }
            }

            return copy;
        }

        /// <summary>An empty attribute collection with room for <paramref name="columns"/> columns (no growth while a row of known width is built).</summary>
        public static AttributeCollection Sized(int columns) => new(columns);

        public static object? Value(object? value) => value switch
        {
            EntityReference reference => new EntityReference(reference.LogicalName, reference.Id) { Name = reference.Name, RowVersion = reference.RowVersion },
            OptionSetValue option => new OptionSetValue(option.Value),
            Money money => new Money(money.Value),
            OptionSetValueCollection options => new OptionSetValueCollection(options.Select(option => new OptionSetValue(option.Value)).ToList()),
            EntityCollection collection => Collection(collection),
            AliasedValue aliased => new AliasedValue(aliased.EntityLogicalName, aliased.AttributeLogicalName, Value(aliased.Value)),
            Entity entity => Of(entity),
            _ => value,
        };

        private static EntityCollection Collection(EntityCollection collection)
        {
            var copy = new EntityCollection { EntityName = collection.EntityName };
            foreach (var entity in collection.Entities)
            {
                copy.Entities.Add(Of(entity));
            }

            return copy;
        }
    }
}
