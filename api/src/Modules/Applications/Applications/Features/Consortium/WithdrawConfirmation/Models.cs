using FastEndpoints;
using FluentValidation;

namespace Jiebang.Applications.Features.Consortium.WithdrawConfirmation;

/// <summary>联合单位撤回参与确认 / A consortium member withdraws its confirmation.</summary>
internal sealed class Request
{
    /// <summary>
    /// 撤回确认的联合单位：申报单位用户可省略（即本单位）；区门户必填 /
    /// The member organisation: an applicant user's own (may be omitted); required for a district portal.
    /// </summary>
    public Guid? OrganisationId { get; set; }
    /// <summary>撤回原因 / Why the member withdraws.</summary>
    public string? Reason { get; set; }
    /// <summary>可选：所见申报书版本（同 If-Match），过期则 412 / Optional: the version seen (as If-Match); a stale one gets 412.</summary>
    public int? ExpectedVersion { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Reason).MaximumLength(2000);
        RuleFor(x => x.ExpectedVersion).GreaterThan(0).When(x => x.ExpectedVersion is not null);
    }
}
