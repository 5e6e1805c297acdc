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

namespace Jiebang.Review.Features.DecideRound;

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock, Outbox outbox) : RoundTransitionEndpoint(db, audit, clock, outbox)
{
    public override void Configure()
    {
        Post("/api/v1/review/rounds/{id:guid}/decide");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_Decide", "Review", "确定论证决定（每个对象均已有决定） / Mark the round decided once every item has a decision")
            .Ok<ReviewRound>().ETag().Problems(401, 403, 404, 409).Codes(409, "review.round_invalid_state", "review.concurrent_change", "review.items_undecided"), clearDefaults: true);
    }

    protected override ReviewRoundStatus From => ReviewRoundStatus.Closed;

    protected override (string Zh, string Audit) Action => ("确定决定", "Decided");

    protected override async Task<RoundStep> StepAsync(DbConnection connection, DbTransaction tx, RoundRow round, DateTimeOffset now)
    {
        var items = await RoundStore.ItemsAsync(connection, round.Id, tx);
        var decided = (await DecisionStore.ForRoundAsync(connection, round.Id, tx)).Select(d => d.ItemId).ToHashSet();
        var undecided = items.Where(i => !decided.Contains(i.Id)).ToList();
        if (undecided.Count > 0)
        {
            return RoundStep.Refuse(Problems.Conflict("review.items_undecided",
                $"尚有论证对象未作决定：{string.Join("、", undecided.Select(i => i.SubjectCode))}",
                $"Items without a decision: {string.Join(", ", undecided.Select(i => i.SubjectCode))}"));
        }
        return await RoundStore.MoveAsync(connection, tx, round.Id, From, ReviewRoundStatus.Decided, now)
            ? new RoundStep(null, new { items = items.Count })
            : RoundStep.Refuse(RoundStore.ChangedConcurrently());
    }
}
