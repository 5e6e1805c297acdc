using Dapper;
using Jiebang.Applications.Contracts;
using Jiebang.Applications.Features.Shared;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Review.Contracts;
using Mediator;

namespace Jiebang.Applications.Integrations;

/// <summary>Answers other modules' questions about applications.</summary>
internal sealed class ApplicationQueries(DbConnectionFactory db) :
    IQueryHandler<GetApplicationParties, ApplicationParties?>,
    IQueryHandler<GetApplicationSummary, ApplicationSummary?>,
    IQueryHandler<GetChallengeApplicationCounts, ChallengeApplicationCounts>
{
    private const string CountAwaiting = "SELECT COUNT(*) FROM applications_application WHERE challenge_id = @Id AND status = @Submitted";

    private const string CountEligible = "SELECT COUNT(*) FROM applications_application WHERE challenge_id = @Id AND eligibility = @Eligible";

    public async ValueTask<ChallengeApplicationCounts> Handle(GetChallengeApplicationCounts query, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var awaiting = await connection.ExecuteScalarAsync<int>(CountAwaiting, new { Id = query.ChallengeId, Submitted = nameof(ApplicationStatus.Submitted) });
        var eligible = await connection.ExecuteScalarAsync<int>(CountEligible, new { Id = query.ChallengeId, Eligible = nameof(EligibilityOutcome.Eligible) });
        return new ChallengeApplicationCounts(query.ChallengeId, awaiting, eligible);
    }

    public async ValueTask<ApplicationParties?> Handle(GetApplicationParties query, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await ApplicationStore.LoadAsync(connection, query.ApplicationId);
        return row is null ? null : new ApplicationParties(row.Id, row.ChallengeId, row.IssuerOrganisationId, row.LeadOrganisationId,
            row.Members.Select(m => m.OrganisationId).Where(o => o != row.LeadOrganisationId).ToList(),
            row.ContentDocument().Team.Select(t => new ApplicationPerson(t.Name.Trim(), t.Role.Trim(), t.OrganisationId)).ToList());
    }

    public async ValueTask<ApplicationSummary?> Handle(GetApplicationSummary query, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await ApplicationStore.LoadAsync(connection, query.ApplicationId);
        return row is null ? null : new ApplicationSummary(row.Id, row.Code, row.ChallengeId, row.BatchId, row.LeadOrganisationId,
            row.LeadOrganisationName, row.Status, row.Eligibility, row.OwnInvestmentFen, row.SubmittedVersion);
    }
}

/// <summary>
/// Review and Funding outcomes move applications: 评审中 when scoring opens, 推荐 / 未推荐 when scoring closes, 已对接
/// when the issuer's matchmaking succeeds, 入选 / 未入选 after publication, 已签约 when an agreement is signed. Each
/// move starts only from the states it follows, so a repeated notification finds the target state and changes nothing.
/// </summary>
internal sealed class OutcomeHandlers(DbConnectionFactory db, AuditWriter audit, ApplicationFeed feed, TimeProvider clock) :
    ICommandHandler<MarkApplicationSelected>,
    ICommandHandler<MarkApplicationNotSelected>,
    ICommandHandler<MarkApplicationContracted>,
    INotificationHandler<ReviewScoringOpened>,
    INotificationHandler<ReviewRoundClosed>,
    INotificationHandler<MatchmakingRecorded>
{
    private static readonly ApplicationStatus[] InReview =
    [
        ApplicationStatus.Eligible, ApplicationStatus.UnderReview, ApplicationStatus.Recommended, ApplicationStatus.NotRecommended, ApplicationStatus.Matched,
    ];

    public async ValueTask<Unit> Handle(MarkApplicationSelected n, CancellationToken ct) => await Done(MoveAsync(n.ApplicationId, InReview, ApplicationStatus.Selected, "Review", new { round = n.RoundId }, ct));

    public async ValueTask<Unit> Handle(MarkApplicationNotSelected n, CancellationToken ct) => await Done(MoveAsync(n.ApplicationId, InReview, ApplicationStatus.NotSelected, "Review", new { round = n.RoundId, reason = n.Reason }, ct));

    public async ValueTask<Unit> Handle(MarkApplicationContracted n, CancellationToken ct) => await Done(MoveAsync(n.ApplicationId, [ApplicationStatus.Selected], ApplicationStatus.Contracted, "Funding", new { agreement = n.AgreementId }, ct));

    public async ValueTask Handle(ReviewScoringOpened n, CancellationToken ct)
    {
        if (n.Kind != ReviewRoundKind.ApplicationReview)
        {
            return;
        }
        foreach (var id in n.SubjectIds)
        {
            await MoveAsync(id, [ApplicationStatus.Eligible], ApplicationStatus.UnderReview, "Review", new { round = n.RoundId }, ct);
        }
    }

    public async ValueTask Handle(ReviewRoundClosed n, CancellationToken ct)
    {
        if (n.Kind != ReviewRoundKind.ApplicationReview)
        {
            return;
        }
        foreach (var s in n.Subjects)
        {
            await MoveAsync(s.SubjectId, [ApplicationStatus.Eligible, ApplicationStatus.UnderReview],
                s.Passed ? ApplicationStatus.Recommended : ApplicationStatus.NotRecommended, "Review", new { round = n.RoundId, passed = s.Passed }, ct);
        }
    }

    /// <summary>A successful matchmaking makes the application Matched; recorded again as failed, it returns to its review result.</summary>
    public ValueTask Handle(MatchmakingRecorded n, CancellationToken ct) => n.Matched
        ? MoveAsync(n.ApplicationId, [ApplicationStatus.UnderReview, ApplicationStatus.Recommended, ApplicationStatus.NotRecommended],
            ApplicationStatus.Matched, "Review", new { round = n.RoundId }, ct)
        : MoveAsync(n.ApplicationId, [ApplicationStatus.Matched], n.Recommended ? ApplicationStatus.Recommended : ApplicationStatus.NotRecommended,
            "Review", new { round = n.RoundId, matched = false }, ct);

    private static async ValueTask<Unit> Done(ValueTask move)
    {
        await move;
        return Unit.Value;
    }

    private async ValueTask MoveAsync(Guid id, IReadOnlyList<ApplicationStatus> from, ApplicationStatus to, string source, object summary, CancellationToken ct)
    {
        // One parameter per source state (never a bound list); the shape depends only on how many there are.
        var sources = string.Join(", ", from.Select((_, i) => $"@From{i}"));
        var sql = $"UPDATE applications_application SET status = @To, updated_at = @Now, version = version + 1 WHERE id = @Id AND status IN ({sources})";
        var parameters = new DynamicParameters(new { Id = id, To = to.ToString(), Now = clock.GetUtcNow() });
        for (var i = 0; i < from.Count; i++)
        {
            parameters.Add($"From{i}", from[i].ToString());
        }
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            var before = await connection.ExecuteScalarAsync<string>("SELECT status FROM applications_application WHERE id = @Id", new { Id = id }, tx);
            if (await connection.ExecuteAsync(sql, parameters, tx) == 0)
            {
                return;
            }
            await audit.WriteAsync(connection, tx, Caller.SystemFor(source), ApplicationStore.Module, ApplicationStore.Entity, id, to.ToString(), summary);
            await feed.StatusChangedAsync(connection, tx, id, Enum.Parse<ApplicationStatus>(before!), to);
            await tx.CommitAsync(ct);
        }
    }
}
