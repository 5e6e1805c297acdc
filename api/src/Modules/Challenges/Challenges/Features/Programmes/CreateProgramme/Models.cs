using FastEndpoints;
using FluentValidation;

namespace Jiebang.Challenges.Features.Programmes.CreateProgramme;

/// <summary>A programme (e.g. 中关村示范区强链工程) under which batches of challenges are published.</summary>
internal sealed class Request
{
    /// <summary>Readable unique code, e.g. ZGC-QLGC.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    /// <summary>The operating body, e.g. 中关村管委会.</summary>
    public string OperatorName { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>Innovation consortia to be formed by the target year (30 by 2025 for 强链工程).</summary>
    public int TargetConsortia { get; set; } = 30;
    public int TargetYear { get; set; } = 2025;
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Code).NotEmpty().MaximumLength(40).Matches("^[A-Za-z0-9][A-Za-z0-9-]*$")
            .WithMessage("编码只能包含字母、数字和连字符 / Code may contain letters, digits and hyphens only");
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
        RuleFor(x => x.NameEn).MaximumLength(300);
        RuleFor(x => x.OperatorName).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Description).MaximumLength(10_000);
        RuleFor(x => x.TargetConsortia).InclusiveBetween(0, 100_000);
        RuleFor(x => x.TargetYear).InclusiveBetween(2000, 2100);
    }
}
