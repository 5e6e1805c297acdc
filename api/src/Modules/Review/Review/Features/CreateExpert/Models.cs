using FastEndpoints;
using FluentValidation;
using Jiebang.Challenges.Contracts;

namespace Jiebang.Review.Features.CreateExpert;

/// <summary>What the task force records about an expert.</summary>
internal class ExpertContent
{
    public string Name { get; set; } = "";
    /// <summary>Professional title, e.g. 教授 / 正高级工程师.</summary>
    public string Title { get; set; } = "";
    /// <summary>The challenge fields the expert reviews.</summary>
    public List<ChallengeField> Fields { get; set; } = [];
    public Guid? AffiliationOrganisationId { get; set; }
    public List<Guid> DeclaredConflicts { get; set; } = [];
    public bool Active { get; set; } = true;
}

internal sealed class Request : ExpertContent;

internal sealed class ExpertContentRules : AbstractValidator<ExpertContent>
{
    public ExpertContentRules()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Title).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Fields).NotEmpty().WithMessage("至少一个领域 / At least one field is required");
        RuleForEach(x => x.Fields).IsInEnum();
        RuleFor(x => x.DeclaredConflicts).Must(c => c.Count <= 200).WithMessage("最多200个 / At most 200");
        RuleForEach(x => x.DeclaredConflicts).NotEqual(Guid.Empty);
    }
}

internal sealed class Validator : Validator<Request>
{
    public Validator() => Include(new ExpertContentRules());
}
