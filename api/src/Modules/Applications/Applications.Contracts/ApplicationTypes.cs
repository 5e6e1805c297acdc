using Mediator;

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

// What the Applications module tells others.

/// <summary>An application was submitted (again: a new version) before the deadline.</summary>
public sealed record ApplicationSubmitted(Guid ApplicationId, Guid ChallengeId, Guid BatchId, Guid LeadOrganisationId, int Version) : INotification;

/// <summary>An application was withdrawn before the deadline.</summary>
public sealed record ApplicationWithdrawn(Guid ApplicationId, Guid ChallengeId) : INotification;

/// <summary>The formal check decided an application, or the task force overrode that decision.</summary>
public sealed record EligibilityDecided(Guid ApplicationId, Guid ChallengeId, EligibilityOutcome Outcome, bool Overridden) : INotification;

// What other modules tell the Applications module; handling one twice changes nothing.

/// <summary>After publication (公示) the application was selected (from Review).</summary>
public sealed record ApplicationSelected(Guid ApplicationId, Guid RoundId) : INotification;

/// <summary>After publication the application was not selected (from Review).</summary>
public sealed record ApplicationNotSelected(Guid ApplicationId, Guid RoundId, string Reason) : INotification;

/// <summary>An R&amp;D agreement was signed for the application (from Funding).</summary>
public sealed record ApplicationContracted(Guid ApplicationId, Guid AgreementId) : INotification;

// What others may ask.

/// <summary>The organisations behind an application, for conflict-of-interest checks.</summary>
public sealed record GetApplicationParties(Guid ApplicationId) : IQuery<ApplicationParties?>;

public sealed record ApplicationParties(Guid ApplicationId, Guid ChallengeId, Guid IssuerOrganisationId, Guid LeadOrganisationId,
    IReadOnlyList<Guid> MemberOrganisationIds, IReadOnlyList<ApplicationPerson> People);

/// <summary>A person on the application's team (the project lead among them), named as the applicant wrote it; no identity-card number.</summary>
public sealed record ApplicationPerson(string Name, string Role, Guid? OrganisationId);

/// <summary>A short view of an application for other modules.</summary>
public sealed record GetApplicationSummary(Guid ApplicationId) : IQuery<ApplicationSummary?>;

public sealed record ApplicationSummary(Guid Id, string Code, Guid ChallengeId, Guid BatchId, Guid LeadOrganisationId, string LeadOrganisationName,
    ApplicationStatus Status, EligibilityOutcome? Eligibility, long OwnInvestmentFen, int SubmittedVersion);

/// <summary>How the applications to a challenge stand after its window: still awaiting the formal check, or found eligible (whatever followed).</summary>
public sealed record GetChallengeApplicationCounts(Guid ChallengeId) : IQuery<ChallengeApplicationCounts>;

public sealed record ChallengeApplicationCounts(Guid ChallengeId, int AwaitingCheck, int Eligible);
