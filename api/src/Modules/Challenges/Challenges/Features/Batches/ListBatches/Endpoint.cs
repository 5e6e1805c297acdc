using Dapper;
using FastEndpoints;
using Jiebang.Challenges.Data;
using Jiebang.Challenges.Domain;
using Jiebang.Challenges.Views;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Http;

namespace Jiebang.Challenges.Features.Batches.ListBatches;

internal sealed class Endpoint(DbConnectionFactory db, TimeProvider clock) : Endpoint<Request, IReadOnlyList<Batch>>
{
    public override void Configure()
    {
        Get("/api/v1/batches");
        AllowAnonymous();
        Description(b => b.Api("Batches_List", "Challenges", "榜单批次列表 / List batches",
                "Anonymous callers and district portals see published batches; the task force, auditors and issuers also see drafts.")
            .Ok<IReadOnlyList<Batch>>().Problems(400), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = User.Caller();
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<BatchRow>(Data.List(req.Programme is not null, !(caller.ReadsEverything || caller.IsIssuer)),
            new { req.Programme, Published = nameof(BatchStatus.Published) });
        var now = clock.GetUtcNow();
        await Send.OkAsync(rows.Select(r => r.ToBatch(now)).ToList(), ct);
    }
}
