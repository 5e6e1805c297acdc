using FastEndpoints;
using FluentValidation;
using Jiebang.Platform.Paging;

namespace Jiebang.Platform.Users.Features.ListUsers;

/// <summary>Filters and page of the account list; all optional.</summary>
internal sealed class Request : PageRequest
{
    /// <summary>Text contained in the user name, name, email or mobile (case-insensitive).</summary>
    public string? Q { get; set; }
    /// <summary>角色 / TaskForce, Issuer, Applicant, Expert or Auditor.</summary>
    public string? Role { get; set; }
    /// <summary>所属单位 / A unit administrator sees only its own organisation's accounts whatever this says.</summary>
    public Guid? OrganisationId { get; set; }
    /// <summary>true: active accounts only; false: deactivated ones only.</summary>
    public bool? Active { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        this.AddPageRules();
        RuleFor(x => x.Q).MaximumLength(100);
        RuleFor(x => x.Role).Must(r => Auth.Roles.IsPersonRole(r!)).When(x => x.Role is not null)
            .WithMessage("角色应为工作专班、发榜单位、揭榜单位、专家或审计之一 / The role must be task force, issuer, applicant, expert or auditor");
    }
}
