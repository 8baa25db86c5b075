// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Table metadata, as RetrieveEntity and RetrieveAllEntities return it. Which arrays are filled depends on the EntityFilters
// asked for (Attributes, Relationships); the others stay null, as on the platform.
// Not modelled: keys, privileges and settings.
using System;

namespace Microsoft.Xrm.Sdk.Metadata
{
    public sealed class EntityMetadata : MetadataBase
    {
        public EntityMetadata()
        {
        }

        public string LogicalName { get; set; }

        public string SchemaName { get; set; }

        public Label DisplayName { get; set; }

        public Label DisplayCollectionName { get; set; }

        public Label Description { get; set; }

        public string EntitySetName { get; set; }

        public string LogicalCollectionName { get; set; }

        public string CollectionSchemaName { get; internal set; }

        public int? ObjectTypeCode { get; internal set; }

        public string PrimaryIdAttribute { get; internal set; }

        public string PrimaryNameAttribute { get; internal set; }

        public string PrimaryImageAttribute { get; internal set; }

        public OwnershipTypes? OwnershipType { get; set; }

        public bool? IsActivity { get; set; }

        public bool? IsActivityParty { get; set; }

        public bool? IsCustomEntity { get; internal set; }

        public bool? IsIntersect { get; internal set; }

        public AttributeMetadata[] Attributes { get; internal set; }

        public OneToManyRelationshipMetadata[] OneToManyRelationships { get; internal set; }

        public OneToManyRelationshipMetadata[] ManyToOneRelationships { get; internal set; }

        public ManyToManyRelationshipMetadata[] ManyToManyRelationships { get; internal set; }

        public int? ActivityTypeMask { get; set; }

        public bool? AutoCreateAccessTeams { get; set; }

        public bool? AutoRouteToOwnerQueue { get; set; }

        public BooleanManagedProperty CanBeInCustomEntityAssociation { get; internal set; }

        public BooleanManagedProperty CanBeInManyToMany { get; internal set; }

        public BooleanManagedProperty CanBePrimaryEntityInRelationship { get; internal set; }

        public BooleanManagedProperty CanBeRelatedEntityInRelationship { get; internal set; }

        public BooleanManagedProperty CanChangeHierarchicalRelationship { get; set; }

        public BooleanManagedProperty CanChangeTrackingBeEnabled { get; set; }

        public BooleanManagedProperty CanCreateAttributes { get; set; }

        public BooleanManagedProperty CanCreateCharts { get; set; }

        public BooleanManagedProperty CanCreateForms { get; set; }

        public BooleanManagedProperty CanCreateViews { get; set; }

        public BooleanManagedProperty CanEnableSyncToExternalSearchIndex { get; set; }

        public BooleanManagedProperty CanModifyAdditionalSettings { get; set; }

        public bool? CanTriggerWorkflow { get; internal set; }

        public bool? ChangeTrackingEnabled { get; set; }

        public DateTime? CreatedOn { get; internal set; }

        public Guid? DataProviderId { get; set; }

        public Guid? DataSourceId { get; set; }

        public int? DaysSinceRecordLastModified { get; set; }

        public bool? EnforceStateTransitions { get; internal set; }

        public string EntityColor { get; set; }

        public string EntityHelpUrl { get; set; }

        public bool? EntityHelpUrlEnabled { get; set; }

        public string ExternalCollectionName { get; set; }

        public string ExternalName { get; set; }

        public bool? HasActivities { get; set; }

        public bool? HasEmailAddresses { get; set; }

        public bool? HasFeedback { get; set; }

        public bool? HasNotes { get; set; }

        public string IconLargeName { get; set; }

        public string IconMediumName { get; set; }

        public string IconSmallName { get; set; }

        public string IconVectorName { get; set; }

        public string IntroducedVersion { get; internal set; }

        public bool? IsAIRUpdated { get; internal set; }

        public BooleanManagedProperty IsAuditEnabled { get; set; }

        public bool? IsAvailableOffline { get; set; }

        public bool? IsBPFEntity { get; set; }

        public bool? IsBusinessProcessEnabled { get; set; }

        public bool? IsChildEntity { get; internal set; }

        public BooleanManagedProperty IsConnectionsEnabled { get; set; }

        public BooleanManagedProperty IsCustomizable { get; set; }

        public bool? IsDocumentManagementEnabled { get; set; }

        public bool? IsDocumentRecommendationsEnabled { get; set; }

        public BooleanManagedProperty IsDuplicateDetectionEnabled { get; set; }

        public bool? IsEnabledForCharts { get; internal set; }

        public bool? IsEnabledForExternalChannels { get; set; }

        public bool? IsEnabledForTrace { get; internal set; }

        public bool? IsImportable { get; internal set; }

        public bool? IsInteractionCentricEnabled { get; set; }

        public bool? IsKnowledgeManagementEnabled { get; set; }

        public bool? IsLogicalEntity { get; internal set; }

        public bool? IsMSTeamsIntegrationEnabled { get; set; }

        public BooleanManagedProperty IsMailMergeEnabled { get; set; }

        public bool? IsManaged { get; internal set; }

        public BooleanManagedProperty IsMappable { get; set; }

        public BooleanManagedProperty IsOfflineInMobileClient { get; set; }

        public bool? IsOneNoteIntegrationEnabled { get; set; }

        public bool? IsOptimisticConcurrencyEnabled { get; internal set; }

        public bool? IsPrivate { get; internal set; }

        public bool? IsQuickCreateEnabled { get; set; }

        public BooleanManagedProperty IsReadOnlyInMobileClient { get; set; }

        public bool? IsReadingPaneEnabled { get; set; }

        public BooleanManagedProperty IsRenameable { get; set; }

        public bool? IsSLAEnabled { get; set; }

        public bool? IsSolutionAware { get; set; }

        public bool? IsStateModelAware { get; internal set; }

        public bool? IsValidForAdvancedFind { get; internal set; }

        public BooleanManagedProperty IsValidForQueue { get; set; }

        public BooleanManagedProperty IsVisibleInMobile { get; set; }

        public BooleanManagedProperty IsVisibleInMobileClient { get; set; }

        public string MobileOfflineFilters { get; set; }

        public DateTime? ModifiedOn { get; internal set; }

        public string RecurrenceBaseEntityLogicalName { get; internal set; }

        public string ReportViewName { get; internal set; }

        public string SettingOf { get; set; }

        public bool? SyncToExternalSearchIndex { get; set; }

        public bool? UsesBusinessDataLabelTable { get; set; }
    }
}
