// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Column metadata: AttributeMetadata and a subclass per column type. As in the official SDK each subclass's constructors
// set AttributeType and AttributeTypeName (a multi-select choice column is AttributeTypeCode.Virtual); a schema name passed
// to a constructor sets SchemaName only. Properties the official SDK exposes read-only have internal setters, for the
// in-memory Dataverse (a friend assembly) to fill as the platform's deserializer does.
// Not modelled: the file, image and managed-property column types, and IsValidODataAttribute.
using System;

namespace Microsoft.Xrm.Sdk.Metadata
{
    /// <summary>A date, or a date and time. Dataverse stores dates from 1753-01-01 to 9999-12-30 (UTC).</summary>
    public sealed class DateTimeAttributeMetadata : AttributeMetadata
    {
        public DateTimeAttributeMetadata()
            : this((DateTimeFormat?)null)
        {
        }

        public DateTimeAttributeMetadata(DateTimeFormat? format)
            : this(format, null)
        {
        }

        public DateTimeAttributeMetadata(DateTimeFormat? format, string schemaName)
            : base(AttributeTypeCode.DateTime, schemaName)
        {
            Format = format;
        }

        public static DateTime MinSupportedValue { get; } = new DateTime(1753, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        public static DateTime MaxSupportedValue { get; } = new DateTime(9999, 12, 30, 23, 59, 59, DateTimeKind.Utc);

        public BooleanManagedProperty CanChangeDateTimeBehavior { get; set; }

        public DateTimeBehavior DateTimeBehavior { get; set; }

        public DateTimeFormat? Format { get; set; }

        public string FormulaDefinition { get; set; }

        public ImeMode? ImeMode { get; set; }

        public int? SourceTypeMask { get; internal set; }
    }
}
