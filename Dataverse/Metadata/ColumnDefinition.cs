using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk.Metadata;

namespace LeadAlign.Dataverse.Metadata
{
    /// <summary>A column as the in-memory Dataverse checks writes against it.</summary>
    public sealed class ColumnDefinition
    {
        public ColumnDefinition(string name, AttributeTypeCode type)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Type = type;
        }

        public string Name { get; }

        public AttributeTypeCode Type { get; }

        /// <summary>True for a multi-select choice column (AttributeTypeCode Virtual, as the platform reports it).</summary>
        public bool IsMultiSelect { get; init; }

        public IReadOnlyList<string> Targets { get; init; } = Array.Empty<string>();

        public IReadOnlyList<OptionDefinition> Options { get; init; } = Array.Empty<OptionDefinition>();

        public int? MaxLength { get; init; }

        public decimal? MinValue { get; init; }

        public decimal? MaxValue { get; init; }

        public bool DateOnly { get; init; }

        public bool ValidForCreate { get; init; } = true;

        public bool ValidForUpdate { get; init; } = true;

        public string? DisplayName { get; init; }

        public bool IsCustom { get; init; }

        /// <summary>Column security (<c>IsSecured</c>): only users a field security profile lets, or System Administrators, read, create or update it.</summary>
        public bool IsSecured { get; init; }

        /// <summary>The CLR type a value of this column has in an <see cref="Microsoft.Xrm.Sdk.Entity"/>.</summary>
        public Type ValueType => Type switch
        {
            AttributeTypeCode.String or AttributeTypeCode.Memo or AttributeTypeCode.EntityName => typeof(string),
            AttributeTypeCode.Integer => typeof(int),
            AttributeTypeCode.BigInt => typeof(long),
            AttributeTypeCode.Decimal => typeof(decimal),
            AttributeTypeCode.Double => typeof(double),
            AttributeTypeCode.Money => typeof(Microsoft.Xrm.Sdk.Money),
            AttributeTypeCode.Boolean => typeof(bool),
            AttributeTypeCode.DateTime => typeof(DateTime),
            AttributeTypeCode.Lookup or AttributeTypeCode.Customer or AttributeTypeCode.Owner => typeof(Microsoft.Xrm.Sdk.EntityReference),
            AttributeTypeCode.Picklist or AttributeTypeCode.State or AttributeTypeCode.Status => typeof(Microsoft.Xrm.Sdk.OptionSetValue),
            AttributeTypeCode.Uniqueidentifier => typeof(Guid),
            AttributeTypeCode.PartyList => typeof(Microsoft.Xrm.Sdk.EntityCollection),
            AttributeTypeCode.Virtual when IsMultiSelect => typeof(Microsoft.Xrm.Sdk.OptionSetValueCollection),
            _ => typeof(object),
        };

        public OptionDefinition? Option(int value) => Options.FirstOrDefault(option => option.Value == value);
    }
}
