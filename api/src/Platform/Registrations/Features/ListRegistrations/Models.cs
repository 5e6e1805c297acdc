using FastEndpoints;
using FluentValidation;
using Jiebang.Platform.Organisations;
using Jiebang.Platform.Paging;
using Jiebang.Platform.Registrations.Domain;

namespace Jiebang.Platform.Registrations.Features.ListRegistrations;

/// <summary>Filters and page for the registration queue; all optional.</summary>
internal sealed class Request : PageRequest
{
    /// <summary>Only registrations in this state (Pending = the queue).</summary>
    public RegistrationStatus? Status { get; set; }
    /// <summary>Text contained in the unit's name, the credit code or the administrator's user name (case-insensitive).</summary>
    public string? Q { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        this.AddPageRules();
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.Q).MaximumLength(100);
    }
}

/// <summary>注册审核队列中的一项 / One registration in the queue.</summary>
internal sealed class RegistrationSummary
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public required string CreditCode { get; init; }
    public required OrganisationType OrgType { get; init; }
    public required RegistrationStatus Status { get; init; }
    /// <summary>管理员用户名 / The administrator's user name.</summary>
    public required string AdminUserName { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    /// <summary>审核时间 / When it was approved or rejected.</summary>
    public DateTimeOffset? ReviewedAt { get; init; }
    public required bool IsDemo { get; init; }
}
