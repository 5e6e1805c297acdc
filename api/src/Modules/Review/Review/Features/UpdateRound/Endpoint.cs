using Dapper;
using FastEndpoints;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Review.Contracts;
using Jiebang.Review.Features.CreateRound;
using Jiebang.Review.Features.Shared;

namespace Jiebang.Review.Features.UpdateRound;

internal sealed class Request : RoundContent;

internal sealed class Validator : Validator<Request>
{
    public Validator() => Include(new RoundContentRules());
}

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock) : Endpoint<Request, ReviewRound>
{
    private const string Update = """
        UPDATE review_round SET name = @Name, pass_threshold_hundredths = @PassThresholdHundredths, experts_per_item = @ExpertsPerItem,
            max_load = @MaxLoad, spread_limit_hundredths = @SpreadLimitHundredths, scoring_opens_at = @ScoringOpensAt,
            scoring_closes_at = @ScoringClosesAt, visibility = @Visibility, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version AND status = @Draft
        """;

    private const string DeleteCriteria = "DELETE FROM review_criterion WHERE round_id = @Id";

    public override void Configure()
    {
        Put("/api/v1/review/rounds/{id:guid}");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_Update", "Review",
                "修改草稿轮次（评分标准、阈值、每项专家数、评分期、评分可见性） / Edit a draft round: rubric, thresholds, experts per item, scoring window, visibility policy")
            .Body<Request>().IfMatch(required: true).Ok<ReviewRound>().ETag().Problems(400, 401, 403, 404, 409, 412, 428).Codes(409, "review.round_invalid_state"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        if (Versioning.Parse(HttpContext.Request.Headers.IfMatch) is not { } version)
        {
            await Send.ResultAsync(Problems.IfMatchRequired());
            return;
        }
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
            if (round.Version != version)
            {
                await Send.ResultAsync(Problems.VersionMismatch());
                return;
            }
            if (round.Status != ReviewRoundStatus.Draft)
            {
                await Send.ResultAsync(RoundStore.InvalidState(round.Status, "修改轮次设置"));
                return;
            }
            if (await connection.ExecuteAsync(Update, new
                {
                    Id = id, Version = version, Draft = nameof(ReviewRoundStatus.Draft), Name = req.Name.Trim(),
                    PassThresholdHundredths = Hundredths.To(req.PassThreshold), req.ExpertsPerItem, MaxLoad = req.MaxLoadPerExpert,
                    SpreadLimitHundredths = Hundredths.To(req.SpreadLimit), req.ScoringOpensAt, req.ScoringClosesAt,
                    Visibility = req.Visibility.ToString(), Now = clock.GetUtcNow(),
                }, tx) != 1)
            {
                await Send.ResultAsync(Problems.VersionMismatch());
                return;
            }
            await connection.ExecuteAsync(DeleteCriteria, new { Id = id }, tx);
            await CreateRound.Endpoint.InsertCriteriaAsync(connection, tx, id, req.Criteria);
            await audit.WriteAsync(connection, tx, User.Caller(), RoundStore.Module, RoundStore.Entity, id, "Update", new
            {
                before = Summary(round.Name, round.Criteria.Select(c => c.ToModel()).Select(c => new { c.Name, c.Weight, c.MaxScore, c.Threshold }),
                    Hundredths.From(round.PassThresholdHundredths), round.ExpertsPerItem, round.MaxLoad, Hundredths.From(round.SpreadLimitHundredths),
                    round.ScoringOpensAt, round.ScoringClosesAt, round.Visibility),
                after = Summary(req.Name.Trim(), req.Criteria.Select(c => new { c.Name, c.Weight, c.MaxScore, c.Threshold }), req.PassThreshold,
                    req.ExpertsPerItem, req.MaxLoadPerExpert, req.SpreadLimit, req.ScoringOpensAt, req.ScoringClosesAt, req.Visibility),
            });
            var view = await RoundStore.ViewAsync(connection, (await RoundStore.LoadAsync(connection, id, tx))!, tx);
            await tx.CommitAsync(ct);
            HttpContext.Response.Headers.ETag = Versioning.ETag(view.Version);
            await Send.OkAsync(view, ct);
        }
    }

    private static object Summary(string name, IEnumerable<object> criteria, decimal passThreshold, int expertsPerItem, int maxLoad, decimal spreadLimit,
        DateTimeOffset opensAt, DateTimeOffset closesAt, ReviewVisibility visibility) => new
    {
        name, criteria = criteria.ToList(), passThreshold, expertsPerItem, maxLoad, spreadLimit, opensAt, closesAt, visibility = visibility.ToString(),
    };
}
