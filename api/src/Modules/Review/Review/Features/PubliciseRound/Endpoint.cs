using Dapper;
using FastEndpoints;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Review.Contracts;
using Jiebang.Review.Features.Shared;

namespace Jiebang.Review.Features.PubliciseRound;

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock, ReviewOptions options) : EndpointWithoutRequest<ReviewRound>
{
    private const string Publicise = """
        UPDATE review_round SET status = @To, publicised_at = @Now, objections_close_at = @Until, updated_at = @Now, version = version + 1
        WHERE id = @Id AND status = @From
        """;

    public override void Configure()
    {
        Post("/api/v1/review/rounds/{id:guid}/publicise");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_Publicise", "Review", "公示论证决定，开始异议期 / Publicise the decisions and open the objection period")
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
            if (round.Status != ReviewRoundStatus.Decided)
            {
                await Send.ResultAsync(RoundStore.InvalidState(round.Status, "公示"));
                return;
            }
            var now = clock.GetUtcNow();
            var until = now.AddDays(options.ObjectionDays);
            if (await connection.ExecuteAsync(Publicise, new
                {
                    Id = id, From = nameof(ReviewRoundStatus.Decided), To = nameof(ReviewRoundStatus.Publicised), Now = now, Until = until,
                }, tx) != 1)
            {
                await Send.ResultAsync(RoundStore.ChangedConcurrently());
                return;
            }
            await audit.WriteAsync(connection, tx, User.Caller(), RoundStore.Module, RoundStore.Entity, id, "Publicise",
                new { objectionsCloseAt = until, days = options.ObjectionDays });
            var view = await RoundStore.ViewAsync(connection, (await RoundStore.LoadAsync(connection, id, tx))!, tx);
            await tx.CommitAsync(ct);
            HttpContext.Response.Headers.ETag = Versioning.ETag(view.Version);
            await Send.OkAsync(view, ct);
        }
    }
}
