using Dapper;
using FastEndpoints;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Review.Contracts;
using Jiebang.Review.Domain;
using Jiebang.Review.Features.AssignExperts;
using Jiebang.Review.Features.Shared;

namespace Jiebang.Review.Features.RemoveAssignment;

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/v1/review/rounds/{id:guid}/assignments/{assignmentId:guid}/remove");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_RemoveAssignment", "Review",
                "工作专班撤销或改派评审任务（须写明理由；已提交的评分不可撤销；利益冲突规则不可豁免） / Take an expert off an item with a written reason, optionally replacing it automatically or by a named expert; the conflict rule still applies")
            .Body<Request>().Ok<Response>().Problems(400, 401, 403, 404, 409).Codes(409, "review.assignment_ended", "review.score_locked", "review.expert_inactive", "review.expert_conflicted", "review.already_assigned", "review.round_invalid_state"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var roundId = Route<Guid>("id");
        var assignmentId = Route<Guid>("assignmentId");
        var caller = User.Caller();
        var now = clock.GetUtcNow();
        var reason = req.Reason.Trim();
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            var row = await AssignmentQueries.LoadAsync(connection, assignmentId, tx);
            if (row is null || row.RoundId != roundId || await RoundStore.ItemAsync(connection, roundId, row.ItemId, tx) is not var (round, item))
            {
                await Send.ResultAsync(Problems.NotFound("assignment"));
                return;
            }
            if (round.Status is not (ReviewRoundStatus.Draft or ReviewRoundStatus.Assigning or ReviewRoundStatus.Scoring))
            {
                await Send.ResultAsync(RoundStore.InvalidState(round.Status, "撤销指派"));
                return;
            }
            if (AssignmentStore.EndRefusal(row, "撤销") is { } ended)
            {
                await Send.ResultAsync(ended);
                return;
            }
            ExpertRow? named = null;
            var departures = new List<string>();
            if (req.Replacement == Replacement.Named)
            {
                named = await ExpertStore.LoadAsync(connection, req.ReplacementExpertId!.Value, tx);
                if (named is null)
                {
                    await Send.ResultAsync(Problems.NotFound("expert"));
                    return;
                }
                (var refusal, departures) = await HandAssignment.CheckAsync(connection, tx, round, item, named, item.ActiveAssignments - 1);
                if (refusal is not null)
                {
                    await Send.ResultAsync(refusal);
                    return;
                }
            }
            // The round's row is taken first, so concurrent removals and declines choose replacements one after the other.
            if (await connection.ExecuteAsync(RoundStore.Lock, new { Id = round.Id, round.Version, Now = now }, tx) != 1
                || !await AssignmentStore.EndAsync(connection, tx, row, AssignmentStatus.Removed, reason, now))
            {
                await Send.ResultAsync(RoundStore.ChangedConcurrently());
                return;
            }
            await audit.WriteAsync(connection, tx, caller, RoundStore.Module, AssignmentStore.Entity, assignmentId, "Remove",
                new { roundId, row.ItemId, row.ExpertId, reason, replacement = req.Replacement.ToString(), hadDraft = row.ScoreStatus == ScoreStatus.Draft });

            Assigned? replacement = null;
            if (named is not null)
            {
                replacement = new Assigned(item.Id, named.Id);
            }
            else if (req.Replacement == Replacement.Automatic)
            {
                // One place was freed, so one replacement is sought, even when the item was already short before.
                var (items, experts) = await AssignmentStore.PlannerInputAsync(connection, tx, round, item.Id);
                var plan = AssignmentPlanner.Plan(items.Select(i => i with { Needed = Math.Min(i.Needed, 1) }).ToList(), experts, round.MaxLoad);
                replacement = plan.Assignments.FirstOrDefault();
            }
            Guid? replacementId = null;
            if (replacement is not null)
            {
                replacementId = (await AssignmentStore.StoreAsync(connection, tx, round.Id, [replacement], now))[0];
                await audit.WriteAsync(connection, tx, caller, RoundStore.Module, RoundStore.Entity, round.Id, named is null ? "Replace" : "AssignByHand", new
                {
                    assignmentId = replacementId, item.SubjectCode, itemId = item.Id, left = row.ExpertId, expertId = replacement.ExpertId, reason, departures,
                });
            }
            var (after, pool) = await AssignmentStore.PlannerInputAsync(connection, tx, round, item.Id);
            var shortItem = after[0].Needed > 0 ? AssignmentPlanner.Explain(after[0], pool, round.MaxLoad) : null;
            await tx.CommitAsync(ct);
            await Send.OkAsync(new Response
            {
                RemovedAssignmentId = assignmentId, ItemId = item.Id, RemovedExpertId = row.ExpertId,
                ReplacementAssignmentId = replacementId, ReplacementExpertId = replacement?.ExpertId, Departures = departures,
                Short = shortItem is null ? null : ShortItemView.Of(shortItem),
            }, ct);
        }
    }
}
