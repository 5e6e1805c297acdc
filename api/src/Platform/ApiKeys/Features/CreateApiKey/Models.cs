using FastEndpoints;
using FluentValidation;
using Jiebang.Platform.Organisations;

namespace Jiebang.Platform.ApiKeys.Features.CreateApiKey;

/// <summary>新建接口密钥 / A key for a district portal.</summary>
internal sealed class Request
{
    /// <summary>名称 / Whose key it is, e.g. 海淀区门户.</summary>
    public required string Name { get; set; }
    /// <summary>行政区划 / The district the key covers: a 2-, 4- or 6-digit 行政区划 prefix (11 = 北京市, 110108 = 海淀区).</summary>
    public required string DistrictCode { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("名称不能为空 / The name is required")
            .MaximumLength(200).WithMessage("名称不能超过200个字符 / The name may have at most 200 characters");
        RuleFor(x => x.DistrictCode).Must(IsDistrict)
            .WithMessage("行政区划应为2、4或6位数字，且须是存在的省级区划之内 / The district must be a 2-, 4- or 6-digit 行政区划 prefix " +
                         "inside a known province");
    }

    private static bool IsDistrict(string? code) =>
        code is { Length: 2 or 4 or 6 } && code.All(char.IsAsciiDigit) && Regions.IsKnownProvince(code.PadRight(6, '0'));
}
