using Jiebang.Platform.Organisations;
using Jiebang.Platform.Registrations.Domain;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Platform.Registrations.Features.SubmitRegistration;

/// <summary>
/// 法人注册 / A unit's registration, sent as multipart/form-data: the text fields and the licence in the field <c>file</c>.
/// </summary>
internal sealed class RegistrationForm
{
    /// <summary>单位名称 / The unit's registered name (at most 200 characters).</summary>
    public required string Name { get; set; }
    /// <summary>统一社会信用代码 (18 characters, GB 32100-2015 check character); its characters 3 to 8 give the registered region.</summary>
    public required string CreditCode { get; set; }
    /// <summary>单位类型 / University, Institute, Enterprise, NewRdInstitution or SocialOrganisation.</summary>
    public required OrganisationType OrgType { get; set; }
    /// <summary>法定代表人 (at most 100 characters).</summary>
    public required string LegalRepresentative { get; set; }
    /// <summary>单位管理员姓名 / The unit administrator's name (at most 100 characters).</summary>
    public required string AdminDisplayName { get; set; }
    /// <summary>管理员手机号 / An 11-digit mainland mobile number.</summary>
    public required string AdminMobile { get; set; }
    /// <summary>管理员邮箱 / The administrator's email address.</summary>
    public required string AdminEmail { get; set; }
    /// <summary>管理员用户名 / 3 to 50 letters, digits or . _ -, starting with a letter or digit.</summary>
    public required string AdminUserName { get; set; }
    /// <summary>管理员密码 / At least 10 characters, not the user name, not a common password. Only its hash is kept.</summary>
    public required string AdminPassword { get; set; }
    /// <summary>营业执照或法人证书 / The licence or certificate: PDF, PNG or JPEG (recognised from the content), at most Registrations:LicenceMaxBytes.</summary>
    public required IFormFile File { get; set; }
}

/// <summary>已受理 / The registration was received: keep the status token, it is shown only this once.</summary>
internal sealed class Response
{
    /// <summary>受理编号 / The registration's reference.</summary>
    public required Guid Reference { get; init; }
    /// <summary>查询凭证 / Send it in the X-Registration-Token header to read the status (Registrations_GetStatus); shown only once.</summary>
    public required string StatusToken { get; init; }
    public required RegistrationStatus Status { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
}
