using FastEndpoints;
using Jiebang.Funding.Data;
using Jiebang.Funding.Domain;
using Jiebang.Platform.Paging;

namespace Jiebang.Funding.Features.Agreements.ListAgreements;

/// <summary>Filters for the agreement list; every caller sees only the agreements it may see.</summary>
internal sealed class Request : PageRequest
{
    public Guid? Batch { get; set; }
    public Guid? Challenge { get; set; }
    public AgreementStatus? Status { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator() => this.AddPageRules();
}

/// <summary>An agreement (合作研发协议) in the list, with its money from the ledger.</summary>
internal sealed class AgreementListItem
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public Guid ApplicationId { get; set; }
    public Guid ChallengeId { get; set; }
    public Guid BatchId { get; set; }
    public Guid IssuerOrganisationId { get; set; }
    public Guid LeadOrganisationId { get; set; }
    public AgreementStatus Status { get; set; }
    /// <summary>Issuer's plus applicants' committed investment, in fen.</summary>
    public long JointInvestmentFen { get; set; }
    /// <summary>Co-funding reserved at signing, in fen.</summary>
    public long CommitmentFen { get; set; }
    /// <summary>Sum of the ledger's commitments, adjustments, releases and claw-backs, in fen.</summary>
    public long CommittedFen { get; set; }
    /// <summary>Sum of the ledger's payments less claw-backs, in fen.</summary>
    public long PaidFen { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public DateTimeOffset SignedAt { get; set; }
    public DateTimeOffset? IssuerConfirmedAt { get; set; }
}

internal sealed class AgreementListRow
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public Guid ApplicationId { get; set; }
    public Guid ChallengeId { get; set; }
    public Guid BatchId { get; set; }
    public Guid IssuerOrganisationId { get; set; }
    public Guid LeadOrganisationId { get; set; }
    public AgreementStatus Status { get; set; }
    public long JointInvestmentFen { get; set; }
    public long CommitmentFen { get; set; }
    public long CommittedFen { get; set; }
    public long PaidFen { get; set; }
    public string StartsOn { get; set; } = "";
    public string EndsOn { get; set; } = "";
    public DateTimeOffset SignedAt { get; set; }
    public DateTimeOffset? IssuerConfirmedAt { get; set; }

    public AgreementListItem ToItem() => new()
    {
        Id = Id, Code = Code, ApplicationId = ApplicationId, ChallengeId = ChallengeId, BatchId = BatchId,
        IssuerOrganisationId = IssuerOrganisationId, LeadOrganisationId = LeadOrganisationId, Status = Status,
        JointInvestmentFen = JointInvestmentFen, CommitmentFen = CommitmentFen, CommittedFen = CommittedFen, PaidFen = PaidFen,
        StartsOn = AgreementStore.ParseDay(StartsOn), EndsOn = AgreementStore.ParseDay(EndsOn), SignedAt = SignedAt, IssuerConfirmedAt = IssuerConfirmedAt,
    };
}
