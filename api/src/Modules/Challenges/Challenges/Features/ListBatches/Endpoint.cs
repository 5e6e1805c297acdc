using Dapper;
using FastEndpoints;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Http;

namespace Jiebang.Challenges.Features.ListBatches;

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
        var where = new Conditions()
            .AndIf(req.Programme is not null, "b.programme_id = @Programme")
            .AndIf(!(caller.ReadsEverything || caller.IsIssuer), "b.status = @Published")
            .Sql;
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<BatchRow>($"{BatchQueries.Select} {where} ORDER BY b.opens_at DESC, b.code",
            new { req.Programme, Published = nameof(BatchStatus.Published) });
        var now = clock.GetUtcNow();
        await Send.OkAsync(rows.Select(r => r.ToBatch(now)).ToList(), ct);
    }
}
