using Jiebang.Platform.Paging;
using FastEndpoints;
using FluentValidation;

namespace Jiebang.Platform.Organisations.Features.ListOrganisations;

/// <summary>Filters and page for the registry; all optional.</summary>
internal sealed class Request : PageRequest
{
    /// <summary>
    /// 精确匹配的统一社会信用代码；发榜、揭榜单位与专家只有给出它才有结果；格式或校验位错误返回 400 /
    /// Exactly this credit code; issuers, applicants and experts get results only with it. A malformed code (not 18
    /// characters, or a wrong check character) is refused with 400 validation_failed.
    /// </summary>
    public string? CreditCode { get; set; }
    /// <summary>Text contained in the name or the credit code (case-insensitive).</summary>
    public string? Q { get; set; }
    public OrganisationType? Type { get; set; }
    /// <summary>行政区划 prefix of 2 to 6 digits (11 = 北京市, 110108 = 海淀区).</summary>
    public string? Region { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        this.AddPageRules();
        RuleFor(x => x.Q).MaximumLength(100);
        RuleFor(x => x.Type).IsInEnum();
        RuleFor(x => x.Region).Matches("^[0-9]{2,6}$")
            .WithMessage("行政区划前缀应为2至6位数字 / The region prefix must have 2 to 6 digits");
        RuleFor(x => x.CreditCode).Custom((code, context) =>
        {
            if (code is null)
            {
                return;
            }
            var result = Organisations.CreditCode.Validate(code);
            if (!result.IsValid)
            {
                context.AddFailure(nameof(Request.CreditCode), $"{result.MessageZh} / {result.MessageEn}");
            }
        });
    }
}
