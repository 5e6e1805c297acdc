using System.Text.Json;
using Dapper;
using FastEndpoints;
using Jiebang.Applications.Contracts;
using Jiebang.Applications.Domain;
using Jiebang.Applications.Features.Shared;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Messaging;
using Mediator;

namespace Jiebang.Applications.Features.RunEligibilityCheck;

/// <summary>What the formal check did.</summary>
internal sealed class Response
{
    public int Checked { get; init; }
    public int Eligible { get; init; }
    public int Ineligible { get; init; }
    /// <summary>Applications decided earlier and left as they were.</summary>
    public int AlreadyDecided { get; init; }
}

internal sealed class Endpoint(DbConnectionFactory db, Parties parties, Outbox outbox, AuditWriter audit, ApplicationFeed feed, TimeProvider clock)
    : EndpointWithoutRequest<Response>
{
    private const string Submitted = "SELECT a.id FROM applications_application a WHERE a.batch_id = @Batch AND a.status = 'Submitted' ORDER BY a.code";

    private const string Decided = "SELECT COUNT(*) FROM applications_application WHERE batch_id = @Batch AND eligibility IS NOT NULL";

    private const string StillOpen = "SELECT COUNT(*) FROM applications_application WHERE batch_id = @Batch AND closes_at > @Now AND status <> 'Draft'";

    private const string Decide = """
        UPDATE applications_application
        SET status = @Outcome, eligibility = @Outcome, eligibility_results = @Results, eligibility_checked_at = @Now, updated_at = @Now, version = version + 1
        WHERE id = @Id AND status = 'Submitted' AND version = @Version
        """;

    public override void Configure()
    {
        Post("/api/v1/batches/{batchId:guid}/eligibility-check");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Applications_RunEligibilityCheck", "Applications",
                "截止后对批次内全部已提交申报进行资格审查 / After the deadline, run the formal check on every submitted application of a batch",
                "Each application becomes Eligible or Ineligible with every rule result stored. Running it again leaves decided applications as they are.")
            .Ok<Response>().Problems(401, 403, 409).Codes(409, "eligibility.window_not_closed"), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var batch = Route<Guid>("batchId");
        var caller = User.Caller();
        var now = clock.GetUtcNow();
        // Judge every application first with no transaction open (the rules ask the registry and Funding), then write.
        var judged = new List<(ApplicationRow Row, EligibilityOutcome Outcome, IReadOnlyList<RuleResult> Rules)>();
        int already;
        await using (var connection = await db.OpenAsync(ct))
        {
            if (await connection.ExecuteScalarAsync<int>(StillOpen, new { Batch = batch, Now = now }) > 0)
            {
                await Send.ResultAsync(Problems.Conflict("eligibility.window_not_closed",
                    "申报期尚未截止，不能进行资格审查", "The application window has not closed yet"));
                return;
            }
            already = await connection.ExecuteScalarAsync<int>(Decided, new { Batch = batch });
            foreach (var id in (await connection.QueryAsync<Guid>(Submitted, new { Batch = batch })).AsList())
            {
                judged.Add(((await ApplicationStore.LoadAsync(connection, id))!, default, []));
            }
        }
        for (var i = 0; i < judged.Count; i++)
        {
            var row = judged[i].Row;
            var content = row.ContentDocument();
            var resolved = await parties.ResolveAsync(row.LeadOrganisationId, content, ct);
            var rules = Eligibility.Evaluate(new EligibilityInput(null, row.IssuerOrganisationId, resolved, content.Declarations,
                await parties.PriorAgreementsAsync(row.IssuerOrganisationId, resolved, ct)));
            judged[i] = (row, rules.All(r => r.Passed) ? EligibilityOutcome.Eligible : EligibilityOutcome.Ineligible, rules);
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
        await Send.OkAsync(new Response
        {
            Checked = decided.Count,
            Eligible = decided.Count(d => d.Outcome == EligibilityOutcome.Eligible),
            Ineligible = decided.Count(d => d.Outcome == EligibilityOutcome.Ineligible),
            AlreadyDecided = already,
        }, ct);
    }
}
