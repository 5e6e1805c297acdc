using Dapper;
using FastEndpoints;
using Jiebang.Challenges.Domain;
using Jiebang.Challenges.Features.ListBatches;
using Jiebang.Challenges.Features.Shared;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;

namespace Jiebang.Challenges.Features.UpdateBatch;

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock) : Endpoint<Request, Batch>
{
    public override void Configure()
    {
        Put("/api/v1/batches/{id:guid}");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Batches_Update", "Challenges", "修改未发布的榜单批次 / Update a batch before it is published")
            .Body<Request>().IfMatch(required: true).Ok<Batch>().ETag().Problems(400, 401, 403, 404, 409, 412, 428).Codes(409, "batch.already_published"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        if (Versioning.Parse(HttpContext.Request.Headers.IfMatch) is not { } version)
        {
            await Send.ResultAsync(Problems.IfMatchRequired());
            return;
        }
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            var row = await BatchQueries.GetAsync(connection, id, tx);
            if (row is null)
            {
                await Send.ResultAsync(Problems.NotFound("batch"));
                return;
            }
            if (row.Version != version)
            {
                await Send.ResultAsync(Problems.VersionMismatch());
                return;
            }
            if (row.Status != BatchStatus.Draft)
            {
                await Send.ResultAsync(Problems.Conflict("batch.already_published", "已发布的批次不能修改", "A published batch cannot be changed"));
                return;
            }
            var window = new ApplicationWindow(req.OpensOn, req.ClosesOn);
            var changed = await connection.ExecuteAsync(Data.Update, new
            {
                Id = id, Version = version, Draft = nameof(BatchStatus.Draft), Name = req.Name.Trim(), req.NameEn,
                OpensOn = ChallengeStore.FormatDay(req.OpensOn), ClosesOn = ChallengeStore.FormatDay(req.ClosesOn),
                window.OpensAt, window.ClosesAt, req.Note, Now = clock.GetUtcNow(),
            }, tx);
            if (changed == 0)
            {
                await Send.ResultAsync(Problems.VersionMismatch());
                return;
            }
            await audit.WriteAsync(connection, tx, User.Caller(), ChallengeStore.Module, "Batch", id, "Update", new
            {
                before = new { row.Name, row.OpensOn, row.ClosesOn },
                after = new { req.Name, opensOn = req.OpensOn, closesOn = req.ClosesOn },
            });
            var updated = await BatchQueries.GetAsync(connection, id, tx);
            await tx.CommitAsync(ct);
            HttpContext.Response.Headers.ETag = Versioning.ETag(updated!.Version);
            await Send.OkAsync(updated.ToBatch(clock.GetUtcNow()), ct);
        }
    }
}
