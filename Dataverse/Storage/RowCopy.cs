using System.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Storage
{
    /// <summary>Copies of rows and values deep enough that no caller can change what the store holds.</summary>
    public static class RowCopy
    {
        public static Entity Of(Entity row)
        {
            var copy = new Entity(row.LogicalName, row.Id) { RowVersion = row.RowVersion };
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

        public static object? Value(object? value) => value switch
        {
            EntityReference reference => new EntityReference(reference.LogicalName, reference.Id) { Name = reference.Name, RowVersion = reference.RowVersion },
            OptionSetValue option => new OptionSetValue(option.Value),
            Money money => new Money(money.Value),
            OptionSetValueCollection options => new OptionSetValueCollection(options.Select(option => new OptionSetValue(option.Value)).ToList()),
            EntityCollection collection => Collection(collection),
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
