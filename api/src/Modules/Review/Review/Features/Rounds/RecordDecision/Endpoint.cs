using FastEndpoints;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Jiebang.Review.Contracts;
using Jiebang.Review.Data;
using Jiebang.Review.Domain;

namespace Jiebang.Review.Features.Rounds.RecordDecision;

internal sealed class Endpoint(WritePath writes) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Put("/api/v1/review/rounds/{id:guid}/items/{itemId:guid}/decision");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_RecordDecision", "Review",
                "记录论证决定（须写明理由；公示期内仅限异议成立的对象） / Record the decision on an item with a reason (during publication only after an upheld objection)")
            .Body<Request>().Ok<Response>().Problems(400, 401, 403, 404, 409)
            .Codes(409, "review.matchmaking_missing", "review.round_invalid_state"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var roundId = Route<Guid>("id");
        var itemId = Route<Guid>("itemId");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, async w =>
        {
            await RoundStore.LockAsync(w.Connection, w.Transaction, w.Dialect, roundId);
            var (round, _) = Write.Found(await RoundStore.ItemAsync(w.Connection, roundId, itemId, w.Transaction), "item");
            // After scoring closes; during publication only for an item whose objection was upheld.
            var mayDecide = round.Status == ReviewRoundStatus.Closed
                || (round.Status == ReviewRoundStatus.Publicised && await w.ExecuteScalarAsync<int>(Data.Upheld, new { ItemId = itemId }) > 0);
            Write.Require(mayDecide, RoundLifecycle.InvalidState(round.Status, "记录决定"));
            Write.Require(round.Kind != ReviewRoundKind.ApplicationReview || await w.ExecuteScalarAsync<int>(Data.Matchmaking, new { ItemId = itemId }) > 0,
                Problems.Conflict("review.matchmaking_missing",
                    "揭榜论证须先记录发榜企业的对接结果", "The issuer's matchmaking outcome must be recorded before the decision"));
            var previous = await w.ExecuteScalarAsync<string?>(Data.Previous, new { ItemId = itemId });
            await w.ExecuteAsync(Data.DeleteDecision, new { ItemId = itemId });
            await w.ExecuteAsync(Data.Insert, new
            {
                ItemId = itemId, RoundId = roundId, Outcome = req.Outcome.ToString(), Reason = req.Reason.Trim(), w.Now, By = w.Caller.Name,
            });
            await w.AuditAsync(RoundStore.Module, "Decision", itemId, "Decide",
                new { roundId, outcome = req.Outcome.ToString(), previous, reason = req.Reason, roundStatus = round.Status.ToString() });
            return Write.Ok(new Response { ItemId = itemId, Outcome = req.Outcome, Reason = req.Reason.Trim() });
        }, ct));
    }
}
