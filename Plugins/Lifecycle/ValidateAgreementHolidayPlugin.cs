using LeadAlign.Plugins.Registration;
using LeadAlign.Runtime;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins.Lifecycle
{
    /// <summary>
    /// A holiday has a date and belongs to an agreement. Both columns are Business Required, which the platform enforces on forms
    /// only: a row created or updated through the API without them is saved (Microsoft Learn, "Create and edit columns in
    /// Dataverse using Power Apps", https://learn.microsoft.com/power-apps/maker/data-platform/create-edit-field-portal, the
    /// Required property and its note on saving rows programmatically), so a row without a date would be a holiday that is no
    /// day. A create without a date or an agreement, or an update that empties either, is refused saying what to give. An
    /// agreement that does not exist is refused by the platform itself (the lookup's row does not exist). Two holidays on one
    /// date are harmless: they are one day off.
    /// </summary>
    [PluginStep("1ead5c0e-000d-4000-8000-000000000003", "Create", AgreementHolidayTable.EntityName, PluginStage.PreValidation,
        Description = "A holiday has a date and an agreement.")]
    [PluginStep("1ead5c0e-000d-4000-8000-000000000004", "Update", AgreementHolidayTable.EntityName, PluginStage.PreValidation,
        FilteringAttributes = $"{AgreementHolidayTable.Date},{AgreementHolidayTable.AgreementId}",
        Description = "A holiday keeps its date and its agreement.")]
    public sealed class ValidateAgreementHolidayPlugin : PluginBase
    {
        /// <summary>The refusal of a holiday without a date.</summary>
        public const string NoDate = "Give the holiday a date.";

        /// <summary>The refusal of a holiday without an agreement.</summary>
        public const string NoAgreement = "Choose the agreement whose calendar has this holiday.";

        public ValidateAgreementHolidayPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(ValidateAgreementHolidayPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var target = context.GetTargetEntity();
            if (target == null)
            {
                return;
            }

            var creating = context.MessageName == "Create";
            if ((creating || target.Contains(AgreementHolidayTable.Date)) && target.GetAttributeValue<System.DateTime?>(AgreementHolidayTable.Date) == null)
            {
                throw new BusinessRuleException(NoDate);
            }

            if ((creating || target.Contains(AgreementHolidayTable.AgreementId)) && target.GetAttributeValue<EntityReference>(AgreementHolidayTable.AgreementId) == null)
            {
                throw new BusinessRuleException(NoAgreement);
            }
        }
    }
}
