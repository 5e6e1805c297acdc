using FastEndpoints;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Jiebang.Review.Contracts;
using Jiebang.Review.Data;
using Jiebang.Review.Domain;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Rounds.DecideRound;

internal sealed class Endpoint(WritePath writes) : EndpointWithoutRequest<ReviewRound>
{
    public override void Configure()
    {
        Post("/api/v1/review/rounds/{id:guid}/decide");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_Decide", "Review", "确定论证决定（每个对象均已有决定） / Mark the round decided once every item has a decision")
            .Ok<ReviewRound>().ETag().Problems(401, 403, 404, 409)
            .Codes(409, "review.round_invalid_state", "review.concurrent_change", "review.items_undecided"), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, async w =>
        {
            var step = RoundLifecycle.Decide;
            var round = await RoundStore.LockedAsync(w, id);
            step.RequireFrom(round.Status);
            var items = await RoundStore.ItemsAsync(w.Connection, id, w.Transaction);
            var decided = (await DecisionStore.ForRoundAsync(w.Connection, id, w.Transaction)).Select(d => d.ItemId).ToHashSet();
            var undecided = items.Where(i => !decided.Contains(i.Id)).ToList();
            Write.Require(undecided.Count == 0, Problems.Conflict("review.items_undecided",
                $"尚有论证对象未作决定：{string.Join("、", undecided.Select(i => i.SubjectCode))}",
                $"Items without a decision: {string.Join(", ", undecided.Select(i => i.SubjectCode))}"));
            await RoundStore.MoveAsync(w, id, step);
            await w.AuditAsync(RoundStore.Module, RoundStore.Entity, id, step.Audit, new { items = items.Count });
            return await RoundStore.AnswerAsync(w, id);
        }, ct));
    }
}
