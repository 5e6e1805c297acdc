using FastEndpoints;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Jiebang.Review.Contracts;
using Jiebang.Review.Data;
using Jiebang.Review.Domain;

namespace Jiebang.Review.Features.Objections.ResolveObjection;

internal sealed class Endpoint(WritePath writes) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/v1/review/rounds/{id:guid}/objections/{objectionId:guid}/resolve");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_ResolveObjection", "Review", "处理异议并记录 / Resolve an objection on record")
            .Body<Request>().Ok<Response>().Problems(400, 401, 403, 404, 409)
            .Codes(409, "review.objection_resolved", "review.round_invalid_state"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var roundId = Route<Guid>("id");
        var id = Route<Guid>("objectionId");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, async w =>
        {
            await RoundStore.LockAsync(w.Connection, w.Transaction, w.Dialect, roundId);
            var itemId = await w.ExecuteScalarAsync<Guid?>(Data.ItemOf, new { Id = id, RoundId = roundId });
            var found = itemId is null ? null : await RoundStore.ItemAsync(w.Connection, roundId, itemId.Value, w.Transaction);
            var (round, item) = Write.Found(found, "objection");
            Write.Require(round.Status == ReviewRoundStatus.Publicised, RoundLifecycle.InvalidState(round.Status, "处理异议"));
            Write.Require(await w.ExecuteAsync(Data.MarkResolved, new
            {
                Id = id, RoundId = roundId, Status = req.Outcome.ToString(), Resolution = req.Resolution.Trim(), w.Now,
            }) > 0, Problems.Conflict("review.objection_resolved", "该异议已处理", "The objection is already resolved"));
            var status = req.Outcome == ObjectionOutcome.Upheld ? ObjectionStatus.Upheld : ObjectionStatus.Dismissed;
            await w.AuditAsync(RoundStore.Module, "Objection", id, "Resolve",
                new { roundId, itemId = item.Id, item.SubjectCode, outcome = req.Outcome.ToString(), resolution = req.Resolution });
            await w.PublishAsync(new ObjectionResolved(roundId, id, item.Id, item.SubjectId, status));
            return Write.Ok(new Response { Id = id, Status = status, Resolution = req.Resolution.Trim() });
        }, ct));
    }
}
