namespace Jiebang.Applications.Contracts;

/// <summary>The lifecycle of an application (《揭榜任务申报书》).</summary>
public enum ApplicationStatus
{
    Draft,
    Submitted,
    Eligible,
    Ineligible,
    UnderReview,
    Recommended,
    NotRecommended,
    Matched,
    Selected,
    NotSelected,
    Contracted,
    Withdrawn,
}

/// <summary>The result of the formal check (资格审查).</summary>
public enum EligibilityOutcome
{
    Eligible,
    Ineligible,
}
