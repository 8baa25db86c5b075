using System;
using System.Linq;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Organization;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Storage
{
    /// <summary>
    /// Associate and Disassociate: a one-to-many relationship through the referencing row's lookup, a many-to-many relationship through
    /// its intersect table (a duplicate association is the platform's duplicate-key fault). Both rows must exist; the relationship must
    /// be one the metadata knows. Each takes the locks of what it writes (the referencing row, or the intersect pair) before it reads it.
    /// </summary>
    internal sealed class Associations
    {
        private readonly RecordStore _store;
        private readonly MetadataCatalog _metadata;
        private readonly RecordReader _reader;
        private readonly IdSequence _ids;

        public Associations(RecordStore store, MetadataCatalog metadata, RecordReader reader, IdSequence ids)
        {
            _store = store;
            _metadata = metadata;
            _reader = reader;
            _ids = ids;
        }

        public void Associate(EntityReference target, Relationship relationship, EntityReferenceCollection related)
        {
            lock (_store.Gate)
            {
                Relate(true, target, relationship, related);
            }
        }

        public void Disassociate(EntityReference target, Relationship relationship, EntityReferenceCollection related)
        {
            lock (_store.Gate)
            {
                Relate(false, target, relationship, related);
            }
        }

        private void Relate(bool associate, EntityReference target, Relationship relationship, EntityReferenceCollection related)
        {
            var definition = _metadata.Relationship(relationship?.SchemaName ?? string.Empty)
                ?? throw DataverseFault.Invalid($"The relationship '{relationship?.SchemaName}' is not known: the in-memory Dataverse knows {string.Join(", ", _metadata.Relationships.Select(each => each.SchemaName))}.");
            if (!_reader.Exists(target.LogicalName, target.Id))
            {
                throw DataverseFault.RecordNotFound(target.LogicalName, target.Id);
            }

            foreach (var other in related)
            {
                if (!_reader.Exists(other.LogicalName, other.Id))
                {
                    throw DataverseFault.RecordNotFound(other.LogicalName, other.Id);
                }

                if (definition.IsManyToMany)
                {
                    var (first, second) = target.LogicalName == definition.Entity1 ? (target, other) : (other, target);

                    // The pair is the intersect table's unique key: locked first, so a pair another transaction is associating or
                    // disassociating has been committed or rolled back when this one looks for it.
                    _store.LockKey(definition.IntersectEntity, first.Id, second.Id);
                    var existing = _store.Rows(definition.IntersectEntity).FirstOrDefault(row =>
                        row.GetAttributeValue<Guid>(definition.Entity1IntersectAttribute) == first.Id && row.GetAttributeValue<Guid>(definition.Entity2IntersectAttribute) == second.Id);
                    if (associate)
                    {
                        if (existing != null)
                        {
                            throw DataverseFault.Create(DataverseFault.DuplicateRecord, $"Cannot insert duplicate key: {first.LogicalName} {first.Id} and {second.LogicalName} {second.Id} are already associated through {definition.SchemaName}.");
                        }

                        var intersect = new Entity(definition.IntersectEntity, _ids.NewId());
                        intersect[_metadata.RequireTable(definition.IntersectEntity).PrimaryId] = intersect.Id;
                        intersect[definition.Entity1IntersectAttribute] = first.Id;
                        intersect[definition.Entity2IntersectAttribute] = second.Id;
                        _store.Put(intersect);
                    }
                    else if (existing != null)
                    {
                        _store.Remove(definition.IntersectEntity, existing.Id);
                    }
                }
                else
                {
                    var (referenced, referencing) = target.LogicalName == definition.ReferencedEntity ? (target, other) : (other, target);
                    _store.Lock(referencing.LogicalName, referencing.Id);
                    var row = _store.Get(referencing.LogicalName, referencing.Id) ?? throw DataverseFault.RecordNotFound(referencing.LogicalName, referencing.Id);
                    if (associate)
                    {
                        row[definition.ReferencingAttribute] = new EntityReference(referenced.LogicalName, referenced.Id);
                    }
                    else
                    {
                        row.Attributes.Remove(definition.ReferencingAttribute);
                    }

                    row["versionnumber"] = _ids.NextVersion();
                    _store.Put(row);
                }
            }
        }
    }
}
