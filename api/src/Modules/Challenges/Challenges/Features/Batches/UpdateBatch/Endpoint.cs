using FastEndpoints;
using Jiebang.Challenges.Data;
using Jiebang.Challenges.Domain;
using Jiebang.Challenges.Views;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;

namespace Jiebang.Challenges.Features.Batches.UpdateBatch;

internal sealed class Endpoint(WritePath writes) : Endpoint<Request, Batch>
{
    public override void Configure()
    {
        Put("/api/v1/batches/{id:guid}");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Batches_Update", "Challenges", "修改未发布的榜单批次 / Update a batch before it is published")
            .Body<Request>().IfMatch(required: true).Ok<Batch>().ETag().Problems(400, 401, 403, 404, 409, 412, 428)
            .Codes(409, "batch.already_published"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Versioned(IfMatch.Required), async w =>
        {
            var row = Write.Found(await BatchStore.GetAsync(w.Connection, id, w.Transaction), "batch");
            w.Matches(row.Version);
            Write.Require(row.Status == BatchStatus.Draft,
                Problems.Conflict("batch.already_published", "已发布的批次不能修改", "A published batch cannot be changed"));
            var window = new ApplicationWindow(req.OpensOn, req.ClosesOn);
            Write.Changed(await w.ExecuteAsync(Data.Update, new
            {
                Id = id, row.Version, Draft = nameof(BatchStatus.Draft), Name = req.Name.Trim(), req.NameEn,
                OpensOn = ChallengeStore.FormatDay(req.OpensOn), ClosesOn = ChallengeStore.FormatDay(req.ClosesOn),
                window.OpensAt, window.ClosesAt, req.Note, w.Now,
            }));
            await w.AuditAsync(ChallengeStore.Module, BatchStore.Entity, id, "Update", new
            {
                before = new { row.Name, row.OpensOn, row.ClosesOn },
                after = new { req.Name, opensOn = req.OpensOn, closesOn = req.ClosesOn },
            });
            var updated = (await BatchStore.GetAsync(w.Connection, id, w.Transaction))!;
            return Write.Ok(updated.ToBatch(w.Now), updated.Version);
        }, ct));
    }
}
