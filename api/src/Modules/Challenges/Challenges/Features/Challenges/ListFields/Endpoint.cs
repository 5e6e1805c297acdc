using FastEndpoints;
using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Http;

namespace Jiebang.Challenges.Features.Challenges.ListFields;

/// <summary>A technology field with its names.</summary>
internal sealed class FieldInfo
{
    public required ChallengeField Code { get; init; }
    public required string NameZh { get; init; }
    public required string NameEn { get; init; }
    /// <summary>One of the programme's five priority fields.</summary>
    public required bool IsPriority { get; init; }
}

internal sealed class Endpoint : EndpointWithoutRequest<IReadOnlyList<FieldInfo>>
{
    public override void Configure()
    {
        Get("/api/v1/challenge-fields");
        AllowAnonymous();
        Description(b => b.Api("Challenges_ListFields", "Challenges", "技术领域 / Technology fields").Ok<IReadOnlyList<FieldInfo>>(), clearDefaults: true);
    }

    public override Task HandleAsync(CancellationToken ct) =>
        Send.OkAsync(Enum.GetValues<ChallengeField>().Select(f => new FieldInfo
        {
            Code = f, NameZh = ChallengeFields.NameZh(f), NameEn = ChallengeFields.NameEn(f), IsPriority = ChallengeFields.IsPriority(f),
        }).ToList(), ct);
}
