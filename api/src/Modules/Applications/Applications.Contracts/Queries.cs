using Mediator;

namespace Jiebang.Applications.Contracts;

// What other modules may ask the Applications module.


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
