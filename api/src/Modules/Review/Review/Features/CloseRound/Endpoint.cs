using Dapper;
using FastEndpoints;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Review.Contracts;
using Jiebang.Review.Features.Shared;
using Mediator;

namespace Jiebang.Review.Features.CloseRound;

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock, IPublisher publisher) : EndpointWithoutRequest<ReviewRound>
{
    private const string Pending = """
        SELECT COUNT(*) FROM review_assignment WHERE round_id = @Id AND status = 'Active' AND score_status <> 'Submitted'
        """;

    public override void Configure()
    {
        Post("/api/v1/review/rounds/{id:guid}/close");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_Close", "Review",
                "结束评分（评分期已过或全部专家已提交） / Close scoring once the window has ended or every expert has submitted")
            .Ok<ReviewRound>().Problems(401, 403, 404, 409), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        ReviewRound view;
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
            if (round.Status != ReviewRoundStatus.Scoring)
            {
                await Send.ResultAsync(RoundStore.InvalidState(round.Status, "结束评分"));
                return;
            }
            var now = clock.GetUtcNow();
            var pending = await connection.ExecuteScalarAsync<int>(Pending, new { Id = id }, tx);
            if (pending > 0 && now < round.ScoringClosesAt)
            {
                await Send.ResultAsync(Problems.Conflict("review.scoring_open",
                    $"评分期未结束，尚有 {pending} 份评分未提交", $"Scoring is still open and {pending} score sheets are not submitted"));
                return;
            }
            if (!await RoundStore.MoveAsync(connection, tx, id, ReviewRoundStatus.Scoring, ReviewRoundStatus.Closed, now))
            {
                await Send.ResultAsync(RoundStore.ChangedConcurrently());
                return;
            }
            await audit.WriteAsync(connection, tx, User.Caller(), RoundStore.Module, RoundStore.Entity, id, "Close",
                new { from = round.Status.ToString(), to = nameof(ReviewRoundStatus.Closed), unsubmitted = pending });
            view = await RoundStore.ViewAsync(connection, (await RoundStore.LoadAsync(connection, id, tx))!, tx);
            await tx.CommitAsync(ct);
        }
        await publisher.Publish(new ReviewRoundClosed(id, view.Kind, view.Items.Select(i => i.SubjectId).ToList()), ct);
        HttpContext.Response.Headers.ETag = Versioning.ETag(view.Version);
        await Send.OkAsync(view, ct);
    }
}
