using FastEndpoints;
using FluentValidation;
using Jiebang.Review.Contracts;

namespace Jiebang.Review.Features.Objections.FileObjection;

internal sealed class Request
{
    public Guid ItemId { get; set; }
    public string Reason { get; set; } = "";
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.ItemId).NotEqual(Guid.Empty);
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(4000);
    }
}

internal sealed class Response
{
    public required Guid Id { get; init; }
    public required Guid ItemId { get; init; }
    public required ObjectionStatus Status { get; init; }
}
