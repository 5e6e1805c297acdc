using System.Text.Json;
using Dapper;
using Jiebang.Applications.Contracts;
using Jiebang.Applications.Domain;
using Jiebang.Applications.Features.Shared;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Messaging;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Applications.Features.RunEligibilityCheck;

/// <summary>
/// The formal check of a batch, shared by the synchronous endpoint and the job. Idempotent, so a job interrupted by a
/// crash may simply run again: only applications still Submitted are judged, each decision is written with a version
/// check (<c>status = 'Submitted' AND version = @Version</c>), and all decisions commit in one transaction — a rerun
/// either finds nothing decided (the crash came before the commit) or finds them decided and leaves them as they are.
/// Progress counts applications judged; it is reported before the write transaction opens.
/// </summary>
internal sealed class FormalCheck(DbConnectionFactory db, Parties parties, Outbox outbox, AuditWriter audit, ApplicationFeed feed, TimeProvider clock)
{
    private const string Submitted = "SELECT a.id FROM applications_application a WHERE a.batch_id = @Batch AND a.status = 'Submitted' ORDER BY a.code";

    private const string Decided = "SELECT COUNT(*) FROM applications_application WHERE batch_id = @Batch AND eligibility IS NOT NULL";

    private const string StillOpen = "SELECT COUNT(*) FROM applications_application WHERE batch_id = @Batch AND closes_at > @Now AND status <> 'Draft'";

    private const string Decide = """
        UPDATE applications_application
        SET status = @Outcome, eligibility = @Outcome, eligibility_results = @Results, eligibility_checked_at = @Now, updated_at = @Now, version = version + 1
        WHERE id = @Id AND status = 'Submitted' AND version = @Version
        """;

    /// <summary>Runs the check; a refusal comes back as a problem and nothing is written.</summary>
    public async Task<(Response? Result, IResult? Problem)> RunAsync(Caller caller, Guid batch, Func<int, int, Task>? progress, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Judge every application first with no transaction open (the rules ask the registry and Funding), then write.
        var judged = new List<(ApplicationRow Row, EligibilityOutcome Outcome, IReadOnlyList<RuleResult> Rules)>();
        int already;
        await using (var connection = await db.OpenAsync(ct))
        {
            if (await connection.ExecuteScalarAsync<int>(StillOpen, new { Batch = batch, Now = now }) > 0)
            {
                return (null, Problems.Conflict("eligibility.window_not_closed",
                    "申报期尚未截止，不能进行资格审查", "The application window has not closed yet"));
            }
            already = await connection.ExecuteScalarAsync<int>(Decided, new { Batch = batch });
            foreach (var id in (await connection.QueryAsync<Guid>(Submitted, new { Batch = batch })).AsList())
            {
                judged.Add(((await ApplicationStore.LoadAsync(connection, id))!, default, []));
            }
        }
        for (var i = 0; i < judged.Count; i++)
        {
            if (progress is not null)
            {
                await progress(i, judged.Count);
            }
            var row = judged[i].Row;
            var content = row.ContentDocument();
            var resolved = await parties.ResolveAsync(row.LeadOrganisationId, content, ct);
            var rules = Eligibility.Evaluate(new EligibilityInput(null, row.IssuerOrganisationId, resolved, content.Declarations,
                await parties.PriorAgreementsAsync(row.IssuerOrganisationId, resolved, ct)));
            judged[i] = (row, rules.All(r => r.Passed) ? EligibilityOutcome.Eligible : EligibilityOutcome.Ineligible, rules);
        }
        if (progress is not null)
        {
            await progress(judged.Count, judged.Count);
        }
        var decided = new List<EligibilityDecided>();
        OutboxEntries sent;
        var (writer, tx) = await db.BeginAsync(ct);
        await using (writer)
        await using (tx)
        {
            foreach (var (row, outcome, rules) in judged)
            {
                var changed = await writer.ExecuteAsync(Decide, new
                {
                    row.Id, row.Version, Outcome = outcome.ToString(), Now = now,
                    Results = JsonSerializer.Serialize(rules.Select(RuleResultView.From), JsonDefaults.Options),
                }, tx);
                if (changed == 0)
                {
                    continue;
                }
                await audit.WriteAsync(writer, tx, caller, ApplicationStore.Module, ApplicationStore.Entity, row.Id, "CheckEligibility",
                    new { outcome = outcome.ToString(), failed = rules.Where(r => !r.Passed).Select(r => r.Code).Distinct() });
                decided.Add(new EligibilityDecided(row.Id, row.ChallengeId, outcome, false));
                await feed.StatusChangedAsync(writer, tx, row.Id, row.Status, outcome == EligibilityOutcome.Eligible ? ApplicationStatus.Eligible : ApplicationStatus.Ineligible);
            }
            sent = await outbox.EnqueueAsync(writer, tx, [.. decided]);
            await tx.CommitAsync(ct);
        }
        await outbox.DispatchAsync(sent, ct);
        return (new Response
        {
            Checked = decided.Count,
            Eligible = decided.Count(d => d.Outcome == EligibilityOutcome.Eligible),
            Ineligible = decided.Count(d => d.Outcome == EligibilityOutcome.Ineligible),
            AlreadyDecided = already,
        }, null);
    }
}
