using Dapper;
using FastEndpoints;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Review.Contracts;
using Jiebang.Review.Features.Shared;

namespace Jiebang.Review.Features.DecideRound;

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock) : EndpointWithoutRequest<ReviewRound>
{
    public override void Configure()
    {
        Post("/api/v1/review/rounds/{id:guid}/decide");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_Decide", "Review", "确定论证决定（每个对象均已有决定） / Mark the round decided once every item has a decision")
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
            if (round.Status != ReviewRoundStatus.Closed)
            {
                await Send.ResultAsync(RoundStore.InvalidState(round.Status, "确定决定"));
                return;
            }
            var items = await RoundStore.ItemsAsync(connection, id, tx);
            var decided = (await DecisionStore.ForRoundAsync(connection, id, tx)).Select(d => d.ItemId).ToHashSet();
            var undecided = items.Where(i => !decided.Contains(i.Id)).ToList();
            if (undecided.Count > 0)
            {
                await Send.ResultAsync(Problems.Conflict("review.items_undecided",
                    $"尚有论证对象未作决定：{string.Join("、", undecided.Select(i => i.SubjectCode))}",
                    $"Items without a decision: {string.Join(", ", undecided.Select(i => i.SubjectCode))}"));
                return;
            }
            if (!await RoundStore.MoveAsync(connection, tx, id, ReviewRoundStatus.Closed, ReviewRoundStatus.Decided, clock.GetUtcNow()))
            {
                await Send.ResultAsync(RoundStore.ChangedConcurrently());
                return;
            }
            await audit.WriteAsync(connection, tx, User.Caller(), RoundStore.Module, RoundStore.Entity, id, "Decided", new { items = items.Count });
            var view = await RoundStore.ViewAsync(connection, (await RoundStore.LoadAsync(connection, id, tx))!, tx);
            await tx.CommitAsync(ct);
            HttpContext.Response.Headers.ETag = Versioning.ETag(view.Version);
            await Send.OkAsync(view, ct);
        }
    }
}
