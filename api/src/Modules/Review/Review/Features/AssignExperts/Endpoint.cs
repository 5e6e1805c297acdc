using Dapper;
using FastEndpoints;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Review.Contracts;
using Jiebang.Review.Domain;
using Jiebang.Review.Features.Shared;

namespace Jiebang.Review.Features.AssignExperts;

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock) : EndpointWithoutRequest<AssignmentOutcome>
{
    private const string Touch = "UPDATE review_round SET status = @To, updated_at = @Now, version = version + 1 WHERE id = @Id AND version = @Version";

    public override void Configure()
    {
        Post("/api/v1/review/rounds/{id:guid}/assign");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_Assign", "Review",
                "自动分配专家（领域匹配、负载均衡、回避利益冲突；人数不足的对象单独列出） / Assign experts automatically; items without enough unconflicted experts are listed, not under-served")
            .IfMatch(required: false).Ok<AssignmentOutcome>().Problems(401, 403, 404, 409, 412).Codes(409, "review.no_items", "review.round_invalid_state", "review.concurrent_change"), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var expected = Versioning.Parse(HttpContext.Request.Headers.IfMatch);
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            var round = await RoundStore.LoadAsync(connection, id, tx);
            if (round is null)
            {
                await Send.ResultAsync(Problems.NotFound("round"));
                return;
            }
            if (expected is { } v && v != round.Version)
            {
                await Send.ResultAsync(Problems.VersionMismatch());
                return;
            }
            if (round.Status is not (ReviewRoundStatus.Draft or ReviewRoundStatus.Assigning))
            {
                await Send.ResultAsync(RoundStore.InvalidState(round.Status, "分配专家"));
                return;
            }
            var (items, experts) = await AssignmentStore.PlannerInputAsync(connection, tx, round);
            if (items.Count == 0)
            {
                await Send.ResultAsync(Problems.Conflict("review.no_items", "本轮没有论证对象", "The round has no items to assign"));
                return;
            }
            // Taking the round's row first serialises concurrent assigners: the second finds the version moved and stops.
            var now = clock.GetUtcNow();
            if (await connection.ExecuteAsync(Touch, new { Id = id, round.Version, To = nameof(ReviewRoundStatus.Assigning), Now = now }, tx) != 1)
            {
                await Send.ResultAsync(RoundStore.ChangedConcurrently());
                return;
            }
            (items, experts) = await AssignmentStore.PlannerInputAsync(connection, tx, round);
            var plan = AssignmentPlanner.Plan(items, experts, round.MaxLoad);
            var ids = await AssignmentStore.StoreAsync(connection, tx, id, plan.Assignments, now);
            await audit.WriteAsync(connection, tx, User.Caller(), RoundStore.Module, RoundStore.Entity, id, "Assign", new
            {
                assigned = plan.Assignments.Select(a => new { a.ItemId, a.ExpertId }),
                @short = plan.Short.Select(s => new { s.ItemId, s.Needed, s.Available }),
            });
            await tx.CommitAsync(ct);
            HttpContext.Response.Headers.ETag = Versioning.ETag(round.Version + 1);
            await Send.OkAsync(new AssignmentOutcome
            {
                Assigned = plan.Assignments.Select((a, i) => new AssignmentMade { AssignmentId = ids[i], ItemId = a.ItemId, ExpertId = a.ExpertId }).ToList(),
                Short = plan.Short.Select(s => ShortItemView.Of(s)).ToList(),
                Version = round.Version + 1,
            }, ct);
        }
    }
}
