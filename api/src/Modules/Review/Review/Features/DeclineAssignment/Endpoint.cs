using Dapper;
using FastEndpoints;
using FluentValidation;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Review.Contracts;
using Jiebang.Review.Domain;
using Jiebang.Review.Features.AssignExperts;
using Jiebang.Review.Features.Shared;

namespace Jiebang.Review.Features.DeclineAssignment;

internal sealed class Request
{
    /// <summary>Why the expert declines (e.g. unavailable) or recuses itself (a conflict found late).</summary>
    public string Reason { get; set; } = "";
    /// <summary>True when the expert recuses itself for a conflict of interest rather than declining.</summary>
    public bool Recuse { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(2000);
}

internal sealed class Response
{
    public required ReviewAssignment Declined { get; init; }
    /// <summary>The expert assigned in its place under the same rules, when there is one.</summary>
    public Guid? ReplacementExpertId { get; init; }
    public Guid? ReplacementAssignmentId { get; init; }
    /// <summary>Set when no unconflicted expert could replace it: the item is now short.</summary>
    public ShortItemView? Short { get; init; }
}

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/v1/review/assignments/{id:guid}/decline");
        Roles(Platform.Auth.Roles.Expert);
        Description(b => b.Api("Assignments_Decline", "Review",
                "谢绝或回避评审任务（按同样规则补派专家） / Decline or recuse with a reason; a replacement is assigned under the same rules")
            .Body<Request>().Ok<Response>().Problems(400, 401, 403, 404, 409).Codes(409, "review.assignment_ended", "review.score_locked", "review.concurrent_change"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var caller = User.Caller();
        var now = clock.GetUtcNow();
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            var row = await AssignmentQueries.LoadAsync(connection, id, tx);
            if (row is null || !(caller.IsExpert && caller.ExpertId == row.ExpertId))
            {
                await Send.ResultAsync(Problems.NotFound("assignment"));
                return;
            }
            if (AssignmentStore.EndRefusal(row, "谢绝") is { } ended)
            {
                await Send.ResultAsync(ended);
                return;
            }
            var round = (await RoundStore.LoadAsync(connection, row.RoundId, tx))!;
            if (round.Status is not (ReviewRoundStatus.Assigning or ReviewRoundStatus.Scoring))
            {
                await Send.ResultAsync(RoundStore.InvalidState(round.Status, "谢绝评审任务"));
                return;
            }
            // Replacements of concurrent declines in one round are chosen one after the other, so no expert passes the maximum load.
            if (await connection.ExecuteAsync(RoundStore.Lock, new { Id = round.Id, round.Version, Now = now }, tx) != 1)
            {
                await Send.ResultAsync(RoundStore.ChangedConcurrently());
                return;
            }
            var status = req.Recuse ? AssignmentStatus.Recused : AssignmentStatus.Declined;
            await AssignmentStore.EndAsync(connection, tx, row, status, req.Reason.Trim(), now);
            await audit.WriteAsync(connection, tx, caller, RoundStore.Module, AssignmentStore.Entity, id, req.Recuse ? "Recuse" : "Decline",
                new { row.ItemId, reason = req.Reason });

            var (items, experts) = await AssignmentStore.PlannerInputAsync(connection, tx, round, row.ItemId);
            var plan = AssignmentPlanner.Plan(items, experts, round.MaxLoad);
            var ids = await AssignmentStore.StoreAsync(connection, tx, round.Id, plan.Assignments, now);
            var replacement = plan.Assignments.FirstOrDefault();
            await audit.WriteAsync(connection, tx, Caller.SystemFor("Review"), RoundStore.Module, RoundStore.Entity, round.Id, "Replace", new
            {
                row.ItemId, left = row.ExpertId, replacement = replacement?.ExpertId,
                @short = plan.Short.Select(s => s.Reason).FirstOrDefault(),
            });
            var declined = await AssignmentQueries.ViewAsync(connection, (await AssignmentQueries.LoadAsync(connection, id, tx))!, tx);
            await tx.CommitAsync(ct);
            var s = plan.Short.FirstOrDefault();
            await Send.OkAsync(new Response
            {
                Declined = declined,
                ReplacementExpertId = replacement?.ExpertId,
                ReplacementAssignmentId = ids.Count > 0 ? ids[0] : null,
                Short = s is null ? null : ShortItemView.Of(s),
            }, ct);
        }
    }
}
