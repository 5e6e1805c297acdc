using Mediator;

namespace Jiebang.Funding.Contracts;

/// <summary>
/// An R&amp;D agreement was signed and its co-funding reserved (合作研发协议签订). Published after commit, together with
/// the commands that mark the application contracted and the challenge awarded.
/// </summary>
public sealed record AgreementSigned(Guid AgreementId, Guid ApplicationId, Guid ChallengeId, Guid BatchId, Guid IssuerOrganisationId,
    long CommitmentFen, DateTimeOffset SignedAt) : INotification;

/// <summary>
/// The issuer confirmed (countersigned) the agreement the task force recorded (发榜企业确认协议); tranches may be paid from
/// now on. Published after commit.
/// </summary>
public sealed record AgreementConfirmed(Guid AgreementId, Guid ChallengeId, Guid IssuerOrganisationId, Guid LeadOrganisationId,
    DateTimeOffset ConfirmedAt) : INotification;

/// <summary>
/// A tranche of co-funding was paid (拨付): a Disburse entry on the agreement's ledger at a verified milestone. Published after
/// commit.
/// </summary>
/// <param name="AgreementId">The agreement paid.</param>
/// <param name="MilestoneIndex">0-based ordinal of the agreement milestone whose tranche (with every earlier one) was paid.</param>
/// <param name="LedgerEntryId">The Disburse entry on the agreement's ledger.</param>
/// <param name="AmountFen">The amount paid, in fen.</param>
/// <param name="PaidAt">When it was paid.</param>
public sealed record TranchePaid(Guid AgreementId, int MilestoneIndex, Guid LedgerEntryId, long AmountFen, DateTimeOffset PaidAt) : INotification;
