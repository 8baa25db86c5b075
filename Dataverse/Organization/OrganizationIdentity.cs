using System;

namespace LeadAlign.Dataverse.Organization
{
    /// <summary>Who the organization is: its id, its root business unit, and its SYSTEM user (as which <c>CreateOrganizationService(null)</c> runs).</summary>
    internal sealed record OrganizationIdentity(Guid OrganizationId, Guid RootBusinessUnitId, Guid SystemUserId, Uri WebApplicationUrl);
}
