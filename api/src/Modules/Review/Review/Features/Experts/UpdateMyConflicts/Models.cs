using FastEndpoints;
using FluentValidation;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Experts.UpdateMyConflicts;

internal sealed class Request
{
    /// <summary>Every organisation the expert has a conflict of interest with (replaces the earlier declaration).</summary>
    public List<Guid> DeclaredConflicts { get; set; } = [];
    /// <summary>Every person the expert has a conflict of interest with, by name and optionally organisation (replaces the earlier declaration).</summary>
    public List<PersonConflict> DeclaredPersonConflicts { get; set; } = [];
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.DeclaredConflicts).Must(c => c.Count <= 200).WithMessage("最多200个 / At most 200");
        RuleForEach(x => x.DeclaredConflicts).NotEqual(Guid.Empty);
        RuleFor(x => x.DeclaredPersonConflicts).SetValidator(new PersonConflictRules());
    }
}
