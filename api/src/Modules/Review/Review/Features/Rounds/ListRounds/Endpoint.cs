using Dapper;
using FastEndpoints;
using Jiebang.Platform.Database;
using Jiebang.Platform.Http;
using Jiebang.Review.Contracts;

namespace Jiebang.Review.Features.Rounds.ListRounds;

/// <summary>A round in the list, newest first.</summary>
internal sealed class RoundSummary
{
    public Guid Id { get; set; }
    public ReviewRoundKind Kind { get; set; }
    public string Name { get; set; } = "";
    public ReviewRoundStatus Status { get; set; }
    public int Items { get; set; }
    /// <summary>Demo data (演示数据), seeded for trying the system.</summary>
    public bool IsDemo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class Endpoint(DbConnectionFactory db) : EndpointWithoutRequest<List<RoundSummary>>
{
    public override void Configure()
    {
        Get("/api/v1/review/rounds");
        Roles(Platform.Auth.Roles.TaskForce, Platform.Auth.Roles.Auditor);
        Description(b => b.Api("Rounds_List", "Review", "论证轮次列表 / List the review rounds, newest first")
            .Ok<List<RoundSummary>>().Problems(401, 403), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await Send.OkAsync((await connection.QueryAsync<RoundSummary>(Data.Select)).AsList(), ct);
    }
}
