// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
// Query objects are plain descriptions; the organization service (real or in-memory) evaluates them.
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>The columns to return. A new ColumnSet asks for no columns (only the id); <c>new ColumnSet(true)</c> asks for all.</summary>
    public sealed class ColumnSet : IExtensibleDataObject
    {
        private readonly DataCollection<string> _columns = new DataCollection<string>();

        public ColumnSet()
        {
        }

        public ColumnSet(bool allColumns)
        {
            AllColumns = allColumns;
        }

        public ColumnSet(params string[] columns)
        {
            _columns.AddRange(columns);
        }

        public bool AllColumns { get; set; }

        public DataCollection<string> Columns => _columns;

        public ExtensionDataObject ExtensionData { get; set; }

        public void AddColumn(string column)
        {
            _columns.Add(column);
        }

        public void AddColumns(params string[] columns)
        {
            _columns.AddRange(columns);
        }
    }
}
