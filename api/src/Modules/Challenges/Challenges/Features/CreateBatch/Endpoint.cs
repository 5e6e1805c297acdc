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

namespace Jiebang.Challenges.Features.CreateBatch;

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock) : Endpoint<Request, Batch>
{
    public override void Configure()
    {
        Post("/api/v1/programmes/{programmeId:guid}/batches");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Batches_Create", "Challenges", "创建榜单批次 / Create a batch in a programme")
            .Body<Request>().Ok<Batch>(201).ETag().Location().Problems(400, 401, 403, 404, 409).Codes(409, "batch.code_taken"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var programmeId = Route<Guid>("programmeId");
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            if (await connection.ExecuteScalarAsync<int>(Data.ProgrammeExists, new { ProgrammeId = programmeId }, tx) == 0)
            {
                await Send.ResultAsync(Problems.NotFound("programme"));
                return;
            }
            var code = req.Code.Trim();
            if (await connection.ExecuteScalarAsync<int>(Data.CodeTaken, new { Code = code }, tx) > 0)
            {
                await Send.ResultAsync(Problems.Conflict("batch.code_taken", $"编码 {code} 已被使用", $"The code {code} is already used"));
                return;
            }
            var id = Guid.CreateVersion7();
            var window = new ApplicationWindow(req.OpensOn, req.ClosesOn);
            await connection.ExecuteAsync(Data.Insert, new
            {
                Id = id, ProgrammeId = programmeId, Code = code, Name = req.Name.Trim(), req.NameEn,
                OpensOn = ChallengeStore.FormatDay(req.OpensOn), ClosesOn = ChallengeStore.FormatDay(req.ClosesOn),
                window.OpensAt, window.ClosesAt, Status = nameof(BatchStatus.Draft), PublishedAt = (DateTimeOffset?)null,
                IsDemo = false, req.Note, Now = clock.GetUtcNow(),
            }, tx);
            await audit.WriteAsync(connection, tx, User.Caller(), ChallengeStore.Module, "Batch", id, "Create",
                new { code, opensOn = req.OpensOn, closesOn = req.ClosesOn });
            var created = await BatchQueries.GetAsync(connection, id, tx);
            await tx.CommitAsync(ct);
            HttpContext.Response.Headers.Location = $"/api/v1/batches/{id}";
            HttpContext.Response.Headers.ETag = Versioning.ETag(created!.Version);
            await Send.ResponseAsync(created.ToBatch(clock.GetUtcNow()), 201, ct);
        }
    }
}
