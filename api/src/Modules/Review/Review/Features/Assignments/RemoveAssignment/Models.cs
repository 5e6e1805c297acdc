using FastEndpoints;
using FluentValidation;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Assignments.RemoveAssignment;

/// <summary>What happens to the item after the expert is taken off it.</summary>
internal enum Replacement
{
    /// <summary>Nobody takes the place; the item shows as short on the board until it is filled.</summary>
    None,
    /// <summary>A replacement is chosen under the automatic rules (field, load, conflicts), as when an expert declines.</summary>
    Automatic,
    /// <summary>The expert named in ReplacementExpertId, under the hand-assignment rules: the conflict rule always applies.</summary>
    Named,
}

internal sealed class Request
{
    /// <summary>Why the task force takes the expert off; kept with the assignment and in the audit log.</summary>
    public string Reason { get; set; } = "";
    public Replacement Replacement { get; set; } = Replacement.None;
    public Guid? ReplacementExpertId { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Reason).NotEmpty().WithMessage("撤销指派须写明理由 / Removing an assignment needs a written reason").MaximumLength(2000);
        RuleFor(x => x.Replacement).IsInEnum();
        RuleFor(x => x.ReplacementExpertId).NotNull().NotEqual(Guid.Empty).When(x => x.Replacement == Replacement.Named)
            .WithMessage("须指定替换专家 / Name the replacement expert");
        RuleFor(x => x.ReplacementExpertId).Null().When(x => x.Replacement != Replacement.Named)
            .WithMessage("仅在 Replacement 为 Named 时指定 / Only with Replacement = Named");
    }
}

internal sealed class Response
{
    public required Guid RemovedAssignmentId { get; init; }
    public required Guid ItemId { get; init; }
    public required Guid RemovedExpertId { get; init; }
    public Guid? ReplacementAssignmentId { get; init; }
    public Guid? ReplacementExpertId { get; init; }
    /// <summary>For a named replacement: the automatic rules it departs from (FieldMismatch, OverMaxLoad, OverCount).</summary>
    public required List<string> Departures { get; init; }
    /// <summary>Set when the item is now without its count (no replacement asked, or none could be found).</summary>
    public ShortItemView? Short { get; init; }
}
