using Dapper;
using FastEndpoints;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Review.Features.Shared;

namespace Jiebang.Review.Features.SubmitScore;

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock) : EndpointWithoutRequest<ReviewAssignment>
{
    private const string Submit = """
        UPDATE review_assignment SET score_status = 'Submitted', submitted_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version AND score_status = 'Draft'
        """;

    public override void Configure()
    {
        Post("/api/v1/review/assignments/{id:guid}/submit");
        Roles(Platform.Auth.Roles.Expert);
        Description(b => b.Api("Assignments_SubmitScore", "Review", "提交评分（提交后锁定） / Submit the score sheet; it is locked afterwards")
            .IfMatch(required: false).Ok<ReviewAssignment>().ETag().Problems(401, 403, 404, 409, 412).Codes(409, "review.score_incomplete", "review.assignment_ended", "review.score_locked", "review.scoring_closed"), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var caller = User.Caller();
        var now = clock.GetUtcNow();
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            var row = await AssignmentQueries.LoadAsync(connection, id, tx);
            var round = row is null ? null : await RoundStore.LoadAsync(connection, row.RoundId, tx);
            if (ScoringGuard.Refusal(row, round, caller, now, Versioning.Parse(HttpContext.Request.Headers.IfMatch)) is { } refusal)
            {
                await Send.ResultAsync(refusal);
                return;
            }
            var scores = await AssignmentQueries.ScoresAsync(connection, id, tx);
            var missing = round!.Criteria.Where(c => !scores.ContainsKey(c.Ordinal)).Select(c => c.Ordinal).ToList();
            if (missing.Count > 0)
            {
                await Send.ResultAsync(Problems.Conflict("review.score_incomplete",
                    $"尚有评分标准未评分：{string.Join("、", missing)}", $"Criteria without a score: {string.Join(", ", missing)}"));
                return;
            }
            if (await connection.ExecuteAsync(Submit, new { Id = id, row!.Version, Now = now }, tx) == 0)
            {
                await Send.ResultAsync(Problems.VersionMismatch());
                return;
            }
            await audit.WriteAsync(connection, tx, caller, RoundStore.Module, AssignmentStore.Entity, id, "SubmitScore",
                new { scores = scores.ToDictionary(s => s.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), s => Hundredths.From(s.Value)), row.Comment });
            var view = await AssignmentQueries.ViewAsync(connection, (await AssignmentQueries.LoadAsync(connection, id, tx))!, tx);
            await tx.CommitAsync(ct);
            HttpContext.Response.Headers.ETag = Versioning.ETag(view.Version);
            await Send.OkAsync(view, ct);
        }
    }
}
