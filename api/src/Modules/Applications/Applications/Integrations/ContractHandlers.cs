using Jiebang.Applications.Contracts;
using Jiebang.Applications.Data;
using Jiebang.Applications.Domain;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Writes;
using Jiebang.Review.Contracts;
using Mediator;

namespace Jiebang.Applications.Integrations;

/// <summary>Answers other modules' questions about applications.</summary>
internal sealed class ApplicationQueries(DbConnectionFactory db) :
    IQueryHandler<GetApplicationParties, ApplicationParties?>,
    IQueryHandler<GetApplicationSummary, ApplicationSummary?>,
    IQueryHandler<GetChallengeApplicationCounts, ChallengeApplicationCounts>
{
    public async ValueTask<ChallengeApplicationCounts> Handle(GetChallengeApplicationCounts query, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var (awaiting, eligible) = await ApplicationSearch.CountsOfChallengeAsync(connection, query.ChallengeId);
        return new ChallengeApplicationCounts(query.ChallengeId, awaiting, eligible);
    }

    public async ValueTask<ApplicationParties?> Handle(GetApplicationParties query, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await ApplicationStore.LoadAsync(connection, query.ApplicationId);
        return row is null
            ? null
            : new ApplicationParties(row.Id, row.ChallengeId, row.IssuerOrganisationId, row.LeadOrganisationId,
            row.Members.Select(m => m.OrganisationId).Where(o => o != row.LeadOrganisationId).ToList(),
            row.ContentDocument().Team.Select(t => new ApplicationPerson(t.Name.Trim(), t.Role.Trim(), t.OrganisationId)).ToList());
    }

    public async ValueTask<ApplicationSummary?> Handle(GetApplicationSummary query, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await ApplicationStore.LoadAsync(connection, query.ApplicationId);
        return row is null
            ? null
            : new ApplicationSummary(row.Id, row.Code, row.ChallengeId, row.BatchId, row.LeadOrganisationId,
            row.LeadOrganisationName, row.Status, row.Eligibility, row.OwnInvestmentFen, row.SubmittedVersion);
    }
}

/// <summary>
/// Review and Funding outcomes move applications: 评审中 when scoring opens, 推荐 / 未推荐 when scoring closes, 已对接
/// when the issuer's matchmaking succeeds, 入选 / 未入选 after publication, 已签约 when an agreement is signed. Each
/// move starts only from the states it follows (<see cref="ApplicationLifecycle"/>), so a repeated message finds the target
/// state and changes nothing. Each move is one write of its own.
/// </summary>
internal sealed class OutcomeHandlers(WritePath writes) :
    ICommandHandler<MarkApplicationSelected>,
    ICommandHandler<MarkApplicationNotSelected>,
    ICommandHandler<MarkApplicationContracted>,
    INotificationHandler<ReviewScoringOpened>,
    INotificationHandler<ReviewRoundClosed>,
    INotificationHandler<MatchmakingRecorded>
{
    public async ValueTask<Unit> Handle(MarkApplicationSelected n, CancellationToken ct)
    {
        await MoveAsync(n.ApplicationId, ApplicationAction.Select, ApplicationStatus.Selected, "Review", new { round = n.RoundId }, ct);
        return Unit.Value;
    }

    public async ValueTask<Unit> Handle(MarkApplicationNotSelected n, CancellationToken ct)
    {
        await MoveAsync(n.ApplicationId, ApplicationAction.NotSelect, ApplicationStatus.NotSelected, "Review",
            new { round = n.RoundId, reason = n.Reason }, ct);
        return Unit.Value;
    }

    public async ValueTask<Unit> Handle(MarkApplicationContracted n, CancellationToken ct)
    {
        await MoveAsync(n.ApplicationId, ApplicationAction.Contract, ApplicationStatus.Contracted, "Funding", new { agreement = n.AgreementId }, ct);
        return Unit.Value;
    }

    public async ValueTask Handle(ReviewScoringOpened n, CancellationToken ct)
    {
        if (n.Kind != ReviewRoundKind.ApplicationReview)
        {
            return;
        }
        foreach (var id in n.SubjectIds)
        {
            await MoveAsync(id, ApplicationAction.OpenScoring, ApplicationStatus.UnderReview, "Review", new { round = n.RoundId }, ct);
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
            await MoveAsync(s.SubjectId, ApplicationAction.CloseReview, s.Passed ? ApplicationStatus.Recommended : ApplicationStatus.NotRecommended,
                "Review", new { round = n.RoundId, passed = s.Passed }, ct);
        }
    }

    /// <summary>A successful matchmaking makes the application Matched; recorded again as failed, it returns to its review result.</summary>
    public async ValueTask Handle(MatchmakingRecorded n, CancellationToken ct)
    {
        if (n.Matched)
        {
            await MoveAsync(n.ApplicationId, ApplicationAction.Match, ApplicationStatus.Matched, "Review", new { round = n.RoundId }, ct);
        }
        else
        {
            await MoveAsync(n.ApplicationId, ApplicationAction.Unmatch, n.Recommended ? ApplicationStatus.Recommended : ApplicationStatus.NotRecommended,
                "Review", new { round = n.RoundId, matched = false }, ct);
        }
    }

    private Task MoveAsync(Guid id, ApplicationAction action, ApplicationStatus to, string source, object summary, CancellationToken ct) =>
        writes.ExecuteAsync(Caller.SystemFor(source), async w =>
        {
            if (await ApplicationStore.MoveAsync(w, id, ApplicationLifecycle.From(action), to) is not { } from)
            {
                return false;
            }
            await w.AuditAsync(ApplicationStore.Module, ApplicationStore.Entity, id, to.ToString(), summary);
            await ApplicationFeed.StatusChangedAsync(w, (await ApplicationStore.LoadAsync(w.Connection, id, w.Transaction))!, from, to);
            return true;
        }, ct);
}
