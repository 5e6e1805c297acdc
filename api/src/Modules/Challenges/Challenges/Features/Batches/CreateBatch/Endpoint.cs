using FastEndpoints;
using Jiebang.Challenges.Data;
using Jiebang.Challenges.Domain;
using Jiebang.Challenges.Views;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;

namespace Jiebang.Challenges.Features.Batches.CreateBatch;

internal sealed class Endpoint(WritePath writes) : Endpoint<Request, Batch>
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
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, async w =>
        {
            Write.Require(await w.ExecuteScalarAsync<int>(ProgrammeStore.Exists, new { ProgrammeId = programmeId }) > 0,
                Problems.NotFound("programme"));
            var code = req.Code.Trim();
            Write.Require(await w.ExecuteScalarAsync<int>(BatchStore.CodeTaken, new { Code = code }) == 0,
                Problems.Conflict("batch.code_taken", $"编码 {code} 已被使用", $"The code {code} is already used"));
            var id = await BatchStore.InsertAsync(w.Connection, w.Transaction, programmeId, code, req.Name.Trim(), req.NameEn,
                req.OpensOn, req.ClosesOn, BatchStatus.Draft, isDemo: false, req.Note, w.Now);
            await w.AuditAsync(ChallengeStore.Module, BatchStore.Entity, id, "Create", new { code, opensOn = req.OpensOn, closesOn = req.ClosesOn });
            var created = (await BatchStore.GetAsync(w.Connection, id, w.Transaction))!;
            return Write.Created(created.ToBatch(w.Now), $"/api/v1/batches/{id}", created.Version);
        }, ct));
    }
}
