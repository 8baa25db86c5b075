using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace LeadAlign.Cli.Packaging
{
    /// <summary>The web resources of an unpacked solution: every WebResources/**/*.data.xml with the content file beside it.</summary>
    public static class WebResourceFiles
    {
        public const string FolderName = "WebResources";
        public const string DataSuffix = ".data.xml";

        public static IReadOnlyList<WebResourceFile> FromFolder(string solutionFolder)
        {
            var folder = Path.Combine(solutionFolder, FolderName);
            if (!Directory.Exists(folder))
            {
                return Array.Empty<WebResourceFile>();
            }

            return Directory.EnumerateFiles(folder, "*" + DataSuffix, SearchOption.AllDirectories)
                .OrderBy(file => file, StringComparer.Ordinal)
                .Select(file =>
                {
                    var element = XDocument.Load(file, LoadOptions.SetLineInfo).Root!;
                    var name = (string?)element.Element("Name") ?? Path.GetFileName(file)[..^DataSuffix.Length];
                    return new WebResourceFile(file, element, Path.Combine(new[] { folder }.Concat(name.Split('/')).ToArray()));
                })
                .ToList();
        }
    }
}
