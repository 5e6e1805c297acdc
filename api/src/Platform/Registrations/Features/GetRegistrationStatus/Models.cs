using Jiebang.Platform.Registrations.Domain;

namespace Jiebang.Platform.Registrations.Features.GetRegistrationStatus;

/// <summary>注册进度 / Where a unit's registration stands, as the unit may read it with its status token.</summary>
internal sealed class Response
{
    /// <summary>受理编号 / The registration's reference.</summary>
    public required Guid Reference { get; init; }
    public required string Name { get; init; }
    public required string CreditCode { get; init; }
    public required RegistrationStatus Status { get; init; }
    /// <summary>未通过的理由 / Why the task force rejected it (when rejected).</summary>
    public string? RejectionReason { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    /// <summary>审核时间 / When it was approved or rejected.</summary>
    public DateTimeOffset? ReviewedAt { get; init; }
}
