using FastEndpoints;
using FluentValidation;

namespace Jiebang.Challenges.Features.Batches.ListBatches;

internal sealed class Request
{
    /// <summary>Only batches of this programme.</summary>
    public Guid? Programme { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Programme).NotEqual(Guid.Empty);
    }
}
