using FastEndpoints;
using FluentValidation;

namespace Jiebang.Platform.Organisations.Features.CorrectOrganisation;

/// <summary>更正主体登记信息 / The task force's correction of a registered organisation, with its reason; the credit code stays.</summary>
internal sealed class Request
{
    public required string Name { get; set; }
    public required OrganisationType Type { get; set; }
    /// <summary>注册地 / Registered 6-digit 行政区划 code, inside the division of the authority named by the credit code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>具有独立法人资格.</summary>
    public required bool IndependentLegalPerson { get; set; }
    /// <summary>成果转化基地, for universities, institutes and new R&amp;D institutions.</summary>
    public string? CommercialisationBase { get; set; }
    /// <summary>更正理由 / Why the record is corrected (what was checked); kept in the audit log.</summary>
    public required string Reason { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("名称不能为空 / The name is required").MaximumLength(200);
        RuleFor(x => x.Type).IsInEnum();
        RuleFor(x => x.RegionCode)
            .Must(Regions.Exists).WithMessage(x => $"注册地行政区划代码“{x.RegionCode}”不存在（GB/T 2260） / " +
                                                   $"The registered region code '{x.RegionCode}' does not exist (GB/T 2260)");
        RuleFor(x => x.CommercialisationBase).MaximumLength(2000);
        RuleFor(x => x.Reason).NotEmpty().WithMessage("更正理由不能为空 / The reason for the correction is required").MaximumLength(1000);
    }
}
