using System.Text.Json;
using Jiebang.Applications.Contracts;
using Jiebang.Applications.Data;
using Jiebang.Applications.Domain;
using Jiebang.Applications.Views;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Writes;

namespace Jiebang.Applications.Services;

/// <summary>What the formal check did (the endpoint's response and the job's result alike).</summary>
internal sealed class FormalCheckResult
{
    public int Checked { get; init; }
    public int Eligible { get; init; }
    public int Ineligible { get; init; }
    public int AlreadyDecided { get; init; }
}

/// <summary>
/// The formal check of a batch, shared by the synchronous endpoint and the job. Idempotent, so a job interrupted by a
/// crash may simply run again: only applications still Submitted are judged, each decision is written with a version
/// check (<c>status = 'Submitted' AND version = @Version</c>), and all decisions commit in one write — a rerun either
/// finds nothing decided (the crash came before the commit) or finds them decided and leaves them as they are.
/// Progress counts applications judged; it is reported before the write opens.
/// </summary>
internal sealed class FormalCheck(DbConnectionFactory db, Parties parties, TimeProvider clock)
{
    /// <summary>The batch's applications judged outside the write, with how many were decided before.</summary>
    internal sealed record Judged(IReadOnlyList<(ApplicationRow Row, EligibilityOutcome Outcome, IReadOnlyList<RuleResult> Rules)> Rows, int Already);

    /// <summary>
    /// Judges every application first with no transaction open (the rules ask the registry and Funding); refuses with
    /// 409 eligibility.window_not_closed while any application of the batch may still change.
    /// </summary>
    public async Task<Judged> JudgeAsync(Guid batch, Func<int, int, Task>? progress, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = new List<ApplicationRow>();
        int already;
        await using (var connection = await db.OpenAsync(ct))
        {
            if ((await ApplicationSearch.DeadlinesInBatchAsync(connection, batch)).Any(closesAt => !ApplicationWindow.IsClosed(closesAt, now)))
            {
                throw Write.Refuse(Problems.Conflict("eligibility.window_not_closed",
                    "申报期尚未截止，不能进行资格审查", "The application window has not closed yet"));
            }
            already = await ApplicationSearch.CountDecidedInBatchAsync(connection, batch);
            foreach (var id in await ApplicationSearch.SubmittedInBatchAsync(connection, batch))
            {
                rows.Add((await ApplicationStore.LoadAsync(connection, id))!);
            }
        }
        var judged = new List<(ApplicationRow, EligibilityOutcome, IReadOnlyList<RuleResult>)>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            if (progress is not null)
            {
                await progress(i, rows.Count);
            }
            var row = rows[i];
            var content = row.ContentDocument();
            var resolved = await parties.ResolveAsync(row.LeadOrganisationId, content, ct);
            var rules = Eligibility.Evaluate(new EligibilityInput(null, row.IssuerOrganisationId, resolved, content.Declarations,
                await parties.PriorAgreementsAsync(row.IssuerOrganisationId, resolved, ct)));
            judged.Add((row, rules.All(r => r.Passed) ? EligibilityOutcome.Eligible : EligibilityOutcome.Ineligible, rules));
        }
        if (progress is not null)
        {
            await progress(rows.Count, rows.Count);
        }
        return new Judged(judged, already);
    }

    /// <summary>Writes the decisions still due (an application that changed since it was judged is left as it is).</summary>
    public static async Task<FormalCheckResult> DecideAsync(Write w, Judged judged)
    {
        var decided = new List<EligibilityDecided>();
        foreach (var (row, outcome, rules) in judged.Rows)
        {
            var changed = await w.ExecuteAsync(ApplicationStore.Decide, new
            {
                row.Id, row.Version, Outcome = outcome.ToString(), w.Now,
                Results = JsonSerializer.Serialize(rules.Select(RuleResultView.From), JsonDefaults.Options),
            });
            if (changed == 0)
            {
                continue;
            }
            await w.AuditAsync(ApplicationStore.Module, ApplicationStore.Entity, row.Id, "CheckEligibility",
                new { outcome = outcome.ToString(), failed = rules.Where(r => !r.Passed).Select(r => r.Code).Distinct() });
            decided.Add(new EligibilityDecided(row.Id, row.ChallengeId, outcome, false));
            // Unchanged since it was judged (the version matched), so the members loaded then are the audience now.
            await ApplicationFeed.StatusChangedAsync(w, row, row.Status, ApplicationLifecycle.StatusOf(outcome));
        }
        await w.PublishAsync([.. decided]);
        return new FormalCheckResult
        {
            Checked = decided.Count,
            Eligible = decided.Count(d => d.Outcome == EligibilityOutcome.Eligible),
            Ineligible = decided.Count(d => d.Outcome == EligibilityOutcome.Ineligible),
            AlreadyDecided = judged.Already,
        };
    }
}
