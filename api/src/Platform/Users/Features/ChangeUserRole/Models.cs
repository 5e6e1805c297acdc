using FastEndpoints;
using FluentValidation;

namespace Jiebang.Platform.Users.Features.ChangeUserRole;

/// <summary>变更角色 / The account's new role and where it belongs.</summary>
internal sealed class Request
{
    /// <summary>角色 / TaskForce, Issuer, Applicant, Expert or Auditor.</summary>
    public required string Role { get; set; }
    /// <summary>所属单位 / Required for Issuer and Applicant, absent otherwise.</summary>
    public Guid? OrganisationId { get; set; }
    /// <summary>专家库记录 / Required for Expert, absent otherwise.</summary>
    public Guid? ExpertId { get; set; }
    /// <summary>单位管理员 / Issuer and Applicant accounts only; false when omitted.</summary>
    public bool? OrgAdmin { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Role).NotEmpty().WithMessage("角色不能为空 / The role is required");
    }
}
