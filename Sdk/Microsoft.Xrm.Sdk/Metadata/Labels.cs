// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0: see ../DataCollection.cs.
// Labels and managed properties live in Microsoft.Xrm.Sdk (not .Metadata), as in the official SDK.
using System.Collections.Generic;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk.Metadata;

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

    /// <summary>A label in one language (an LCID such as 1033).</summary>
    public sealed class LocalizedLabel : MetadataBase
    {
        public LocalizedLabel()
        {
        }

        public LocalizedLabel(string label, int languageCode)
        {
            Label = label;
            LanguageCode = languageCode;
        }

        public string Label { get; set; }

        public int LanguageCode { get; set; }

        public bool? IsManaged { get; internal set; }
    }

    public sealed class LocalizedLabelCollection : DataCollection<LocalizedLabel>
    {
        public LocalizedLabelCollection()
        {
        }

        public LocalizedLabelCollection(IList<LocalizedLabel> list)
            : base(list)
        {
        }
    }

    /// <summary>A metadata value with a flag saying whether a managed solution lets customizers change it. CanBeChanged starts true.</summary>
    public abstract class ManagedProperty<T> : IExtensibleDataObject
    {
        protected ManagedProperty()
            : this(null)
        {
        }

        protected ManagedProperty(string managedPropertyLogicalName)
        {
            ManagedPropertyLogicalName = managedPropertyLogicalName;
            CanBeChanged = true;
        }

        public T Value { get; set; }

        public bool CanBeChanged { get; set; }

        public string ManagedPropertyLogicalName { get; internal set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    public sealed class BooleanManagedProperty : ManagedProperty<bool>
    {
        public BooleanManagedProperty()
            : this(false)
        {
        }

        public BooleanManagedProperty(bool value)
        {
            Value = value;
        }
    }
}
