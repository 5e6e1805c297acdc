using Dapper;
using FastEndpoints;
using FluentValidation;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Messaging;
using Jiebang.Review.Contracts;
using Jiebang.Review.Features.Shared;
using Mediator;

namespace Jiebang.Review.Features.RecordMatchmaking;

internal sealed class Request
{
    /// <summary>Whether the issuer and the applicant reached agreement in matchmaking (对接).</summary>
    public bool Matched { get; set; }
    public string Note { get; set; } = "";
}

internal sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(x => x.Note).NotEmpty().MaximumLength(2000);
}

internal sealed class Response
{
    public required Guid ItemId { get; init; }
    public required bool Matched { get; init; }
    public required string Note { get; init; }
}

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock, Outbox outbox) : Endpoint<Request, Response>
{
    private const string Remove = "DELETE FROM review_matchmaking WHERE item_id = @ItemId";

    private const string Insert = """
        INSERT INTO review_matchmaking (item_id, round_id, matched, note, recorded_at, recorded_by)
        VALUES (@ItemId, @RoundId, @Matched, @Note, @Now, @By)
        """;

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
        var caller = User.Caller();
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            await RoundStore.LockAsync(connection, tx, db.Dialect, roundId);
            if (await RoundStore.ItemAsync(connection, roundId, itemId, tx) is not var (round, item) || round.Kind != ReviewRoundKind.ApplicationReview
                || !(caller.IsTaskForce || (caller.IsIssuer && caller.BelongsTo(item.IssuerOrganisationId))))
            {
                await Send.ResultAsync(Problems.NotFound("item"));
                return;
            }
            if (round.Status != ReviewRoundStatus.Closed)
            {
                await Send.ResultAsync(RoundStore.InvalidState(round.Status, "记录对接结果"));
                return;
            }
            await connection.ExecuteAsync(Remove, new { ItemId = itemId }, tx);
            await connection.ExecuteAsync(Insert, new
            {
                ItemId = itemId, RoundId = roundId, req.Matched, Note = req.Note.Trim(), Now = clock.GetUtcNow(), By = caller.Name,
            }, tx);
            await audit.WriteAsync(connection, tx, caller, RoundStore.Module, "Matchmaking", itemId, "RecordMatchmaking",
                new { roundId, req.Matched, req.Note });
            // Applications moves the application to Matched (or back to its review result); its handler is idempotent.
            var sent = await outbox.EnqueueAsync(connection, tx, new MatchmakingRecorded(roundId, item.SubjectId, req.Matched, item.Passed ?? false));
            await tx.CommitAsync(ct);
            await outbox.DispatchAsync(sent, ct);
            await Send.OkAsync(new Response { ItemId = itemId, Matched = req.Matched, Note = req.Note.Trim() }, ct);
        }
    }
}
