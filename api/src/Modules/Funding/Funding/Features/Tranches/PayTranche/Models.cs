using FastEndpoints;
using FluentValidation;

namespace Jiebang.Funding.Features.Tranches.PayTranche;

/// <summary>A tranche payment at a verified milestone.</summary>
internal sealed class Request
{
    /// <summary>0-based index of the milestone whose tranche (with every earlier one) is being paid.</summary>
    public int MilestoneIndex { get; set; }
    /// <summary>Amount to pay, in fen; at most what the plan and the verified investment allow.</summary>
    public long AmountFen { get; set; }
    public string Reason { get; set; } = "";
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.MilestoneIndex).GreaterThanOrEqualTo(0);
        RuleFor(x => x.AmountFen).GreaterThan(0).WithMessage("拨付金额须大于零 / The amount must be positive");
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(2000).WithMessage("须说明拨付依据 / The payment needs a reason");
    }
}
