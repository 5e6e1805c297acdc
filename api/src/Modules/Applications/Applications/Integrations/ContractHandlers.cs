using Dapper;
using Jiebang.Applications.Contracts;
using Jiebang.Applications.Features.Shared;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Mediator;

namespace Jiebang.Applications.Integrations;

/// <summary>Answers other modules' questions about applications.</summary>
internal sealed class ApplicationQueries(DbConnectionFactory db) :
    IQueryHandler<GetApplicationParties, ApplicationParties?>,
    IQueryHandler<GetApplicationSummary, ApplicationSummary?>
{
    public async ValueTask<ApplicationParties?> Handle(GetApplicationParties query, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await ApplicationStore.LoadAsync(connection, query.ApplicationId);
        return row is null ? null : new ApplicationParties(row.Id, row.ChallengeId, row.IssuerOrganisationId, row.LeadOrganisationId,
            row.Members.Select(m => m.OrganisationId).Where(o => o != row.LeadOrganisationId).ToList());
    }

    public async ValueTask<ApplicationSummary?> Handle(GetApplicationSummary query, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await ApplicationStore.LoadAsync(connection, query.ApplicationId);
        return row is null ? null : new ApplicationSummary(row.Id, row.Code, row.ChallengeId, row.BatchId, row.LeadOrganisationId,
            row.LeadOrganisationName, row.Status, row.Eligibility, row.OwnInvestmentFen, row.SubmittedVersion);
    }
}

/// <summary>Review and Funding outcomes move applications; a repeated notification finds the target state and changes nothing.</summary>
internal sealed class OutcomeHandlers(DbConnectionFactory db, AuditWriter audit, ApplicationFeed feed, TimeProvider clock) :
    INotificationHandler<ApplicationSelected>,
    INotificationHandler<ApplicationNotSelected>,
    INotificationHandler<ApplicationContracted>
{
    private const string Move = """
        UPDATE applications_application SET status = @To, updated_at = @Now, version = version + 1
        WHERE id = @Id AND status IN (@From1, @From2)
        """;

    public ValueTask Handle(ApplicationSelected n, CancellationToken ct) =>
        MoveAsync(n.ApplicationId, ApplicationStatus.Selected, "Review", new { round = n.RoundId }, ct);

    public ValueTask Handle(ApplicationNotSelected n, CancellationToken ct) =>
        MoveAsync(n.ApplicationId, ApplicationStatus.NotSelected, "Review", new { round = n.RoundId, reason = n.Reason }, ct);

    public ValueTask Handle(ApplicationContracted n, CancellationToken ct) =>
        MoveAsync(n.ApplicationId, ApplicationStatus.Contracted, "Funding", new { agreement = n.AgreementId }, ct);

    /// <summary>Selection follows the formal check or the review (Eligible … Matched); contracting follows selection.</summary>
    private static (ApplicationStatus, ApplicationStatus) SourcesOf(ApplicationStatus to) => to switch
    {
        ApplicationStatus.Contracted => (ApplicationStatus.Selected, ApplicationStatus.Selected),
        _ => (ApplicationStatus.Eligible, ApplicationStatus.Matched),
    };

    private async ValueTask MoveAsync(Guid id, ApplicationStatus to, string source, object summary, CancellationToken ct)
    {
        var (from1, from2) = SourcesOf(to);
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            var before = await connection.ExecuteScalarAsync<string>("SELECT status FROM applications_application WHERE id = @Id", new { Id = id }, tx);
            var changed = await connection.ExecuteAsync(Move, new
            {
                Id = id, To = to.ToString(), From1 = from1.ToString(), From2 = from2.ToString(), Now = clock.GetUtcNow(),
            }, tx);
            if (changed == 0)
            {
                return;
            }
            await audit.WriteAsync(connection, tx, Caller.SystemFor(source), ApplicationStore.Module, ApplicationStore.Entity, id, to.ToString(), summary);
            await feed.StatusChangedAsync(connection, tx, id, Enum.Parse<ApplicationStatus>(before!), to);
            await tx.CommitAsync(ct);
        }
    }
}
