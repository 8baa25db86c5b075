using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Dataverse.Registration
{
    /// <summary>A request parameter or response property; <paramref name="BoundEntity"/> is its table (logicalentityname), for entity types.</summary>
    public sealed record CustomApiField(string UniqueName, CustomApiFieldType Type, bool IsOptional, string? BoundEntity)
    {
        /// <summary>The name makers see.</summary>
        public string? DisplayName { get; init; }

        public string? Description { get; init; }

        public Type ClrType => Type switch
        {
            CustomApiFieldType.Boolean => typeof(bool),
            CustomApiFieldType.DateTime => typeof(DateTime),
            CustomApiFieldType.Decimal => typeof(decimal),
            CustomApiFieldType.Entity => typeof(Entity),
            CustomApiFieldType.EntityCollection => typeof(EntityCollection),
            CustomApiFieldType.EntityReference => typeof(EntityReference),
            CustomApiFieldType.Float => typeof(double),
            CustomApiFieldType.Integer => typeof(int),
            CustomApiFieldType.Money => typeof(Money),
            CustomApiFieldType.Picklist => typeof(OptionSetValue),
            CustomApiFieldType.String => typeof(string),
            CustomApiFieldType.StringArray => typeof(string[]),
            _ => typeof(Guid),
        };
    }
}
