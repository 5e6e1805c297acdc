using FastEndpoints;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Jiebang.Review.Contracts;
using Jiebang.Review.Data;
using Jiebang.Review.Domain;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Rounds.CloseRound;

internal sealed class Endpoint(WritePath writes) : EndpointWithoutRequest<ReviewRound>
{
    public override void Configure()
    {
        Post("/api/v1/review/rounds/{id:guid}/close");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_Close", "Review",
                "结束评分（评分期已过或全部专家已提交） / Close scoring once the window has ended or every expert has submitted")
            .Ok<ReviewRound>().ETag().Problems(401, 403, 404, 409)
            .Codes(409, "review.round_invalid_state", "review.concurrent_change", "review.scoring_open"), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, async w =>
        {
            var step = RoundLifecycle.Close;
            var round = await RoundStore.LockedAsync(w, id);
            step.RequireFrom(round.Status);
            var pending = await w.ExecuteScalarAsync<int>(Data.Pending, new { round.Id });
            Write.Require(pending == 0 || w.Now >= round.ScoringClosesAt, Problems.Conflict("review.scoring_open",
                $"评分期未结束，尚有 {pending} 份评分未提交", $"Scoring is still open and {pending} score sheets are not submitted"));
            await RoundStore.MoveAsync(w, id, step);
            // The results are kept as they stand at close (scores no longer change); pass or fail also goes on each item as
            // it stood at close: it is what Applications shows (推荐 / 未推荐) and what matchmaking returns to.
            var (items, results) = await RoundResults.KeepAsync(w.Connection, w.Transaction, round);
            var passed = results.ToDictionary(r => r.ItemId, r => r.Passed);
            foreach (var item in items)
            {
                await w.ExecuteAsync(Data.KeepPassed, new { item.Id, Passed = passed[item.Id] });
            }
            var subjects = items.Select(i => new ReviewedSubject(i.SubjectId, passed[i.Id])).ToList();
            await w.AuditAsync(RoundStore.Module, RoundStore.Entity, id, step.Audit, new
            {
                from = step.From.ToString(), to = step.To.ToString(), unsubmitted = pending,
                passed = subjects.Count(s => s.Passed), failed = subjects.Count(s => !s.Passed),
            });
            await w.PublishAsync(new ReviewRoundClosed(id, round.Kind, subjects));
            return await RoundStore.AnswerAsync(w, id);
        }, ct));
    }
}
