// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Labels and managed properties live in Microsoft.Xrm.Sdk (not .Metadata), as in the official SDK.
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>
    /// A display string in every language the organization has. As in the official SDK,
    /// <c>new Label(text, languageCode)</c> adds one localized label and leaves <see cref="UserLocalizedLabel"/> null:
    /// the platform fills that one with the caller's language when it returns metadata.
    /// </summary>
    public sealed class Label : IExtensibleDataObject
    {
        private LocalizedLabelCollection _localizedLabels;

        public Label()
        {
        }

        public Label(string label, int languageCode)
        {
            _localizedLabels = new LocalizedLabelCollection { new LocalizedLabel(label, languageCode) };
        }

        public Label(LocalizedLabel userLocalizedLabel, LocalizedLabel[] labels)
        {
            UserLocalizedLabel = userLocalizedLabel;
            if (labels != null)
            {
                _localizedLabels = new LocalizedLabelCollection(labels);
            }
        }

        public LocalizedLabelCollection LocalizedLabels
        {
            get => _localizedLabels ??= new LocalizedLabelCollection();
            internal set => _localizedLabels = value;
        }

        public LocalizedLabel UserLocalizedLabel { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
