using Mediator;

namespace Jiebang.Funding.Contracts;

/// <summary>
/// An R&amp;D agreement was signed and its co-funding reserved (合作研发协议签订). Published after commit, together with
/// the commands that mark the application contracted and the challenge awarded.
/// </summary>
public sealed record AgreementSigned(Guid AgreementId, Guid ApplicationId, Guid ChallengeId, Guid BatchId, Guid IssuerOrganisationId,
    long CommitmentFen, DateTimeOffset SignedAt) : INotification;
