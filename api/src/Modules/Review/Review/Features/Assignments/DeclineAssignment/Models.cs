using FastEndpoints;
using FluentValidation;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Assignments.DeclineAssignment;

internal sealed class Request
{
    /// <summary>Why the expert declines (e.g. unavailable) or recuses itself (a conflict found late).</summary>
    public string Reason { get; set; } = "";
    /// <summary>True when the expert recuses itself for a conflict of interest rather than declining.</summary>
    public bool Recuse { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(2000);
}

internal sealed class Response
{
    public required ReviewAssignment Declined { get; init; }
    /// <summary>The expert assigned in its place under the same rules, when there is one.</summary>
    public Guid? ReplacementExpertId { get; init; }
    public Guid? ReplacementAssignmentId { get; init; }
    /// <summary>Set when no unconflicted expert could replace it: the item is now short.</summary>
    public ShortItemView? Short { get; init; }
}
