using System.Collections.Generic;
using LeadAlign.Dataverse.Metadata;

namespace LeadAlign.Dataverse.Organization
{
    /// <summary>
    /// Which tables the organization has enabled for SLAs ("Enable for SLA"): the options' overrides, else the metadata (the
    /// snapshot and the solution's Entity.xml). Only such a table's rows can be the regarding row of an SLA KPI instance, and
    /// RetrieveEntity reports it as IsSLAEnabled.
    /// </summary>
    internal sealed class SlaSettings
    {
        private readonly IReadOnlyDictionary<string, bool> _overrides;
        private readonly MetadataCatalog _metadata;

        public SlaSettings(IReadOnlyDictionary<string, bool> overrides, MetadataCatalog metadata)
        {
            _overrides = overrides;
            _metadata = metadata;
        }

        public bool IsEnabled(string table) =>
            _overrides.TryGetValue(table, out var enabled) ? enabled : _metadata.Table(table)?.IsSlaEnabled ?? false;
    }
}
