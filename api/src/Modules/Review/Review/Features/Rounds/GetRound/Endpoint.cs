using FastEndpoints;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Review.Data;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Rounds.GetRound;

internal sealed class Endpoint(DbConnectionFactory db) : EndpointWithoutRequest<ReviewRound>
{
    public override void Configure()
    {
        Get("/api/v1/review/rounds/{id:guid}");
        Roles(Platform.Auth.Roles.TaskForce, Platform.Auth.Roles.Auditor);
        Description(b => b.Api("Rounds_Get", "Review", "论证轮次详情 / Get a review round with its rubric and items")
            .Ok<ReviewRound>().ETag().Problems(401, 403, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await RoundStore.LoadAsync(connection, Route<Guid>("id"));
        if (row is null)
        {
            await Send.ResultAsync(Problems.NotFound("round"));
        }
        else
        {
            HttpContext.Response.Headers.ETag = Versioning.ETag(row.Version);
            await Send.OkAsync(await RoundStore.ViewAsync(connection, row), ct);
        }
    }
}
