using System;
using System.Globalization;
using System.Linq;
using LeadAlign.Dataverse.Faults;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Organization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Metadata;

namespace LeadAlign.Dataverse.Storage
{
    /// <summary>
    /// Checks a write as Dataverse checks it, with the platform's fault and a message naming the table and column: known columns,
    /// values of the column's type, text no longer than the column allows, numbers in range, choices that are options, lookups to a
    /// table the column can target and to a row that exists, status codes that belong to the state, row versions when asked.
    /// </summary>
    internal sealed class ColumnChecks
    {
        private readonly MetadataCatalog _metadata;
        private readonly RecordReader _reader;
        private readonly SlaSettings _sla;

        public ColumnChecks(MetadataCatalog metadata, RecordReader reader, SlaSettings sla)
        {
            _metadata = metadata;
            _reader = reader;
            _sla = sla;
        }

        /// <summary>Checks every value of a write against its column: known, of the column's type, in range, an existing target.</summary>
        public void CheckValues(TableDefinition table, Entity target)
        {
            foreach (var attribute in target.Attributes)
            {
                var column = table.Column(attribute.Key) ?? throw DataverseFault.UnknownColumn(table.Name, attribute.Key);
                var value = attribute.Value;
                if (value == null)
                {
                    continue;
                }

                if (!column.ValueType.IsInstanceOfType(value))
                {
                    throw DataverseFault.Invalid($"Incorrect attribute value type {value.GetType().FullName} for '{table.Name}.{column.Name}': the column is {column.Type}, whose values are {column.ValueType.FullName}.");
                }

                switch (value)
                {
                    case string text when column.MaxLength is { } max && text.Length > max:
                        throw DataverseFault.Create(DataverseFault.ValueOutOfRange, $"A validation error occurred. The length of the '{column.Name}' attribute of the '{table.Name}' entity exceeded the maximum allowed length of '{max}'.");
                    case int or long or decimal or double or Money when OutOfRange(column, value):
                        throw DataverseFault.Create(DataverseFault.ValueOutOfRange, $"A validation error occurred. The value {Convert.ToString(value is Money money ? money.Value : value, CultureInfo.InvariantCulture)} of '{column.Name}' on record of type '{table.Name}' is outside the valid range ({column.MinValue?.ToString(CultureInfo.InvariantCulture) ?? "-"} to {column.MaxValue?.ToString(CultureInfo.InvariantCulture) ?? "-"}).");
                    case OptionSetValue option when column.Type == AttributeTypeCode.Picklist && column.Options.Count > 0 && column.Option(option.Value) == null:
                        throw DataverseFault.Invalid($"A validation error occurred. The value {option.Value} of '{column.Name}' on record of type '{table.Name}' is outside the valid range. Accepted Values: {string.Join(",", column.Options.Select(each => each.Value))}");
                    case OptionSetValueCollection options when options.Any(option => column.Options.Count > 0 && column.Option(option.Value) == null):
                        throw DataverseFault.Invalid($"A validation error occurred. A value of '{column.Name}' on record of type '{table.Name}' is outside the valid range. Accepted Values: {string.Join(",", column.Options.Select(each => each.Value))}");
                    case EntityReference reference:
                        CheckReference(table, column, reference);
                        break;
                    case DateTime date when date.Kind == DateTimeKind.Local:
                        break;
                }
            }
        }

        /// <summary>A status code must belong to the state (and both must be options of the table's state and status columns).</summary>
        public static void CheckStatePair(TableDefinition table, Guid id, int state, int status)
        {
            var stateOption = table.Column("statecode")?.Option(state);
            if (stateOption == null && table.Column("statecode")!.Options.Count > 0)
            {
                throw DataverseFault.Invalid($"{state} is not a valid state code on {table.Name} with Id {id}.");
            }

            var statusOption = table.Column("statuscode")?.Option(status);
            if (table.Column("statuscode")?.Options.Count > 0 && (statusOption == null || (statusOption.State != null && statusOption.State != state)))
            {
                throw DataverseFault.Invalid($"{status} is not a valid status code for state code {table.Name}State.{stateOption?.Label.Replace(" ", string.Empty, StringComparison.Ordinal) ?? state.ToString(CultureInfo.InvariantCulture)} on {table.Name} with Id {id}.");
            }
        }

        /// <summary><see cref="ConcurrencyBehavior.IfRowVersionMatches"/>: the RowVersion must be given and be the row's.</summary>
        public static void CheckVersion(string table, Guid id, Entity row, ConcurrencyBehavior concurrency, string? rowVersion)
        {
            if (concurrency != ConcurrencyBehavior.IfRowVersionMatches)
            {
                return;
            }

            if (string.IsNullOrEmpty(rowVersion))
            {
                throw DataverseFault.Create(DataverseFault.ConcurrencyVersionNotProvided, $"The RowVersion property must be provided when the value of ConcurrencyBehavior is IfRowVersionMatches ({table} {id}).");
            }

            if (rowVersion != RecordReader.VersionOf(row))
            {
                throw DataverseFault.Create(DataverseFault.ConcurrencyVersionMismatch, $"The version of the existing record doesn't match the RowVersion property provided ({table} {id}: yours is {rowVersion}, the row's is {RecordReader.VersionOf(row)}).");
            }
        }

        private static bool OutOfRange(ColumnDefinition column, object value)
        {
            var number = value switch
            {
                Money money => money.Value,
                double real => (decimal)real,
                _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
            };
            return (column.MinValue != null && number < column.MinValue) || (column.MaxValue != null && number > column.MaxValue);
        }

        private void CheckReference(TableDefinition table, ColumnDefinition column, EntityReference reference)
        {
            if (column.Targets.Count > 0 && !column.Targets.Contains(reference.LogicalName))
            {
                throw DataverseFault.Invalid($"A {reference.LogicalName} cannot be the value of '{table.Name}.{column.Name}': its targets are {string.Join(", ", column.Targets)}.");
            }

            if (table.Name == "slakpiinstance" && column.Name == "regarding" && !_sla.IsEnabled(reference.LogicalName ?? string.Empty))
            {
                throw DataverseFault.SlaNotEnabled(reference.LogicalName ?? string.Empty, $"{table.Name}.{column.Name}");
            }

            if (_metadata.Table(reference.LogicalName ?? string.Empty) != null && !_reader.Exists(reference.LogicalName!, reference.Id))
            {
                throw DataverseFault.RecordNotFound(reference.LogicalName!, reference.Id);
            }
        }
    }
}
