using FastEndpoints;
using Jiebang.Challenges.Data;
using Jiebang.Challenges.Views;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;

namespace Jiebang.Challenges.Features.Batches.GetBatch;

internal sealed class Endpoint(DbConnectionFactory db, TimeProvider clock) : EndpointWithoutRequest<Batch>
{
    public override void Configure()
    {
        Get("/api/v1/batches/{id:guid}");
        AllowAnonymous();
        Description(b => b.Api("Batches_Get", "Challenges", "榜单批次详情 / Get a batch")
            .Ok<Batch>().ETag().Problems(404), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await BatchStore.GetAsync(connection, Route<Guid>("id"));
        if (row is null || !row.IsVisibleTo(User.Caller()))
        {
            await Send.ResultAsync(Problems.NotFound("batch"));
        }
        else
        {
            HttpContext.Response.Headers.ETag = Versioning.ETag(row.Version);
            await Send.OkAsync(row.ToBatch(clock.GetUtcNow()), ct);
        }
    }
}
