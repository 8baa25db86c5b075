namespace LeadAlign.Cli
{
    /// <summary>An input folder a command reads and where it was found (<see cref="InputFolders"/>).</summary>
    internal sealed record Located(string Path, string From)
    {
        public override string ToString() => $"{Path} ({From})";
    }
}
