using System;
using LeadAlign.Lifecycle;
using LeadAlign.Plugins.Registration;
using LeadAlign.Runtime;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Plugins.Lifecycle
{
    /// <summary>Refuses an agreement whose business hours the SLA clocks could not count in, saying what to correct.</summary>
    [PluginStep("1ead5c0e-000d-4000-8000-000000000001", "Create", AgreementTable.EntityName, PluginStage.PreValidation)]
    [PluginStep("1ead5c0e-000d-4000-8000-000000000002", "Update", AgreementTable.EntityName, PluginStage.PreValidation,
        FilteringAttributes = $"{AgreementTable.TimeZone},{AgreementTable.WorkDays},{AgreementTable.WorkHours},{AgreementTable.Holidays},{AgreementTable.WarningPercent}",
        PreImageAttributes = $"{AgreementTable.TimeZone},{AgreementTable.WorkDays},{AgreementTable.WorkHours},{AgreementTable.Holidays}")]
    public sealed class ValidateAgreementPlugin : PluginBase
    {
        public ValidateAgreementPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(ValidateAgreementPlugin))
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

            try
            {
                Agreement.CalendarOf(target.MergeWithPreImage(context.GetPreImage("PreImage")));
            }
            catch (ArgumentException invalid)
            {
                throw new BusinessRuleException("The agreement's business hours are not valid: " + invalid.Message);
            }
        }
    }
}
