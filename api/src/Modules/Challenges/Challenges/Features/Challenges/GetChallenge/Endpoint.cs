using FastEndpoints;
using Jiebang.Challenges.Data;
using Jiebang.Challenges.Views;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;

namespace Jiebang.Challenges.Features.Challenges.GetChallenge;

internal sealed class Endpoint(DbConnectionFactory db, TimeProvider clock) : EndpointWithoutRequest<ChallengeDetail>
{
    public override void Configure()
    {
        Get("/api/v1/challenges/{id:guid}");
        AllowAnonymous();
        Description(b => b.Api("Challenges_Get", "Challenges", "技术需求详情 / Get a challenge",
                "Unpublished challenges answer 404 to everyone but their issuer, the task force and auditors.")
            .Ok<ChallengeDetail>().ETag().Problems(404), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var id = Route<Guid>("id");
        var row = await ChallengeStore.LoadAsync(connection, id);
        if (row is null || !row.IsVisibleTo(User.Caller()))
        {
            await Send.ResultAsync(Problems.NotFound("challenge"));
        }
        else
        {
            var detail = ChallengeStore.ToDetail(row, await ChallengeStore.IndicatorsAsync(connection, id), clock.GetUtcNow());
            HttpContext.Response.Headers.ETag = Versioning.ETag(detail.Version);
            await Send.OkAsync(detail, ct);
        }
    }
}
