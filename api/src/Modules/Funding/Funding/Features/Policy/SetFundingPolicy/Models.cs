using FastEndpoints;
using FluentValidation;
using Jiebang.Funding.Domain;
using Jiebang.Funding.Views;

namespace Jiebang.Funding.Features.Policy.SetFundingPolicy;

/// <summary>A batch's co-funding policy: ratio, cap per project, total budget and the tranche plan.</summary>
internal sealed class Request
{
    /// <summary>Co-funding ratio in basis points of the committed joint investment (3000 = 30%).</summary>
    public int RatioBp { get; set; }
    /// <summary>Most any one project may be committed, in fen.</summary>
    public long CapPerProjectFen { get; set; }
    /// <summary>The batch's total co-funding budget, in fen.</summary>
    public long TotalBudgetFen { get; set; }
    /// <summary>Tranches in milestone order; percentages sum to exactly 100.</summary>
    public List<TrancheModel> Tranches { get; set; } = [];
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.RatioBp).InclusiveBetween(1, FundingArithmetic.FullRatioBp)
            .WithMessage("配套比例须在 1 至 10000 个基点之间 / The ratio must be between 1 and 10000 basis points");
        RuleFor(x => x.CapPerProjectFen).GreaterThan(0).WithMessage("单项目上限须大于零 / The cap per project must be positive");
        RuleFor(x => x.TotalBudgetFen).GreaterThanOrEqualTo(0).WithMessage("总预算不能为负 / The total budget cannot be negative");
        RuleFor(x => x.Tranches).Custom((tranches, context) =>
        {
            foreach (var problem in FundingArithmetic.PlanProblems((tranches ?? []).Select(t => t.ToTranche()).ToList()))
            {
                context.AddFailure("tranches", problem);
            }
        });
    }
}
