namespace LeadAlign.Dataverse.Workflows
{
    /// <summary>What a compiled workflow step does (see <see cref="WorkflowStep"/>).</summary>
    internal enum WorkflowStepKind
    {
        GetProperty,
        Copy,
        CreateValue,
        FirstNonNull,
        Evaluate,
        NullMeansForever,
        TimeoutPassed,
        JumpUnless,
        Jump,
        CallActivity,
        ArmTimeout,
        Wait,
    }
}
