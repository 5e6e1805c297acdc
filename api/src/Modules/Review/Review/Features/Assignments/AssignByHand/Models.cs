using FastEndpoints;
using FluentValidation;

namespace Jiebang.Review.Features.Assignments.AssignByHand;

internal sealed class Request
{
    public Guid ItemId { get; set; }
    public Guid ExpertId { get; set; }
    /// <summary>Why the task force assigns by hand; kept in the audit log with any automatic rule the assignment departs from.</summary>
    public string Reason { get; set; } = "";
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.ItemId).NotEqual(Guid.Empty);
        RuleFor(x => x.ExpertId).NotEqual(Guid.Empty);
        RuleFor(x => x.Reason).NotEmpty().WithMessage("人工指派须写明理由 / A hand assignment needs a written reason").MaximumLength(2000);
    }
}

internal sealed class Response
{
    public required Guid AssignmentId { get; init; }
    public required Guid ItemId { get; init; }
    public required Guid ExpertId { get; init; }
    /// <summary>Automatic rules this assignment departs from (FieldMismatch, OverMaxLoad, OverCount); conflicts are never allowed.</summary>
    public required List<string> Departures { get; init; }
}
