using FastEndpoints;
using FluentValidation;

namespace Jiebang.Applications.Features.Consortium.ConfirmParticipation;

/// <summary>
/// 联合单位确认参与联合申报（联合申报协议） / A consortium member confirms its participation (the consortium agreement).
/// </summary>
internal sealed class Request
{
    /// <summary>
    /// 确认的联合单位：申报单位用户可省略（即本单位）；区门户必填 /
    /// The member organisation: an applicant user's own (may be omitted); required for a district portal.
    /// </summary>
    public Guid? OrganisationId { get; set; }
    /// <summary>可选：所见申报书版本（同 If-Match），过期则 412 / Optional: the version seen (as If-Match); a stale one gets 412.</summary>
    public int? ExpectedVersion { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(x => x.ExpectedVersion).GreaterThan(0).When(x => x.ExpectedVersion is not null);
}
