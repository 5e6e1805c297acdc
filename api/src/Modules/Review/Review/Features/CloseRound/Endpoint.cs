using System.Data.Common;
using Dapper;
using FastEndpoints;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Messaging;
using Jiebang.Review.Contracts;
using Jiebang.Review.Features.Shared;
using Mediator;

namespace Jiebang.Review.Features.CloseRound;

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock, Outbox outbox) : RoundTransitionEndpoint(db, audit, clock, outbox)
{
    private const string Pending = """
        SELECT COUNT(*) FROM review_assignment WHERE round_id = @Id AND status = 'Active' AND score_status <> 'Submitted'
        """;

    private const string KeepPassed = "UPDATE review_item SET passed = @Passed WHERE id = @Id";

    public override void Configure()
    {
        Post("/api/v1/review/rounds/{id:guid}/close");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_Close", "Review",
                "结束评分（评分期已过或全部专家已提交） / Close scoring once the window has ended or every expert has submitted")
            .Ok<ReviewRound>().ETag().Problems(401, 403, 404, 409).Codes(409, "review.round_invalid_state", "review.concurrent_change", "review.scoring_open"), clearDefaults: true);
    }

    protected override ReviewRoundStatus From => ReviewRoundStatus.Scoring;

    protected override (string Zh, string Audit) Action => ("结束评分", "Close");

    protected override async Task<RoundStep> StepAsync(DbConnection connection, DbTransaction tx, RoundRow round, DateTimeOffset now)
    {
        var pending = await connection.ExecuteScalarAsync<int>(Pending, new { round.Id }, tx);
        if (pending > 0 && now < round.ScoringClosesAt)
        {
            return RoundStep.Refuse(Problems.Conflict("review.scoring_open",
                $"评分期未结束，尚有 {pending} 份评分未提交", $"Scoring is still open and {pending} score sheets are not submitted"));
        }
        if (!await RoundStore.MoveAsync(connection, tx, round.Id, From, ReviewRoundStatus.Closed, now))
        {
            return RoundStep.Refuse(RoundStore.ChangedConcurrently());
        }
        // The results are kept as they stand at close (scores no longer change); pass or fail also goes on each item as
        // it stood at close: it is what Applications shows (推荐 / 未推荐) and what matchmaking returns to.
        var (items, results) = await RoundResults.KeepAsync(connection, tx, round);
        var passed = results.ToDictionary(r => r.ItemId, r => r.Passed);
        foreach (var item in items)
        {
            await connection.ExecuteAsync(KeepPassed, new { item.Id, Passed = passed[item.Id] }, tx);
        }
        var subjects = items.Select(i => new ReviewedSubject(i.SubjectId, passed[i.Id])).ToList();
        return new RoundStep(null, new
            {
                from = From.ToString(), to = nameof(ReviewRoundStatus.Closed), unsubmitted = pending,
                passed = subjects.Count(s => s.Passed), failed = subjects.Count(s => !s.Passed),
            },
            [new ReviewRoundClosed(round.Id, round.Kind, subjects)]);
    }
}
