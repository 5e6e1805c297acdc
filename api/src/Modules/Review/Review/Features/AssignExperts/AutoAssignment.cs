using Dapper;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Review.Contracts;
using Jiebang.Review.Domain;
using Jiebang.Review.Features.Shared;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Review.Features.AssignExperts;

/// <summary>
/// Automatic assignment of a round, shared by the synchronous endpoint and the job. Idempotent, so a job interrupted
/// by a crash may simply run again: the planner only fills what each item still lacks (experts per item minus its
/// active assignments) and never returns an expert to an item they were on, and everything commits in one transaction —
/// a rerun either finds nothing written (the crash came before the commit) or finds the items served and assigns nothing more.
/// Progress counts items; it is reported outside the write transaction.
/// </summary>
internal sealed class AutoAssignment(DbConnectionFactory db, AuditWriter audit, TimeProvider clock)
{
    private const string Touch = "UPDATE review_round SET status = @To, updated_at = @Now, version = version + 1 WHERE id = @Id AND version = @Version";

    public async Task<(AssignmentOutcome? Result, IResult? Problem)> RunAsync(Caller caller, Guid id, int? expectedVersion,
        Func<int, int, Task>? progress, CancellationToken ct)
    {
        var itemCount = 0;
        if (progress is not null)
        {
            await using (var reader = await db.OpenAsync(ct))
            {
                itemCount = (await RoundStore.ItemsAsync(reader, id)).Count;
            }
            await progress(0, itemCount);
        }
        AssignmentOutcome outcome;
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            var round = await RoundStore.LoadAsync(connection, id, tx);
            if (round is null)
            {
                return (null, Problems.NotFound("round"));
            }
            if (expectedVersion is { } v && v != round.Version)
            {
                return (null, Problems.VersionMismatch());
            }
            if (round.Status is not (ReviewRoundStatus.Draft or ReviewRoundStatus.Assigning))
            {
                return (null, RoundStore.InvalidState(round.Status, "分配专家"));
            }
            var (items, experts) = await AssignmentStore.PlannerInputAsync(connection, tx, round);
            if (items.Count == 0)
            {
                return (null, Problems.Conflict("review.no_items", "本轮没有论证对象", "The round has no items to assign"));
            }
            // Taking the round's row first serialises concurrent assigners: the second finds the version moved and stops.
            var now = clock.GetUtcNow();
            if (await connection.ExecuteAsync(Touch, new { Id = id, round.Version, To = nameof(ReviewRoundStatus.Assigning), Now = now }, tx) != 1)
            {
                return (null, RoundStore.ChangedConcurrently());
            }
            (items, experts) = await AssignmentStore.PlannerInputAsync(connection, tx, round);
            var plan = AssignmentPlanner.Plan(items, experts, round.MaxLoad);
            var ids = await AssignmentStore.StoreAsync(connection, tx, id, plan.Assignments, now);
            await audit.WriteAsync(connection, tx, caller, RoundStore.Module, RoundStore.Entity, id, "Assign", new
            {
                assigned = plan.Assignments.Select(a => new { a.ItemId, a.ExpertId }),
                @short = plan.Short.Select(s => new { s.ItemId, s.Needed, s.Available }),
            });
            await tx.CommitAsync(ct);
            itemCount = items.Count;
            outcome = new AssignmentOutcome
            {
                Assigned = plan.Assignments.Select((a, i) => new AssignmentMade { AssignmentId = ids[i], ItemId = a.ItemId, ExpertId = a.ExpertId }).ToList(),
                Short = plan.Short.Select(s => ShortItemView.Of(s)).ToList(),
                Version = round.Version + 1,
            };
        }
        if (progress is not null)
        {
            await progress(itemCount, itemCount);
        }
        return (outcome, null);
    }
}
