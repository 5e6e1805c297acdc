using FastEndpoints;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Jiebang.Review.Data;
using Jiebang.Review.Domain;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Assignments.DeclineAssignment;

internal sealed class Endpoint(WritePath writes, AuditWriter audit) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/v1/review/assignments/{id:guid}/decline");
        Roles(Platform.Auth.Roles.Expert);
        Description(b => b.Api("Assignments_Decline", "Review",
                "谢绝或回避评审任务（按同样规则补派专家） / Decline or recuse with a reason; a replacement is assigned under the same rules")
            .Body<Request>().Ok<Response>().Problems(400, 401, 403, 404, 409)
            .Codes(409, "review.assignment_ended", "review.score_locked", "review.concurrent_change"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, async w =>
        {
            var row = await AssignmentStore.LoadAsync(w.Connection, id, w.Transaction);
            Write.Require(row is not null && w.Caller.IsExpert && w.Caller.ExpertId == row.ExpertId, Problems.NotFound("assignment"));
            if (ScoringGuard.EndRefusal(row!.Status, row.ScoreStatus, "谢绝") is { } ended)
            {
                throw Write.Refuse(ended);
            }
            var round = (await RoundStore.LoadAsync(w.Connection, row.RoundId, w.Transaction))!;
            RoundLifecycle.Require(round.Status, RoundLifecycle.TakesDeclines, "谢绝评审任务");
            // Replacements of concurrent declines in one round are chosen one after the other, so no expert passes the maximum load.
            await RoundStore.TouchAsync(w, round);
            var status = req.Recuse ? AssignmentStatus.Recused : AssignmentStatus.Declined;
            await AssignmentStore.EndAsync(w.Connection, w.Transaction, row, status, req.Reason.Trim(), w.Now);
            await w.AuditAsync(RoundStore.Module, AssignmentStore.Entity, id, req.Recuse ? "Recuse" : "Decline", new { row.ItemId, reason = req.Reason });

            var (items, experts) = await AssignmentStore.PlannerInputAsync(w.Connection, w.Transaction, round, row.ItemId);
            var plan = AssignmentPlanner.Plan(items, experts, round.MaxLoad);
            var ids = await AssignmentStore.AssignAsync(w, round.Id, plan.Assignments, new Dictionary<Guid, Guid> { [row.ItemId] = row.SubjectId });
            var replacement = plan.Assignments.FirstOrDefault();
            await audit.WriteAsync(w.Connection, w.Transaction, Caller.SystemFor("Review"), RoundStore.Module, RoundStore.Entity, round.Id, "Replace", new
            {
                row.ItemId, left = row.ExpertId, replacement = replacement?.ExpertId,
                @short = plan.Short.Select(s => s.Reason).FirstOrDefault(),
            });
            var declined = await AssignmentStore.ReloadAsync(w, id);
            var s = plan.Short.FirstOrDefault();
            return Write.Ok(new Response
            {
                Declined = declined,
                ReplacementExpertId = replacement?.ExpertId,
                ReplacementAssignmentId = ids.Count > 0 ? ids[0] : null,
                Short = s is null ? null : ShortItemView.Of(s),
            });
        }, ct));
    }
}
