using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadAlign.Dataverse.Registration
{
    /// <summary>The platform messages' ids, the same in every Dataverse environment, which is how an exported step names its message.</summary>
    public static class SdkMessages
    {
        private static readonly Dictionary<string, Guid> Ids = new(StringComparer.Ordinal)
        {
            ["Assign"] = new Guid("8cbdbb1b-ea3e-db11-86a7-000a3a5473e8"),
            ["Create"] = new Guid("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8"),
            ["Delete"] = new Guid("a1bdbb1b-ea3e-db11-86a7-000a3a5473e8"),
            ["Retrieve"] = new Guid("f2bdbb1b-ea3e-db11-86a7-000a3a5473e8"),
            ["RetrieveMultiple"] = new Guid("03bebb1b-ea3e-db11-86a7-000a3a5473e8"),
            ["SetState"] = new Guid("1cbebb1b-ea3e-db11-86a7-000a3a5473e8"),
            ["SetStateDynamicEntity"] = new Guid("1dbebb1b-ea3e-db11-86a7-000a3a5473e8"),
            ["Update"] = new Guid("20bebb1b-ea3e-db11-86a7-000a3a5473e8"),
        };

        public static IEnumerable<string> Names => Ids.Keys;

        public static bool IsKnown(string message) => Ids.ContainsKey(message);

        public static Guid? IdOf(string message) => Ids.TryGetValue(message, out var id) ? id : null;

        public static string? NameOf(Guid id) => Ids.FirstOrDefault(pair => pair.Value == id).Key;
    }
}
