using Dapper;
using FastEndpoints;
using FluentValidation;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Review.Features.Shared;

namespace Jiebang.Review.Features.SaveScore;

internal sealed class Request
{
    /// <summary>Scores per criterion ordinal; a draft may leave criteria out.</summary>
    public List<ScoreValue> Scores { get; set; } = [];
    public string? Comment { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Scores).Must(s => s.Select(v => v.Ordinal).Distinct().Count() == s.Count)
            .WithMessage("每项标准只能评一次 / Each criterion once");
        RuleForEach(x => x.Scores).ChildRules(s =>
        {
            s.RuleFor(v => v.Score).GreaterThanOrEqualTo(0).Must(Hundredths.HasAtMostTwoPlaces).WithMessage("最多两位小数 / At most two decimal places");
        });
        RuleFor(x => x.Comment).MaximumLength(4000);
    }
}

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock) : Endpoint<Request, ReviewAssignment>
{
    private const string Update = """
        UPDATE review_assignment SET score_status = 'Draft', comment = @Comment, saved_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version AND score_status <> 'Submitted'
        """;

    private const string DeleteScores = "DELETE FROM review_score WHERE assignment_id = @Id";

    private const string InsertScore = "INSERT INTO review_score (assignment_id, criterion_ordinal, score_hundredths) VALUES (@Id, @Ordinal, @Hundredths)";

    public override void Configure()
    {
        Put("/api/v1/review/assignments/{id:guid}/score");
        Roles(Platform.Auth.Roles.Expert);
        Description(b => b.Api("Assignments_SaveScore", "Review", "保存评分草稿 / Save the expert's own score sheet as a draft")
            .Body<Request>().IfMatch(required: false).Ok<ReviewAssignment>().ETag().Problems(400, 401, 403, 404, 409, 412).Codes(409, "review.assignment_ended", "review.score_locked", "review.scoring_closed"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
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
            var criteria = round!.Criteria.ToDictionary(c => c.Ordinal);
            var errors = req.Scores
                .Select((s, i) => (s, i))
                .Where(x => !criteria.TryGetValue(x.s.Ordinal, out var c) || x.s.Score > c.MaxScore)
                .ToDictionary(x => $"scores[{x.i}].score", x => new[]
                {
                    criteria.TryGetValue(x.s.Ordinal, out var c)
                        ? $"分数应在 0 至 {c.MaxScore} 之间 / The score must be between 0 and {c.MaxScore}"
                        : $"没有第 {x.s.Ordinal} 项评分标准 / There is no criterion {x.s.Ordinal}",
                });
            if (errors.Count > 0)
            {
                await Send.ResultAsync(Problems.Validation(errors));
                return;
            }
            if (await connection.ExecuteAsync(Update, new { Id = id, row!.Version, req.Comment, Now = now }, tx) == 0)
            {
                await Send.ResultAsync(Problems.VersionMismatch());
                return;
            }
            await connection.ExecuteAsync(DeleteScores, new { Id = id }, tx);
            await connection.ExecuteAsync(InsertScore, req.Scores.Select(s => new { Id = id, s.Ordinal, Hundredths = Hundredths.To(s.Score) }), tx);
            await audit.WriteAsync(connection, tx, caller, RoundStore.Module, AssignmentStore.Entity, id, "SaveScore",
                new { criteria = req.Scores.Count });
            var view = await AssignmentQueries.ViewAsync(connection, (await AssignmentQueries.LoadAsync(connection, id, tx))!, tx);
            await tx.CommitAsync(ct);
            HttpContext.Response.Headers.ETag = Versioning.ETag(view.Version);
            await Send.OkAsync(view, ct);
        }
    }
}
