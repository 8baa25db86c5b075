using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Organization;
using LeadAlign.Dataverse.Pipeline;
using LeadAlign.Dataverse.Query;
using LeadAlign.Dataverse.Security;
using LeadAlign.Dataverse.Storage;

namespace LeadAlign.Dataverse.Service
{
    /// <summary>The parts of the organization message handlers work with, composed by <see cref="InMemoryDataverse"/>.</summary>
    internal sealed record MessageServices(
        MetadataCatalog Metadata,
        RecordStore Store,
        RecordReader Reader,
        RecordWriter Records,
        Associations Associations,
        QueryRunner Queries,
        Transactions Transactions,
        OrganizationClock Clock,
        OrganizationIdentity Identity,
        SlaSettings Sla,
        AccessChecker Access);
}
