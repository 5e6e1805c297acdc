using FluentValidation;
using Jiebang.Platform.Http;
using Jiebang.Review.Contracts;
using Jiebang.Review.Domain;

namespace Jiebang.Review.Views;

// What the task force sets on a round, shared by the slices that create and update one (request content, not a response).

internal sealed class CriterionInput
{
    public string Name { get; set; } = "";
    /// <summary>权重，计算加权总分时乘以该项得分（0.01–100，至多两位小数）/ Multiplies the score in the weighted total (0.01 to 100, at most two decimals).</summary>
    [StoredAsHundredths(Minimum = 0.01, Maximum = 100)]
    public decimal Weight { get; set; } = 1;
    public int MaxScore { get; set; }
    /// <summary>可选：该项平均分的通过下限（至多两位小数）/ Optional minimum mean score on this criterion to pass (at most two decimals).</summary>
    [StoredAsHundredths(Minimum = 0)]
    public decimal? Threshold { get; set; }
}

/// <summary>What the task force sets on a round and may change while it is a draft.</summary>
internal class RoundContent
{
    public string Name { get; set; } = "";
    public List<CriterionInput> Criteria { get; set; } = [];
    /// <summary>通过线：加权总分截尾均值的下限（0–100000，至多两位小数）/ Minimum trimmed mean of the weighted totals to pass (0 to 100000, at most two decimals).</summary>
    [StoredAsHundredths(Minimum = 0, Maximum = 100000)]
    public decimal PassThreshold { get; set; }
    public int ExpertsPerItem { get; set; } = 5;
    /// <summary>The most items one expert is assigned in this round.</summary>
    public int MaxLoadPerExpert { get; set; } = 10;
    /// <summary>
    /// 分歧上限：最高与最低加权总分之差超过此值时标记（0.01–100000，至多两位小数）/ Results flag an item whose highest and lowest totals
    /// differ by more than this (0.01 to 100000, at most two decimals).
    /// </summary>
    [StoredAsHundredths(Minimum = 0.01, Maximum = 100000)]
    public decimal SpreadLimit { get; set; } = 20;
    public DateTimeOffset ScoringOpensAt { get; set; }
    public DateTimeOffset ScoringClosesAt { get; set; }
    /// <summary>Whether experts may see others' submitted sheets after submitting their own; by default nobody sees another's scores before close.</summary>
    public ReviewVisibility Visibility { get; set; } = ReviewVisibility.SealedUntilClose;
}

internal sealed class RoundContentRules : AbstractValidator<RoundContent>
{
    private const string TwoPlaces = "最多两位小数 / At most two decimal places";

    public RoundContentRules()
    {
        RuleFor(x => x.Visibility).IsInEnum();
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Criteria).NotEmpty().Must(c => c.Count <= 20).WithMessage("1至20项评分标准 / 1 to 20 criteria");
        RuleForEach(x => x.Criteria).ChildRules(c =>
        {
            c.RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
            c.RuleFor(x => x.Weight).GreaterThan(0).LessThanOrEqualTo(100).Must(Hundredths.HasAtMostTwoPlaces).WithMessage(TwoPlaces);
            c.RuleFor(x => x.MaxScore).InclusiveBetween(1, 1000);
            c.RuleFor(x => x.Threshold).GreaterThanOrEqualTo(0).Must(t => t is null || Hundredths.HasAtMostTwoPlaces(t.Value)).WithMessage(TwoPlaces);
            c.RuleFor(x => x).Must(x => x.Threshold is null || x.Threshold <= x.MaxScore).WithName("threshold")
                .WithMessage("阈值不能超过满分 / The threshold cannot exceed the maximum score");
        });
        RuleFor(x => x.PassThreshold).GreaterThanOrEqualTo(0).LessThanOrEqualTo(100000).Must(Hundredths.HasAtMostTwoPlaces).WithMessage(TwoPlaces);
        RuleFor(x => x.SpreadLimit).GreaterThan(0).LessThanOrEqualTo(100000).Must(Hundredths.HasAtMostTwoPlaces).WithMessage(TwoPlaces);
        RuleFor(x => x.ExpertsPerItem).InclusiveBetween(1, 30);
        RuleFor(x => x.MaxLoadPerExpert).InclusiveBetween(1, 500);
        RuleFor(x => x.ScoringOpensAt).NotEqual(default(DateTimeOffset));
        RuleFor(x => x.ScoringClosesAt).GreaterThan(x => x.ScoringOpensAt)
            .WithMessage("评分截止须晚于开始 / Scoring must close after it opens");
    }
}
