using System;
using System.Linq;
using System.ServiceModel;
using System.Xml.Linq;
using LeadAlign.Dataverse;
using LeadAlign.Dataverse.Registration;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadAlign.Tests.Support
{
    /// <summary>Starts in-memory organizations for tests, with the steps declared on the plug-in classes a test names.</summary>
    internal static class TestOrganization
    {
        /// <summary>
        /// An organization running the steps declared on <paramref name="pluginTypes"/>: declarations are written to step
        /// XML and read back, so the pipeline runs exactly what a solution file would say.
        /// </summary>
        public static InMemoryDataverse With(params Type[] pluginTypes) => With(new DataverseOptions(), pluginTypes);

        public static InMemoryDataverse With(DataverseOptions options, params Type[] pluginTypes)
        {
            var steps = StepRegistration.FromTypes(pluginTypes)
                .Select(step => StepRegistration.FromXml(XDocument.Parse(step.ToXmlText()), step.FileName))
                .ToList();
            return new InMemoryDataverse(new DataverseOptions
            {
                Metadata = options.Metadata,
                Steps = steps,
                CustomApis = options.CustomApis,
                PluginAssemblies = pluginTypes.Select(type => type.Assembly).Concat(options.PluginAssemblies).Distinct().ToList(),
                SecureConfigurations = options.SecureConfigurations,
                StartTime = options.StartTime,
                MaxDepth = options.MaxDepth,
                SlaEnabledTables = options.SlaEnabledTables,
                LockTimeout = options.LockTimeout,
            });
        }

        /// <summary>The fault a call raised, failing the test when it succeeded.</summary>
        public static OrganizationServiceFault Fault(Action call) => Assert.Throws<FaultException<OrganizationServiceFault>>(call).Detail;
    }
}
