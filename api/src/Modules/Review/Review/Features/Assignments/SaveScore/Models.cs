using FastEndpoints;
using FluentValidation;
using Jiebang.Review.Domain;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Assignments.SaveScore;

internal sealed class Request
{
    /// <summary>Scores per criterion ordinal; a draft may leave criteria out.</summary>
    public List<ScoreValue> Scores { get; set; } = [];
    public string? Comment { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Scores).Must(s => s.Select(v => v.Ordinal).Distinct().Count() == s.Count)
            .WithMessage("每项标准只能评一次 / Each criterion once");
        RuleForEach(x => x.Scores).ChildRules(s =>
        {
            s.RuleFor(v => v.Score).GreaterThanOrEqualTo(0).Must(Hundredths.HasAtMostTwoPlaces).WithMessage("最多两位小数 / At most two decimal places");
        });
        RuleFor(x => x.Comment).MaximumLength(4000);
    }
}
