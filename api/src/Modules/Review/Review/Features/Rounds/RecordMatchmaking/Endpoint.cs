using FastEndpoints;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Jiebang.Review.Contracts;
using Jiebang.Review.Data;
using Jiebang.Review.Domain;

namespace Jiebang.Review.Features.Rounds.RecordMatchmaking;

internal sealed class Endpoint(WritePath writes) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Put("/api/v1/review/rounds/{id:guid}/items/{itemId:guid}/matchmaking");
        Roles(Platform.Auth.Roles.Issuer, Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_RecordMatchmaking", "Review",
                "记录发榜企业与揭榜单位的对接结果（揭榜论证，决定之前） / Record the issuer's matchmaking outcome for an application, before the decision")
            .Body<Request>().Ok<Response>().Problems(400, 401, 403, 404, 409).Codes(409, "review.round_invalid_state"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var roundId = Route<Guid>("id");
        var itemId = Route<Guid>("itemId");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, async w =>
        {
            var caller = w.Caller;
            await RoundStore.LockAsync(w.Connection, w.Transaction, w.Dialect, roundId);
            var found = await RoundStore.ItemAsync(w.Connection, roundId, itemId, w.Transaction);
            Write.Require(found is var (r, i) && r.Kind == ReviewRoundKind.ApplicationReview
                && (caller.IsTaskForce || (caller.IsIssuer && caller.BelongsTo(i.IssuerOrganisationId))), Problems.NotFound("item"));
            var (round, item) = found!;
            Write.Require(round.Status == ReviewRoundStatus.Closed, RoundLifecycle.InvalidState(round.Status, "记录对接结果"));
            await w.ExecuteAsync(Data.Remove, new { ItemId = itemId });
            await w.ExecuteAsync(Data.Insert, new { ItemId = itemId, RoundId = roundId, req.Matched, Note = req.Note.Trim(), w.Now, By = caller.Name });
            await w.AuditAsync(RoundStore.Module, "Matchmaking", itemId, "RecordMatchmaking", new { roundId, req.Matched, req.Note });
            // Applications moves the application to Matched (or back to its review result); its handler is idempotent.
            await w.PublishAsync(new MatchmakingRecorded(roundId, item.SubjectId, req.Matched, item.Passed ?? false));
            return Write.Ok(new Response { ItemId = itemId, Matched = req.Matched, Note = req.Note.Trim() });
        }, ct));
    }
}
