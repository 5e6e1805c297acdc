using FastEndpoints;
using FluentValidation;

namespace Jiebang.Platform.Organisations.Features.SetCreditStanding;

/// <summary>The credit standing the task force found for an organisation, and where it found it.</summary>
internal sealed class Request
{
    public required CreditStanding Standing { get; set; }
    /// <summary>Where the standing comes from (for example 信用中国); required for a bad record.</summary>
    public string? Source { get; set; }
    /// <summary>The day the standing was recorded (Asia/Shanghai); today when omitted, never in the future.</summary>
    public DateOnly? RecordedOn { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Standing).IsInEnum();
        RuleFor(x => x.Source).NotEmpty().When(x => x.Standing == CreditStanding.BadRecord)
            .WithMessage("记录不良信用时须注明来源 / A bad credit record needs its source");
        RuleFor(x => x.Source).MaximumLength(200);
    }
}
