using Dapper;
using FastEndpoints;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Review.Contracts;
using Jiebang.Review.Features.Shared;

namespace Jiebang.Review.Features.OpenScoring;

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock) : EndpointWithoutRequest<ReviewRound>
{
    public override void Configure()
    {
        Post("/api/v1/review/rounds/{id:guid}/open-scoring");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_OpenScoring", "Review", "开始评分（每个对象均已分配足额专家） / Start scoring once every item has its count of experts")
            .Ok<ReviewRound>().Problems(401, 403, 404, 409), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            var round = await RoundStore.LoadAsync(connection, id, tx);
            if (round is null)
            {
                await Send.ResultAsync(Problems.NotFound("round"));
                return;
            }
            if (round.Status != ReviewRoundStatus.Assigning)
            {
                await Send.ResultAsync(RoundStore.InvalidState(round.Status, "开始评分"));
                return;
            }
            var items = await RoundStore.ItemsAsync(connection, id, tx);
            var shortItems = items.Where(i => i.ActiveAssignments < round.ExpertsPerItem).ToList();
            if (shortItems.Count > 0)
            {
                await Send.ResultAsync(Problems.Of(409, "review.items_short", "Items without their count of experts",
                    "部分论证对象专家人数不足 / Some items do not have their count of experts", violations: shortItems.Select(i => new Violation
                    {
                        Code = "review.item_short",
                        MessageZh = $"{i.SubjectCode}：已分配 {i.ActiveAssignments} / {round.ExpertsPerItem} 名专家",
                        MessageEn = $"{i.SubjectCode}: {i.ActiveAssignments} of {round.ExpertsPerItem} experts assigned",
                    }).ToList()));
                return;
            }
            if (!await RoundStore.MoveAsync(connection, tx, id, ReviewRoundStatus.Assigning, ReviewRoundStatus.Scoring, clock.GetUtcNow()))
            {
                await Send.ResultAsync(RoundStore.ChangedConcurrently());
                return;
            }
            await audit.WriteAsync(connection, tx, User.Caller(), RoundStore.Module, RoundStore.Entity, id, "OpenScoring",
                new { from = round.Status.ToString(), to = nameof(ReviewRoundStatus.Scoring), items = items.Count });
            var view = await RoundStore.ViewAsync(connection, (await RoundStore.LoadAsync(connection, id, tx))!, tx);
            await tx.CommitAsync(ct);
            HttpContext.Response.Headers.ETag = Versioning.ETag(view.Version);
            await Send.OkAsync(view, ct);
        }
    }
}
