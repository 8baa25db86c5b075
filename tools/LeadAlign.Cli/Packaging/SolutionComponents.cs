using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using LeadAlign.Dataverse.Metadata;
using LeadAlign.Dataverse.Registration;

namespace LeadAlign.Cli.Packaging
{
    /// <summary>
    /// The catalogue of LeadAlign's root components, computed from the unpacked solution's folders and the built
    /// assemblies, with the component types and behaviours a real managed export lists them with (Apollo-HealthCare-Management
    /// export, commit 4af90e9294495d736f1f1087e206d1b997e8bfa9, ApolloHospitalProject_1_0_0_3_managed/solution.xml; the type values
    /// are the solutioncomponent componenttype choices of the Microsoft Learn solutioncomponent table reference):
    /// <list type="bullet">
    /// <item>type 1, a table by its logical name: 0 for a table the solution creates (every subcomponent: its columns, forms,
    /// views, charts and relationships come with it); for a standard table the solution only extends, 2 (a shell carrying only
    /// the subcomponents the solution holds, as the reference writes systemuser with its added columns, form and views), or 1
    /// when the solution also carries the table's own properties (as the reference writes account);</item>
    /// <item>type 9 global option set, 20 security role, 29 workflow, 60 dashboard (a system form of no table; a table's forms
    /// are its subcomponents), 61 web resource (by its name, as the reference lists apollo_highlight), 62 site map, 70 field security profile (by id, as the reference lists its "Invoice Cols
    /// Restrictions" profile), 80 app module, 91 plug-in assembly (id and full name), 92 SDK message processing step: each
    /// behaviour 0.</item>
    /// </list>
    /// Views, charts, table forms and relationships are not listed: they are subcomponents of their table, as in the reference.
    /// Custom APIs are not listed either: Microsoft's managed Custom API exports (PowerApps-Samples, commit
    /// 3297c082f229b0fd37220b5cb1d8d662aecc0d92, IsSystemAdminFunction_1_0_0_0_managed.zip and
    /// ExportDataUsingFetchXmlToAnnotation_1_0_0_0_managed.zip) list only their plug-in assembly and carry the APIs in customapis/.
    /// </summary>
    public static class SolutionComponents
    {
        public const int Entity = 1;
        public const int OptionSet = 9;
        public const int Role = 20;
        public const int Workflow = 29;
        public const int SystemForm = 60;
        public const int WebResource = 61;
        public const int SiteMap = 62;
        public const int FieldSecurityProfile = 70;
        public const int AppModule = 80;
        public const int PluginAssembly = 91;
        public const int SdkMessageProcessingStep = 92;

        public const int IncludeSubcomponents = 0;
        public const int DoNotIncludeSubcomponents = 1;
        public const int IncludeAsShellOnly = 2;

        private static readonly MetadataCatalog StandardTables = MetadataCatalog.Standard();

        /// <summary>
        /// Every root component the folders hold, in the order a managed export writes them (by type, then by name or id).
        /// Plug-in assemblies are taken from <paramref name="assemblies"/>; with none given, none are listed.
        /// </summary>
        public static IReadOnlyList<RootComponent> FromFolder(string solutionFolder, IEnumerable<string> assemblies)
        {
            var components = new List<RootComponent>();
            components.AddRange(Tables(solutionFolder));
            components.AddRange(Files(solutionFolder, "OptionSets", "*.xml").Select(file =>
            {
                var name = Attribute(file, XDocument.Load(file).Root!, "Name");
                return Named(OptionSet, name, $"option set {name}");
            }));
            components.AddRange(Files(solutionFolder, "Roles", "*.xml").Select(file =>
            {
                var role = XDocument.Load(file).Root!;
                return WithId(Role, Id(file, Attribute(file, role, "id")), $"role {(string?)role.Attribute("name")}");
            }));
            components.AddRange(Files(solutionFolder, "Workflows", "*.xaml.data.xml").Concat(CloudFlowValidator.DataFiles(solutionFolder)).Select(file =>
            {
                var workflow = XDocument.Load(file).Root!;
                return WithId(Workflow, Id(file, Attribute(file, workflow, "WorkflowId")), $"workflow {(string?)workflow.Attribute("Name")}");
            }));
            components.AddRange(Files(solutionFolder, "Dashboards", "*.xml").Select(file =>
                WithId(SystemForm, Id(file, (string?)XDocument.Load(file).Root!.Element("FormId") ?? throw new InvalidDataException($"{file}: the dashboard has no FormId.")), $"dashboard {Path.GetFileName(file)}")));
            components.AddRange(WebResourceFiles.FromFolder(solutionFolder).Select(webResource => Named(WebResource, webResource.Name, $"web resource {webResource.Name}")));
            components.AddRange(Files(solutionFolder, "AppModuleSiteMaps", "AppModuleSiteMap.xml").Select(file =>
            {
                var name = (string?)XDocument.Load(file).Root!.Element("SiteMapUniqueName") ?? throw new InvalidDataException($"{file}: the site map has no SiteMapUniqueName.");
                return Named(SiteMap, name, $"site map {name}");
            }));
            var profiles = Path.Combine(solutionFolder, "Other", "FieldSecurityProfiles.xml");
            if (File.Exists(profiles))
            {
                components.AddRange(XDocument.Load(profiles).Root!.Elements("FieldSecurityProfile").Select(profile =>
                    WithId(FieldSecurityProfile, Id(profiles, Attribute(profiles, profile, "fieldsecurityprofileid")), $"field security profile {(string?)profile.Attribute("name")}")));
            }

            components.AddRange(Files(solutionFolder, "AppModules", "AppModule.xml").Select(file =>
            {
                var name = (string?)XDocument.Load(file).Root!.Element("UniqueName") ?? throw new InvalidDataException($"{file}: the app module has no UniqueName.");
                return Named(AppModule, name, $"app module {name}");
            }));
            components.AddRange(assemblies.Select(PluginAssemblyIdentity.Read).Select(identity =>
                new RootComponent(PluginAssembly, identity.FullName, RootComponent.FormatId(identity.Id), IncludeSubcomponents, $"plug-in assembly {identity.Name}")));
            components.AddRange(Files(solutionFolder, StepFiles.FolderName, "*.xml").Select(file =>
            {
                var step = XDocument.Load(file).Root!;
                return WithId(SdkMessageProcessingStep, Id(file, Attribute(file, step, "SdkMessageProcessingStepId")), $"step {(string?)step.Attribute("Name")}");
            }));
            return components.OrderBy(component => component, ExportOrder).ToList();
        }

        /// <summary>A managed export's order: by type as a number, then by id or name ignoring case.</summary>
        public static IComparer<RootComponent> ExportOrder { get; } = Comparer<RootComponent>.Create((left, right) =>
            left.Type != right.Type ? left.Type.CompareTo(right.Type) : string.Compare(left.Key, right.Key, StringComparison.OrdinalIgnoreCase));

        /// <summary>
        /// The order <c>pac solution unpack</c> leaves in Other/Solution.xml: by type compared as text (1, 20, 29, 60, 62, 70, 80, 9, 91, 92),
        /// then by id or name ignoring case (Apollo-HealthCare-Management, commit 4af90e9294495d736f1f1087e206d1b997e8bfa9, Other/Solution.xml).
        /// </summary>
        public static IComparer<RootComponent> UnpackedOrder { get; } = Comparer<RootComponent>.Create((left, right) =>
        {
            var byType = string.CompareOrdinal(left.Type.ToString(CultureInfo.InvariantCulture), right.Type.ToString(CultureInfo.InvariantCulture));
            return byType != 0 ? byType : string.Compare(left.Key, right.Key, StringComparison.OrdinalIgnoreCase);
        });

        /// <summary>Whether the table is one LeadAlign creates (not in the platform's standard tables).</summary>
        public static bool IsCustomTable(string logicalName) => StandardTables.Table(logicalName.ToLowerInvariant()) == null;

        private static IEnumerable<RootComponent> Tables(string solutionFolder)
        {
            foreach (var file in Files(solutionFolder, "Entities", "Entity.xml"))
            {
                var entity = XDocument.Load(file).Root?.Element("EntityInfo")?.Element("entity")
                    ?? throw new InvalidDataException($"{file}: no EntityInfo/entity element.");
                var name = Attribute(file, entity, "Name").ToLowerInvariant();
                var behavior = IsCustomTable(name)
                    ? IncludeSubcomponents
                    : entity.Elements().Any(element => element.Name.LocalName != "attributes") ? DoNotIncludeSubcomponents : IncludeAsShellOnly;
                yield return Named(Entity, name, $"table {name}", behavior);
            }
        }

        private static RootComponent Named(int type, string schemaName, string what, int behavior = IncludeSubcomponents) => new(type, schemaName, null, behavior, what);

        private static RootComponent WithId(int type, string id, string what) => new(type, null, id, IncludeSubcomponents, what);

        private static string Id(string file, string text) =>
            Guid.TryParse(text, out var id) ? RootComponent.FormatId(id) : throw new InvalidDataException($"{file}: '{text}' is not an id.");

        private static string Attribute(string file, XElement element, string name) =>
            (string?)element.Attribute(name) ?? throw new InvalidDataException($"{file}: <{element.Name.LocalName}> has no {name} attribute.");

        private static IEnumerable<string> Files(string solutionFolder, string folder, string pattern)
        {
            var path = Path.Combine(solutionFolder, folder);
            return Directory.Exists(path) ? Directory.EnumerateFiles(path, pattern, SearchOption.AllDirectories).OrderBy(file => file, StringComparer.Ordinal) : Enumerable.Empty<string>();
        }
    }
}
