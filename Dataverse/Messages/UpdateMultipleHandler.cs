using LeadAlign.Dataverse.Service;

namespace LeadAlign.Dataverse.Messages
{
    /// <summary>UpdateMultiple: every Target through the Update pipeline, all or nothing.</summary>
    internal sealed class UpdateMultipleHandler : MultipleTargetsHandler
    {
        public UpdateMultipleHandler()
            : base("UpdateMultiple", "Update")
        {
        }
    }
}
