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

namespace Jiebang.Review.Features.OpenScoring;

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock, Outbox outbox) : RoundTransitionEndpoint(db, audit, clock, outbox)
{
    public override void Configure()
    {
        Post("/api/v1/review/rounds/{id:guid}/open-scoring");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_OpenScoring", "Review", "开始评分（每个对象均已分配足额专家） / Start scoring once every item has its count of experts")
            .Ok<ReviewRound>().ETag().Problems(401, 403, 404, 409).Codes(409, "review.round_invalid_state", "review.concurrent_change", "review.items_short"), clearDefaults: true);
    }

    protected override ReviewRoundStatus From => ReviewRoundStatus.Assigning;

    protected override (string Zh, string Audit) Action => ("开始评分", "OpenScoring");

    protected override async Task<RoundStep> StepAsync(DbConnection connection, DbTransaction tx, RoundRow round, DateTimeOffset now)
    {
        var items = await RoundStore.ItemsAsync(connection, round.Id, tx);
        var shortItems = items.Where(i => i.ActiveAssignments < round.ExpertsPerItem).ToList();
        if (shortItems.Count > 0)
        {
            return RoundStep.Refuse(Problems.Of(409, "review.items_short", "Items without their count of experts",
                "部分论证对象专家人数不足 / Some items do not have their count of experts", violations: shortItems.Select(i => new Violation
                {
                    Code = "review.item_short",
                    MessageZh = $"{i.SubjectCode}：已分配 {i.ActiveAssignments} / {round.ExpertsPerItem} 名专家",
                    MessageEn = $"{i.SubjectCode}: {i.ActiveAssignments} of {round.ExpertsPerItem} experts assigned",
                }).ToList()));
        }
        return await RoundStore.MoveAsync(connection, tx, round.Id, From, ReviewRoundStatus.Scoring, now)
            ? new RoundStep(null, new { from = From.ToString(), to = nameof(ReviewRoundStatus.Scoring), items = items.Count },
                [new ReviewScoringOpened(round.Id, round.Kind, items.Select(i => i.SubjectId).ToList())])
            : RoundStep.Refuse(RoundStore.ChangedConcurrently());
    }
}
