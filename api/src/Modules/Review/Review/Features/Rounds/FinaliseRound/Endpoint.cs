using FastEndpoints;
using Jiebang.Applications.Contracts;
using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Jiebang.Review.Contracts;
using Jiebang.Review.Data;
using Jiebang.Review.Domain;
using Jiebang.Review.Views;
using Mediator;

namespace Jiebang.Review.Features.Rounds.FinaliseRound;

internal sealed class Endpoint(WritePath writes, ISender sender) : EndpointWithoutRequest<ReviewRound>
{
    public override void Configure()
    {
        Post("/api/v1/review/rounds/{id:guid}/finalise");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_Finalise", "Review",
                "异议期结束且无未决异议时定案并通知 / Make the round final after the objection period with no open objection, and notify the modules")
            .Ok<ReviewRound>().ETag().Problems(401, 403, 404, 409)
            .Codes(409, "review.round_invalid_state", "review.concurrent_change", "review.objection_period_open", "review.objections_open"),
                clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, async w =>
        {
            var step = RoundLifecycle.Finalise;
            var round = await RoundStore.LockedAsync(w, id);
            step.RequireFrom(round.Status);
            Write.Require(!(w.Now < round.ObjectionsCloseAt),
                Problems.Conflict("review.objection_period_open", "异议期尚未结束", "The objection period has not ended"));
            var open = await w.ExecuteScalarAsync<int>(DecisionStore.OpenObjections, new { RoundId = id });
            Write.Require(open == 0, Problems.Conflict("review.objections_open", $"尚有 {open} 项异议未处理", $"{open} objections are not resolved"));
            var decisions = await DecisionStore.ForRoundAsync(w.Connection, id, w.Transaction);
            await RoundStore.MoveAsync(w, id, step);
            if (round.Kind == ReviewRoundKind.ApplicationReview)
            {
                // Items stored before their challenge was kept with them ask Applications (rare; a read, no write elsewhere).
                foreach (var d in decisions.Where(d => d.ChallengeId is null))
                {
                    d.ChallengeId = (await sender.Send(new GetApplicationSummary(d.SubjectId)))?.ChallengeId;
                }
            }
            var unawarded = round.Kind == ReviewRoundKind.ApplicationReview ? Unawarded(decisions).ToList() : [];
            // The owners move their own records; their handlers are idempotent, so a repeated message changes nothing.
            var messages = decisions.Select(d => (round.Kind, d.Outcome) switch
                {
                    (ReviewRoundKind.NeedReview, ReviewDecisionOutcome.Pass) => (IMessage)new ApproveChallengeNeed(d.SubjectId, id, d.Reason),
                    (ReviewRoundKind.NeedReview, _) => new RejectChallengeNeed(d.SubjectId, id, d.Reason),
                    (_, ReviewDecisionOutcome.Pass) => new MarkApplicationSelected(d.SubjectId, id),
                    _ => new MarkApplicationNotSelected(d.SubjectId, id, d.Reason),
                })
                .Concat(unawarded.Select(challengeId => new MarkChallengeUnawarded(challengeId, id,
                    "揭榜论证定案，无入选申报（流榜） / The application review is final and no application was selected")))
                .ToArray();
            await w.AuditAsync(RoundStore.Module, RoundStore.Entity, id, step.Audit, new
            {
                decisions = decisions.Select(d => new { d.SubjectId, outcome = d.Outcome.ToString() }),
                unawardedChallenges = unawarded,
            });
            await w.PublishAsync(messages);
            return await RoundStore.AnswerAsync(w, id);
        }, ct));
    }

    /// <summary>Challenges of the round none of whose applications passed: 流榜.</summary>
    private static IEnumerable<Guid> Unawarded(IEnumerable<DecisionRow> decisions) => decisions
        .Where(d => d.ChallengeId is not null)
        .GroupBy(d => d.ChallengeId!.Value)
        .Where(g => g.All(d => d.Outcome != ReviewDecisionOutcome.Pass))
        .Select(g => g.Key)
        .Order();
}
