using Dapper;
using FastEndpoints;
using FluentValidation;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Review.Contracts;
using Jiebang.Review.Features.Shared;

namespace Jiebang.Review.Features.RecordDecision;

internal sealed class Request
{
    public ReviewDecisionOutcome Outcome { get; set; }
    /// <summary>Why; required, and the record of any departure from the ranking.</summary>
    public string Reason { get; set; } = "";
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Outcome).IsInEnum();
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(2000);
    }
}

internal sealed class Response
{
    public required Guid ItemId { get; init; }
    public required ReviewDecisionOutcome Outcome { get; init; }
    public required string Reason { get; init; }
}

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock) : Endpoint<Request, Response>
{
    private const string Upheld = "SELECT COUNT(*) FROM review_objection WHERE item_id = @ItemId AND status = 'Upheld'";

    private const string Matchmaking = "SELECT COUNT(*) FROM review_matchmaking WHERE item_id = @ItemId";

    private const string Previous = "SELECT outcome FROM review_decision WHERE item_id = @ItemId";

    private const string DeleteDecision = "DELETE FROM review_decision WHERE item_id = @ItemId";

    private const string Insert = """
        INSERT INTO review_decision (item_id, round_id, outcome, reason, decided_at, decided_by)
        VALUES (@ItemId, @RoundId, @Outcome, @Reason, @Now, @By)
        """;

    public override void Configure()
    {
        Put("/api/v1/review/rounds/{id:guid}/items/{itemId:guid}/decision");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_RecordDecision", "Review",
                "记录论证决定（须写明理由；公示期内仅限异议成立的对象） / Record the decision on an item with a reason (during publication only after an upheld objection)")
            .Body<Request>().Ok<Response>().Problems(400, 401, 403, 404, 409).Codes(409, "review.matchmaking_missing", "review.round_invalid_state"), clearDefaults: true);
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
            if (await RoundStore.ItemAsync(connection, roundId, itemId, tx) is not var (round, _))
            {
                await Send.ResultAsync(Problems.NotFound("item"));
                return;
            }
            // After scoring closes; during publication only for an item whose objection was upheld.
            var mayDecide = round.Status == ReviewRoundStatus.Closed
                || (round.Status == ReviewRoundStatus.Publicised
                    && await connection.ExecuteScalarAsync<int>(Upheld, new { ItemId = itemId }, tx) > 0);
            if (!mayDecide)
            {
                await Send.ResultAsync(RoundStore.InvalidState(round.Status, "记录决定"));
                return;
            }
            if (round.Kind == ReviewRoundKind.ApplicationReview
                && await connection.ExecuteScalarAsync<int>(Matchmaking, new { ItemId = itemId }, tx) == 0)
            {
                await Send.ResultAsync(Problems.Conflict("review.matchmaking_missing",
                    "揭榜论证须先记录发榜企业的对接结果", "The issuer's matchmaking outcome must be recorded before the decision"));
                return;
            }
            var previous = await connection.ExecuteScalarAsync<string?>(Previous, new { ItemId = itemId }, tx);
            await connection.ExecuteAsync(DeleteDecision, new { ItemId = itemId }, tx);
            await connection.ExecuteAsync(Insert, new
            {
                ItemId = itemId, RoundId = roundId, Outcome = req.Outcome.ToString(), Reason = req.Reason.Trim(), Now = clock.GetUtcNow(), By = caller.Name,
            }, tx);
            await audit.WriteAsync(connection, tx, caller, RoundStore.Module, "Decision", itemId, "Decide",
                new { roundId, outcome = req.Outcome.ToString(), previous, reason = req.Reason, roundStatus = round.Status.ToString() });
            await tx.CommitAsync(ct);
            await Send.OkAsync(new Response { ItemId = itemId, Outcome = req.Outcome, Reason = req.Reason.Trim() }, ct);
        }
    }
}
