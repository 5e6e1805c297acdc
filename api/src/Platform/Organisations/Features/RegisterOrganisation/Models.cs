using FastEndpoints;
using FluentValidation;

namespace Jiebang.Platform.Organisations.Features.RegisterOrganisation;

/// <summary>A legal entity to enter into the registry; a credit code already registered returns that record unchanged.</summary>
internal sealed class Request
{
    /// <summary>统一社会信用代码: 18 characters, upper case, with a valid check character.</summary>
    public required string CreditCode { get; set; }
    public required string Name { get; set; }
    public required OrganisationType Type { get; set; }
    /// <summary>Registered 6-digit 行政区划 code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>具有独立法人资格.</summary>
    public required bool IndependentLegalPerson { get; set; }
    /// <summary>成果转化基地, for universities, institutes and new R&amp;D institutions.</summary>
    public string? CommercialisationBase { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.CreditCode).Custom((code, context) =>
        {
            var result = Organisations.CreditCode.Validate(code);
            if (!result.IsValid)
            {
                context.AddFailure(nameof(Request.CreditCode), $"{result.MessageZh} / {result.MessageEn}");
            }
        });
        RuleFor(x => x.Name).NotEmpty().WithMessage("名称不能为空 / The name is required").MaximumLength(200);
        RuleFor(x => x.Type).IsInEnum();
        RuleFor(x => x.RegionCode)
            .Must(Regions.IsWellFormed).WithMessage("行政区划代码应为6位数字 / The region code must have 6 digits")
            .Must(Regions.IsKnownProvince).When(x => Regions.IsWellFormed(x.RegionCode), ApplyConditionTo.CurrentValidator)
            .WithMessage(x => $"行政区划代码前两位“{x.RegionCode[..2]}”不是省级行政区代码 / " +
                              $"The first two digits '{x.RegionCode[..2]}' are not a province-level division");
        RuleFor(x => x.CommercialisationBase).MaximumLength(2000);
    }
}
