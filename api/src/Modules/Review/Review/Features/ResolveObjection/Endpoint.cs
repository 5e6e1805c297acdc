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

namespace Jiebang.Review.Features.ResolveObjection;

/// <summary>异议处理结论（仅此两种；Open 不是结论）/ How an objection is resolved (only these two; Open is not an outcome).</summary>
internal enum ObjectionOutcome
{
    /// <summary>异议成立 / The objection is upheld.</summary>
    Upheld,
    /// <summary>异议不成立，予以驳回 / The objection is dismissed.</summary>
    Dismissed,
}

/// <summary>处理异议 / Resolves an objection.</summary>
internal sealed class Request
{
    /// <summary>处理结论 / Upheld or Dismissed.</summary>
    public ObjectionOutcome Outcome { get; set; }
    /// <summary>处理意见（必填，至多 4000 字）/ The written resolution (required, at most 4000 characters).</summary>
    public string Resolution { get; set; } = "";
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Outcome).IsInEnum()
            .WithMessage("只能是 Upheld 或 Dismissed / Must be Upheld or Dismissed");
        RuleFor(x => x.Resolution).NotEmpty().MaximumLength(4000);
    }
}

internal sealed class Response
{
    public required Guid Id { get; init; }
    public required ObjectionStatus Status { get; init; }
    public required string Resolution { get; init; }
}

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock) : Endpoint<Request, Response>
{
    private const string MarkResolved = """
        UPDATE review_objection SET status = @Status, resolution = @Resolution, resolved_at = @Now
        WHERE id = @Id AND round_id = @RoundId AND status = 'Open'
        """;

    private const string ItemOf = "SELECT item_id FROM review_objection WHERE id = @Id AND round_id = @RoundId";

    public override void Configure()
    {
        Post("/api/v1/review/rounds/{id:guid}/objections/{objectionId:guid}/resolve");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_ResolveObjection", "Review", "处理异议并记录 / Resolve an objection on record")
            .Body<Request>().Ok<Response>().Problems(400, 401, 403, 404, 409).Codes(409, "review.objection_resolved", "review.round_invalid_state"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var roundId = Route<Guid>("id");
        var id = Route<Guid>("objectionId");
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            await RoundStore.LockAsync(connection, tx, db.Dialect, roundId);
            var itemId = await connection.ExecuteScalarAsync<Guid?>(ItemOf, new { Id = id, RoundId = roundId }, tx);
            if (itemId is null || await RoundStore.ItemAsync(connection, roundId, itemId.Value, tx) is not var (round, item))
            {
                await Send.ResultAsync(Problems.NotFound("objection"));
                return;
            }
            if (round.Status != ReviewRoundStatus.Publicised)
            {
                await Send.ResultAsync(RoundStore.InvalidState(round.Status, "处理异议"));
                return;
            }
            if (await connection.ExecuteAsync(MarkResolved, new
                {
                    Id = id, RoundId = roundId, Status = req.Outcome.ToString(), Resolution = req.Resolution.Trim(), Now = clock.GetUtcNow(),
                }, tx) == 0)
            {
                await Send.ResultAsync(Problems.Conflict("review.objection_resolved", "该异议已处理", "The objection is already resolved"));
                return;
            }
            await audit.WriteAsync(connection, tx, User.Caller(), RoundStore.Module, "Objection", id, "Resolve",
                new { roundId, itemId = item.Id, item.SubjectCode, outcome = req.Outcome.ToString(), resolution = req.Resolution });
            await tx.CommitAsync(ct);
            await Send.OkAsync(new Response { Id = id, Status = req.Outcome == ObjectionOutcome.Upheld ? ObjectionStatus.Upheld : ObjectionStatus.Dismissed, Resolution = req.Resolution.Trim() }, ct);
        }
    }
}
