namespace LeadAlign.Dataverse.Metadata
{
    /// <summary>
    /// A relationship Associate and Disassociate can name. One-to-many: the referencing table's lookup column points at the
    /// referenced table. Many-to-many: rows of the intersect table pair the two tables' ids.
    /// </summary>
    public sealed class RelationshipDefinition
    {
        private RelationshipDefinition(string schemaName, bool manyToMany)
        {
            SchemaName = schemaName;
            IsManyToMany = manyToMany;
        }

        public string SchemaName { get; }

        public bool IsManyToMany { get; }

        public string ReferencedEntity { get; private init; } = string.Empty;

        public string ReferencingEntity { get; private init; } = string.Empty;

        public string ReferencingAttribute { get; private init; } = string.Empty;

        public string IntersectEntity { get; private init; } = string.Empty;

        public string Entity1 { get; private init; } = string.Empty;

        public string Entity1IntersectAttribute { get; private init; } = string.Empty;

        public string Entity2 { get; private init; } = string.Empty;

        public string Entity2IntersectAttribute { get; private init; } = string.Empty;

        public static RelationshipDefinition OneToMany(string schemaName, string referencedEntity, string referencingEntity, string referencingAttribute) =>
            new(schemaName, false) { ReferencedEntity = referencedEntity, ReferencingEntity = referencingEntity, ReferencingAttribute = referencingAttribute };

        public static RelationshipDefinition ManyToMany(string schemaName, string intersectEntity, string entity1, string entity1Attribute, string entity2, string entity2Attribute) =>
            new(schemaName, true)
            {
                IntersectEntity = intersectEntity,
                Entity1 = entity1,
                Entity1IntersectAttribute = entity1Attribute,
                Entity2 = entity2,
                Entity2IntersectAttribute = entity2Attribute,
            };
    }
}
