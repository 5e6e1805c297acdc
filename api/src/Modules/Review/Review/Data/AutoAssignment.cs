using Jiebang.Platform.Errors;
using Jiebang.Platform.Writes;
using Jiebang.Review.Domain;
using Jiebang.Review.Views;

namespace Jiebang.Review.Data;

/// <summary>
/// Automatic assignment of a round, shared by the synchronous endpoint and the job. Idempotent, so a job interrupted
/// by a crash may simply run again: the planner only fills what each item still lacks (experts per item minus its
/// active assignments) and never returns an expert to an item they were on, and everything commits in one transaction —
/// a rerun either finds nothing written (the crash came before the commit) or finds the items served and assigns nothing more.
/// </summary>
internal static class AutoAssignment
{
    private const string Touch = "UPDATE review_round SET status = @To, updated_at = @Now, version = version + 1 WHERE id = @Id AND version = @Version";

    /// <summary>Assigns what the round's items lack; the outcome and the number of items planned for.</summary>
    public static async Task<(AssignmentOutcome Outcome, int Items)> RunAsync(Write w, Guid id)
    {
        var round = Write.Found(await RoundStore.LoadAsync(w.Connection, id, w.Transaction), "round");
        w.Matches(round.Version);
        RoundLifecycle.Require(round.Status, RoundLifecycle.TakesItems, "分配专家");
        Write.Require((await RoundStore.ItemsAsync(w.Connection, id, w.Transaction)).Count > 0,
            Problems.Conflict("review.no_items", "本轮没有论证对象", "The round has no items to assign"));
        // Taking the round's row first serialises concurrent assigners: the second finds the version moved and stops.
        Write.Require(await w.ExecuteAsync(Touch, new { Id = id, round.Version, To = RoundLifecycle.AssignTo.ToString(), w.Now }) == 1,
            RoundStore.ChangedConcurrently());
        var (items, experts) = await AssignmentStore.PlannerInputAsync(w.Connection, w.Transaction, round);
        var subjects = (await RoundStore.ItemsAsync(w.Connection, id, w.Transaction)).ToDictionary(i => i.Id, i => i.SubjectId);
        var plan = AssignmentPlanner.Plan(items, experts, round.MaxLoad);
        var ids = await AssignmentStore.AssignAsync(w, id, plan.Assignments, subjects);
        await w.AuditAsync(RoundStore.Module, RoundStore.Entity, id, "Assign", new
        {
            assigned = plan.Assignments.Select(a => new { a.ItemId, a.ExpertId }),
            @short = plan.Short.Select(s => new { s.ItemId, s.Needed, s.Available }),
        });
        var outcome = new AssignmentOutcome
        {
            Assigned = plan.Assignments.Select((a, i) => new AssignmentMade { AssignmentId = ids[i], ItemId = a.ItemId, ExpertId = a.ExpertId }).ToList(),
            Short = plan.Short.Select(s => ShortItemView.Of(s)).ToList(),
            Version = round.Version + 1,
        };
        return (outcome, items.Count);
    }
}
