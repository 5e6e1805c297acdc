using FastEndpoints;
using FluentValidation;

namespace Jiebang.Platform.Organisations.Features.RegisterOrganisation;

/// <summary>
/// 登记主体 / A legal entity to enter into the registry. A credit code already registered with the same facts returns that
/// record unchanged; with different facts the registration is refused (ask the task force for a correction).
/// </summary>
internal sealed class Request
{
    /// <summary>统一社会信用代码: 18 characters, upper case, with a valid check character.</summary>
    public required string CreditCode { get; set; }
    public required string Name { get; set; }
    public required OrganisationType Type { get; set; }
    /// <summary>注册地 / Registered 6-digit 行政区划 code (GB/T 2260), inside the division of the authority named by the credit code.</summary>
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
                              $"The first two digits '{x.RegionCode[..2]}' are not a province-level division")
            .Must(Regions.Exists).When(x => Regions.IsKnownProvince(x.RegionCode), ApplyConditionTo.CurrentValidator)
            .WithMessage(x => $"注册地行政区划代码“{x.RegionCode}”不存在（GB/T 2260） / The registered region code '{x.RegionCode}' does not exist (GB/T 2260)");
        // Characters 3 to 8 of the credit code name the registration authority's division: the stated region must lie
        // inside it, so what a registrant types cannot move a unit into another district or out of 香港.
        RuleFor(x => x.RegionCode)
            .Must((x, region) => Regions.IsWithin(region, Organisations.CreditCode.RegionOf(x.CreditCode)))
            .When(x => Regions.Exists(x.RegionCode) && Organisations.CreditCode.Validate(x.CreditCode).IsValid)
            .WithMessage(x => OutsideAuthority(x.RegionCode, Organisations.CreditCode.RegionOf(x.CreditCode)));
        RuleFor(x => x.CommercialisationBase).MaximumLength(2000);
    }

    private static string OutsideAuthority(string region, string authority)
    {
        var authorityName = authority == Regions.National ? "国家级" : Regions.NameOf(authority) ?? authority;
        return $"注册地“{region} {Regions.NameOf(region)}”不在统一社会信用代码第3至8位所示登记管理机关（{authority} {authorityName}）的辖区内 / " +
               $"The registered region {region} is not inside the division of the registration authority ({authority}) " +
               "named by characters 3 to 8 of the credit code";
    }
}
