using FastEndpoints;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Jiebang.Review.Contracts;
using Jiebang.Review.Data;
using Jiebang.Review.Domain;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Rounds.OpenScoring;

internal sealed class Endpoint(WritePath writes) : EndpointWithoutRequest<ReviewRound>
{
    public override void Configure()
    {
        Post("/api/v1/review/rounds/{id:guid}/open-scoring");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_OpenScoring", "Review", "开始评分（每个对象均已分配足额专家） / Start scoring once every item has its count of experts")
            .Ok<ReviewRound>().ETag().Problems(401, 403, 404, 409)
            .Codes(409, "review.round_invalid_state", "review.concurrent_change", "review.items_short"), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, async w =>
        {
            var step = RoundLifecycle.OpenScoring;
            var round = await RoundStore.LockedAsync(w, id);
            step.RequireFrom(round.Status);
            var items = await RoundStore.ItemsAsync(w.Connection, id, w.Transaction);
            var shortItems = items.Where(i => i.ActiveAssignments < round.ExpertsPerItem).ToList();
            Write.Require(shortItems.Count == 0, Problems.Of(409, "review.items_short", "Items without their count of experts",
                "部分论证对象专家人数不足 / Some items do not have their count of experts", violations: shortItems.Select(i => new Violation
                {
                    Code = "review.item_short",
                    MessageZh = $"{i.SubjectCode}：已分配 {i.ActiveAssignments} / {round.ExpertsPerItem} 名专家",
                    MessageEn = $"{i.SubjectCode}: {i.ActiveAssignments} of {round.ExpertsPerItem} experts assigned",
                }).ToList()));
            await RoundStore.MoveAsync(w, id, step);
            await w.AuditAsync(RoundStore.Module, RoundStore.Entity, id, step.Audit,
                new { from = step.From.ToString(), to = step.To.ToString(), items = items.Count });
            await w.PublishAsync(new ReviewScoringOpened(id, round.Kind, items.Select(i => i.SubjectId).ToList()));
            return await RoundStore.AnswerAsync(w, id);
        }, ct));
    }
}
