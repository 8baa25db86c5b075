namespace LeadAlign.Dataverse.Ui
{
    /// <summary>A subgrid of a form: the table it lists, the relationship that ties its rows to the form's row (empty: all rows), and its view.</summary>
    public sealed record SubgridDefinition(string Id, string TargetTable, string Relationship, System.Guid? ViewId);
}
