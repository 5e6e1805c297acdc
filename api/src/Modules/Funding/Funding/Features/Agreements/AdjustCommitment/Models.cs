using FastEndpoints;
using FluentValidation;

namespace Jiebang.Funding.Features.Agreements.AdjustCommitment;

/// <summary>A correction of the agreement's commitment, booked as a new ledger entry (the ledger is never edited).</summary>
internal sealed class Request
{
    /// <summary>Signed amount in fen: positive takes more from the batch budget, negative hands some back.</summary>
    public long AmountFen { get; set; }
    /// <summary>Why the commitment is corrected (e.g. the agreement was amended).</summary>
    public string Reason { get; set; } = "";
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.AmountFen).NotEqual(0).WithMessage("调整金额不能为零 / The adjustment cannot be zero");
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(2000).WithMessage("须说明调整理由 / The adjustment needs a reason");
    }
}
