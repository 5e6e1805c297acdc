using System.Data.Common;
using Dapper;
using FastEndpoints;
using Jiebang.Applications.Contracts;
using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Messaging;
using Jiebang.Review.Contracts;
using Jiebang.Review.Features.Shared;
using Mediator;

namespace Jiebang.Review.Features.FinaliseRound;

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock, Outbox outbox, ISender sender)
    : RoundTransitionEndpoint(db, audit, clock, outbox)
{
    public override void Configure()
    {
        Post("/api/v1/review/rounds/{id:guid}/finalise");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_Finalise", "Review",
                "异议期结束且无未决异议时定案并通知 / Make the round final after the objection period with no open objection, and notify the modules")
            .Ok<ReviewRound>().ETag().Problems(401, 403, 404, 409).Codes(409, "review.round_invalid_state", "review.concurrent_change", "review.objection_period_open", "review.objections_open"), clearDefaults: true);
    }

    protected override ReviewRoundStatus From => ReviewRoundStatus.Publicised;

    protected override (string Zh, string Audit) Action => ("定案", "Finalise");

    protected override async Task<RoundStep> StepAsync(DbConnection connection, DbTransaction tx, RoundRow round, DateTimeOffset now)
    {
        if (now < round.ObjectionsCloseAt)
        {
            return RoundStep.Refuse(Problems.Conflict("review.objection_period_open", "异议期尚未结束", "The objection period has not ended"));
        }
        var open = await connection.ExecuteScalarAsync<int>(DecisionStore.OpenObjections, new { RoundId = round.Id }, tx);
        if (open > 0)
        {
            return RoundStep.Refuse(Problems.Conflict("review.objections_open", $"尚有 {open} 项异议未处理", $"{open} objections are not resolved"));
        }
        var decisions = await DecisionStore.ForRoundAsync(connection, round.Id, tx);
        if (!await RoundStore.MoveAsync(connection, tx, round.Id, From, ReviewRoundStatus.Final, now))
        {
            return RoundStep.Refuse(RoundStore.ChangedConcurrently());
        }
        if (round.Kind == ReviewRoundKind.ApplicationReview)
        {
            // Items stored before their challenge was kept with them ask Applications (rare; a read, no write elsewhere).
            foreach (var d in decisions.Where(d => d.ChallengeId is null))
            {
                d.ChallengeId = (await sender.Send(new GetApplicationSummary(d.SubjectId)))?.ChallengeId;
            }
        }
        var unawarded = round.Kind == ReviewRoundKind.ApplicationReview ? Unawarded(decisions).ToList() : [];
        // The owners move their own records; their handlers are idempotent, so a repeated notification changes nothing.
        var notifications = decisions.Select(d => (round.Kind, d.Outcome) switch
            {
                (ReviewRoundKind.NeedReview, ReviewDecisionOutcome.Pass) => (IMessage)new ApproveChallengeNeed(d.SubjectId, round.Id, d.Reason),
                (ReviewRoundKind.NeedReview, _) => new RejectChallengeNeed(d.SubjectId, round.Id, d.Reason),
                (_, ReviewDecisionOutcome.Pass) => new MarkApplicationSelected(d.SubjectId, round.Id),
                _ => new MarkApplicationNotSelected(d.SubjectId, round.Id, d.Reason),
            })
            .Concat(unawarded.Select(challengeId => new MarkChallengeUnawarded(challengeId, round.Id,
                "揭榜论证定案，无入选申报（流榜） / The application review is final and no application was selected")))
            .ToList();
        return new RoundStep(null, new
            {
                decisions = decisions.Select(d => new { d.SubjectId, outcome = d.Outcome.ToString() }),
                unawardedChallenges = unawarded,
            },
            notifications);
    }

    /// <summary>Challenges of the round none of whose applications passed: 流榜.</summary>
    private static IEnumerable<Guid> Unawarded(IEnumerable<DecisionRow> decisions) => decisions
        .Where(d => d.ChallengeId is not null)
        .GroupBy(d => d.ChallengeId!.Value)
        .Where(g => g.All(d => d.Outcome != ReviewDecisionOutcome.Pass))
        .Select(g => g.Key)
        .Order();
}
