using Jiebang.Platform.Registrations.Domain;

namespace Jiebang.Platform.Registrations.Features.GetRegistrationStatus;

/// <summary>注册进度 / Where a unit's registration stands, as the unit may read it with its status token.</summary>
internal sealed class Response
{
    public required Guid Reference { get; init; }
    public required string Name { get; init; }
    public required string CreditCode { get; init; }
    public required RegistrationStatus Status { get; init; }
    /// <summary>未通过的理由 / Why the task force rejected it (when rejected).</summary>
    public string? RejectionReason { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? ReviewedAt { get; init; }
}
