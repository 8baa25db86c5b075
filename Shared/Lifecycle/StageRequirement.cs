namespace LeadAlign.Lifecycle
{
    /// <summary>What a lead needs before it may enter a stage; each is checked in one place, ValidateLeadStagePlugin.</summary>
    internal enum StageRequirement
    {
        /// <summary>Nothing beyond an allowed move.</summary>
        None,

        /// <summary>The lead's owner, or a LeadAlign administrator (or System Administrator), makes the move.</summary>
        OwnerOrAdministrator,

        /// <summary>The agreement's columns for an SQL (BANT by default) have values.</summary>
        AgreementSqlColumns,

        /// <summary>A rejection reason, and notes when the reason is Other.</summary>
        RejectionReason,

        /// <summary>The lead is being qualified (statecode Qualified, as QualifyLead sets it), not only given the stage.</summary>
        Qualification,
    }
}
