using Dapper;
using FastEndpoints;
using Jiebang.Applications.Contracts;
using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Review.Contracts;
using Jiebang.Review.Features.Shared;
using Mediator;

namespace Jiebang.Review.Features.FinaliseRound;

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock, IPublisher publisher) : EndpointWithoutRequest<ReviewRound>
{
    public override void Configure()
    {
        Post("/api/v1/review/rounds/{id:guid}/finalise");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_Finalise", "Review",
                "异议期结束且无未决异议时定案并通知 / Make the round final after the objection period with no open objection, and notify the modules")
            .Ok<ReviewRound>().Problems(401, 403, 404, 409), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        ReviewRound view;
        List<DecisionRow> decisions;
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
            if (round.Status != ReviewRoundStatus.Publicised)
            {
                await Send.ResultAsync(RoundStore.InvalidState(round.Status, "定案"));
                return;
            }
            var now = clock.GetUtcNow();
            if (now < round.ObjectionsCloseAt)
            {
                await Send.ResultAsync(Problems.Conflict("review.objection_period_open", "异议期尚未结束", "The objection period has not ended"));
                return;
            }
            var open = await connection.ExecuteScalarAsync<int>(DecisionStore.OpenObjections, new { RoundId = id }, tx);
            if (open > 0)
            {
                await Send.ResultAsync(Problems.Conflict("review.objections_open", $"尚有 {open} 项异议未处理", $"{open} objections are not resolved"));
                return;
            }
            decisions = await DecisionStore.ForRoundAsync(connection, id, tx);
            if (!await RoundStore.MoveAsync(connection, tx, id, ReviewRoundStatus.Publicised, ReviewRoundStatus.Final, now))
            {
                await Send.ResultAsync(RoundStore.ChangedConcurrently());
                return;
            }
            await audit.WriteAsync(connection, tx, User.Caller(), RoundStore.Module, RoundStore.Entity, id, "Finalise",
                new { decisions = decisions.Select(d => new { d.SubjectId, outcome = d.Outcome.ToString() }) });
            view = await RoundStore.ViewAsync(connection, (await RoundStore.LoadAsync(connection, id, tx))!, tx);
            await tx.CommitAsync(ct);
        }
        // The owners move their own records; their handlers are idempotent, so a repeated notification changes nothing.
        foreach (var d in decisions)
        {
            var task = (view.Kind, d.Outcome) switch
            {
                (ReviewRoundKind.NeedReview, ReviewDecisionOutcome.Pass) => publisher.Publish(new ChallengeNeedApproved(d.SubjectId, id, d.Reason), ct),
                (ReviewRoundKind.NeedReview, _) => publisher.Publish(new ChallengeNeedRejected(d.SubjectId, id, d.Reason), ct),
                (_, ReviewDecisionOutcome.Pass) => publisher.Publish(new ApplicationSelected(d.SubjectId, id), ct),
                _ => publisher.Publish(new ApplicationNotSelected(d.SubjectId, id, d.Reason), ct),
            };
            await task;
        }
        HttpContext.Response.Headers.ETag = Versioning.ETag(view.Version);
        await Send.OkAsync(view, ct);
    }
}
