using FastEndpoints;
using FluentValidation;

namespace Jiebang.Challenges.Features.CreateBatch;

/// <summary>What defines a batch: its name and its application window in Asia/Shanghai calendar days.</summary>
internal class BatchContent
{
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    /// <summary>First day applications are accepted (Asia/Shanghai), from 00:00:00.</summary>
    public DateOnly OpensOn { get; set; }
    /// <summary>Last day applications are accepted (Asia/Shanghai), until 23:59:59.</summary>
    public DateOnly ClosesOn { get; set; }
    public string? Note { get; set; }
}

internal sealed class Request : BatchContent
{
    /// <summary>Readable unique code, e.g. ZGC-2020-01; challenge codes are derived from it.</summary>
    public string Code { get; set; } = "";
}

internal sealed class BatchContentRules : AbstractValidator<BatchContent>
{
    // A window is turned into instants (the next day's midnight in Asia/Shanghai); far-off days would overflow that.
    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2099, 12, 31);

    public BatchContentRules()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
        RuleFor(x => x.NameEn).MaximumLength(300);
        RuleFor(x => x.Note).MaximumLength(1000);
        RuleFor(x => x.OpensOn).NotEqual(default(DateOnly)).WithMessage("需要开始日期 / The opening day is required")
            .InclusiveBetween(Earliest, Latest).WithMessage("开始日期须在 2000 至 2099 年之间 / The opening day must fall between 2000 and 2099");
        RuleFor(x => x.ClosesOn).NotEqual(default(DateOnly)).WithMessage("需要截止日期 / The closing day is required")
            .InclusiveBetween(Earliest, Latest).WithMessage("截止日期须在 2000 至 2099 年之间 / The closing day must fall between 2000 and 2099")
            .GreaterThanOrEqualTo(x => x.OpensOn).WithMessage("截止日期不能早于开始日期 / The closing day cannot be before the opening day");
    }
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
