using FastEndpoints;
using FluentValidation;
using Jiebang.Challenges.Domain;
using Jiebang.Challenges.Views;

namespace Jiebang.Challenges.Features.Batches.CreateBatch;

internal sealed class Request : BatchContent
{
    /// <summary>Readable unique code, e.g. ZGC-2020-01; challenge codes are derived from it.</summary>
    public string Code { get; set; } = "";
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        Include(new BatchContentRules());
        RuleFor(x => x.Code).NotEmpty().MaximumLength(30).Matches("^[A-Za-z0-9][A-Za-z0-9-]*$")
            .WithMessage("编码只能包含字母、数字和连字符 / Code may contain letters, digits and hyphens only");
    }
}
