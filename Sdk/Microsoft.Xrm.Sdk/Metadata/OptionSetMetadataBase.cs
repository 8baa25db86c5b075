// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Option sets: the options of choice, state, status and yes/no columns.
namespace Microsoft.Xrm.Sdk.Metadata
{
    public abstract class OptionSetMetadataBase : MetadataBase
    {
        protected OptionSetMetadataBase()
        {
        }

        public string Name { get; set; }

        public Label DisplayName { get; set; }

        public Label Description { get; set; }

        public bool? IsGlobal { get; set; }

        public bool? IsCustomOptionSet { get; set; }

        public OptionSetType? OptionSetType { get; set; }

        public string ExternalTypeName { get; set; }

        public BooleanManagedProperty IsCustomizable { get; set; }

        public string IntroducedVersion { get; internal set; }

        public bool? IsManaged { get; internal set; }
    }
}
