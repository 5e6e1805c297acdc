using FastEndpoints;
using FluentValidation;

namespace Jiebang.Review.Features.Rounds.RecordMatchmaking;

internal sealed class Request
{
    /// <summary>Whether the issuer and the applicant reached agreement in matchmaking (对接).</summary>
    public bool Matched { get; set; }
    public string Note { get; set; } = "";
}

internal sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(x => x.Note).NotEmpty().MaximumLength(2000);
}

internal sealed class Response
{
    public required Guid ItemId { get; init; }
    public required bool Matched { get; init; }
    public required string Note { get; init; }
}
