using FluentValidation;
using Jiebang.Challenges.Contracts;

namespace Jiebang.Review.Views;

// What the task force records about an expert, shared by the slices that create and update one (request content, not a response).

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
    /// <summary>People the expert has a conflict of interest with, by name and optionally organisation.</summary>
    public List<PersonConflict> DeclaredPersonConflicts { get; set; } = [];
    public bool Active { get; set; } = true;
}

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
        RuleFor(x => x.DeclaredPersonConflicts).SetValidator(new PersonConflictRules());
    }
}

internal sealed class PersonConflictRules : AbstractValidator<List<PersonConflict>>
{
    public PersonConflictRules()
    {
        RuleFor(x => x).Must(c => c.Count <= 200).WithMessage("最多200人 / At most 200 people");
        RuleForEach(x => x).ChildRules(p =>
        {
            p.RuleFor(x => x.Name).NotEmpty().WithMessage("须填写姓名 / The name is required").MaximumLength(100);
            p.RuleFor(x => x.OrganisationId).NotEqual(Guid.Empty);
        });
    }
}
