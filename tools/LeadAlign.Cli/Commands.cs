using System;
using System.IO;

namespace LeadAlign.Cli
{
    internal static class Commands
    {
        public const int Success = 0;
        public const int Failure = 1;

        public static int PrintAssemblies(TextWriter output, TextWriter error)
        {
            var failed = false;
            foreach (var name in BuildOutputs.Deployable)
            {
                string path;
                try
                {
                    path = BuildOutputs.Net462(name);
                }
                catch (InvalidOperationException missing)
                {
                    error.WriteLine(missing.Message);
                    failed = true;
                    continue;
                }

                if (!File.Exists(path))
                {
                    error.WriteLine($"{name}: {path} does not exist. Build it with 'dotnet build LeadAlign.sln -c Release'.");
                    failed = true;
                    continue;
                }

                var report = AssemblyReport.Read(path);
                output.WriteLine(name);
                output.WriteLine($"  path:               {report.Path}");
                output.WriteLine($"  target framework:   {report.TargetFramework}");
                output.WriteLine($"  identity:           {report.Identity}");
                output.WriteLine($"  strong-name signed: {(report.StrongNameSigned ? "yes" : "NO")}");
                output.WriteLine("  binds to:");
                foreach (var reference in report.SdkReferences)
                {
                    output.WriteLine($"    {reference}");
                }

                if (!report.StrongNameSigned)
                {
                    error.WriteLine($"{name} is not strong-name signed: Dataverse will refuse to register it.");
                    failed = true;
                }
            }

            return failed ? Failure : Success;
        }
    }
}
