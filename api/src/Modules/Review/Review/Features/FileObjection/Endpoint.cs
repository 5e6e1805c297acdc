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

namespace Jiebang.Review.Features.FileObjection;

internal sealed class Request
{
    public Guid ItemId { get; set; }
    public string Reason { get; set; } = "";
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.ItemId).NotEqual(Guid.Empty);
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(4000);
    }
}

internal sealed class Response
{
    public required Guid Id { get; init; }
    public required Guid ItemId { get; init; }
    public required ObjectionStatus Status { get; init; }
}

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock, ReviewOptions options) : Endpoint<Request, Response>
{
    private const string Insert = """
        INSERT INTO review_objection (id, round_id, item_id, organisation_id, reason, status, resolution, filed_at, resolved_at)
        VALUES (@Id, @RoundId, @ItemId, @OrganisationId, @Reason, 'Open', NULL, @Now, NULL)
        """;

    private const string CountOpen = """
        SELECT COUNT(*) FROM review_objection
        WHERE round_id = @RoundId AND item_id = @ItemId AND organisation_id = @OrganisationId AND status = 'Open'
        """;

    public override void Configure()
    {
        Post("/api/v1/review/rounds/{id:guid}/objections");
        Roles(Platform.Auth.Roles.Issuer, Platform.Auth.Roles.Applicant);
        Description(b => b.Api("Rounds_FileObjection", "Review", "公示期内当事方提出异议 / A party files an objection during the publication period")
            .Body<Request>().Ok<Response>(201).Problems(400, 401, 403, 404, 409).Codes(409, "review.objection_period_closed", "review.round_invalid_state", "review.objection_limit_reached"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var roundId = Route<Guid>("id");
        var caller = User.Caller();
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            await RoundStore.LockAsync(connection, tx, db.Dialect, roundId);
            // Only the parties of an item (issuer, lead, consortium members) see it at all.
            if (await RoundStore.ItemAsync(connection, roundId, req.ItemId, tx) is not var (round, item) || !item.IsParty(caller.OrganisationId)
                || round.Status is not (ReviewRoundStatus.Publicised or ReviewRoundStatus.Final))
            {
                await Send.ResultAsync(Problems.NotFound("item"));
                return;
            }
            var now = clock.GetUtcNow();
            if (round.Status != ReviewRoundStatus.Publicised || now >= round.ObjectionsCloseAt)
            {
                await Send.ResultAsync(Problems.Conflict("review.objection_period_closed", "异议期已结束", "The objection period has ended"));
                return;
            }
            // Each open objection holds finalisation back until it is resolved: one party may not stack them without end.
            // The round's lock above makes the count and the insert one step for concurrent filings.
            var open = await connection.ExecuteScalarAsync<int>(CountOpen, new { RoundId = roundId, req.ItemId, caller.OrganisationId }, tx);
            if (open >= options.MaxOpenObjectionsPerItem)
            {
                await Send.ResultAsync(Problems.Conflict("review.objection_limit_reached",
                    $"本单位对该评审对象已有{open}条未处理的异议，达到上限；请待工作专班处理后再提出",
                    $"Your organisation already has {open} unresolved objections on this item, the most allowed; file another once one is resolved"));
                return;
            }
            var id = Guid.CreateVersion7();
            await connection.ExecuteAsync(Insert, new { Id = id, RoundId = roundId, req.ItemId, OrganisationId = caller.OrganisationId, Reason = req.Reason.Trim(), Now = now }, tx);
            await audit.WriteAsync(connection, tx, caller, RoundStore.Module, "Objection", id, "File", new { roundId, req.ItemId, reason = req.Reason });
            await tx.CommitAsync(ct);
            await Send.ResponseAsync(new Response { Id = id, ItemId = req.ItemId, Status = ObjectionStatus.Open }, 201, ct);
        }
    }
}
