using FastEndpoints;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Jiebang.Review.Data;
using Jiebang.Review.Domain;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Assignments.RemoveAssignment;

internal sealed class Endpoint(WritePath writes) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/v1/review/rounds/{id:guid}/assignments/{assignmentId:guid}/remove");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_RemoveAssignment", "Review",
                "工作专班撤销或改派评审任务（须写明理由；已提交的评分不可撤销；利益冲突规则不可豁免） / "
                    + "Take an expert off an item with a written reason, optionally replacing it automatically or by a named expert; "
                    + "the conflict rule still applies")
            .Body<Request>().Ok<Response>().Problems(400, 401, 403, 404, 409)
            .Codes(409, "review.assignment_ended", "review.score_locked", "review.expert_inactive", "review.expert_conflicted", "review.already_assigned",
                "review.round_invalid_state"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var roundId = Route<Guid>("id");
        var assignmentId = Route<Guid>("assignmentId");
        var reason = req.Reason.Trim();
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, async w =>
        {
            var row = await AssignmentStore.LoadAsync(w.Connection, assignmentId, w.Transaction);
            var found = row is null || row.RoundId != roundId ? null : await RoundStore.ItemAsync(w.Connection, roundId, row.ItemId, w.Transaction);
            var (round, item) = Write.Found(found, "assignment");
            RoundLifecycle.Require(round.Status, RoundLifecycle.TakesHandAssignments, "撤销指派");
            if (ScoringGuard.EndRefusal(row!.Status, row.ScoreStatus, "撤销") is { } ended)
            {
                throw Write.Refuse(ended);
            }
            ExpertRow? named = null;
            var departures = new List<string>();
            if (req.Replacement == Replacement.Named)
            {
                named = Write.Found(await ExpertStore.LoadAsync(w.Connection, req.ReplacementExpertId!.Value, w.Transaction), "expert");
                departures = await AssignmentStore.CheckByHandAsync(w, round, item, named, item.ActiveAssignments - 1);
            }
            // The round's row is taken first, so concurrent removals and declines choose replacements one after the other.
            await RoundStore.TouchAsync(w, round);
            Write.Require(await AssignmentStore.EndAsync(w.Connection, w.Transaction, row, AssignmentStatus.Removed, reason, w.Now),
                RoundStore.ChangedConcurrently());
            await w.AuditAsync(RoundStore.Module, AssignmentStore.Entity, assignmentId, "Remove", new
            {
                roundId, row.ItemId, row.ExpertId, reason, replacement = req.Replacement.ToString(), hadDraft = row.ScoreStatus == ScoreStatus.Draft,
            });

            Assigned? replacement = null;
            if (named is not null)
            {
                replacement = new Assigned(item.Id, named.Id);
            }
            else if (req.Replacement == Replacement.Automatic)
            {
                // One place was freed, so one replacement is sought, even when the item was already short before.
                var (items, experts) = await AssignmentStore.PlannerInputAsync(w.Connection, w.Transaction, round, item.Id);
                var plan = AssignmentPlanner.Plan(items.Select(i => i with { Needed = Math.Min(i.Needed, 1) }).ToList(), experts, round.MaxLoad);
                replacement = plan.Assignments.FirstOrDefault();
            }
            Guid? replacementId = null;
            if (replacement is not null)
            {
                replacementId = (await AssignmentStore.AssignAsync(w, round.Id, [replacement], new Dictionary<Guid, Guid> { [item.Id] = item.SubjectId }))[0];
                await w.AuditAsync(RoundStore.Module, RoundStore.Entity, round.Id, named is null ? "Replace" : "AssignByHand", new
                {
                    assignmentId = replacementId, item.SubjectCode, itemId = item.Id, left = row.ExpertId, expertId = replacement.ExpertId, reason, departures,
                });
            }
            var (after, pool) = await AssignmentStore.PlannerInputAsync(w.Connection, w.Transaction, round, item.Id);
            var shortItem = after[0].Needed > 0 ? AssignmentPlanner.Explain(after[0], pool, round.MaxLoad) : null;
            return Write.Ok(new Response
            {
                RemovedAssignmentId = assignmentId, ItemId = item.Id, RemovedExpertId = row.ExpertId,
                ReplacementAssignmentId = replacementId, ReplacementExpertId = replacement?.ExpertId, Departures = departures,
                Short = shortItem is null ? null : ShortItemView.Of(shortItem),
            });
        }, ct));
    }
}
