using Dapper;
using FastEndpoints;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Http;
using Jiebang.Review.Contracts;
using Jiebang.Review.Features.Shared;

namespace Jiebang.Review.Features.CreateRound;

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock) : Endpoint<Request, ReviewRound>
{
    public override void Configure()
    {
        Post("/api/v1/review/rounds");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_Create", "Review", "创建论证轮次 / Create a review round with its rubric")
            .Body<Request>().Ok<ReviewRound>(201).ETag().Location().Problems(400, 401, 403)
            .Example(new
            {
                kind = "ApplicationReview",
                visibility = "SealedUntilClose",
                name = "揭榜论证（示例）",
                criteria = new object[]
                {
                    new { name = "技术先进性", weight = 0.6m, maxScore = 100, threshold = 60m },
                    new { name = "可行性", weight = 0.4m, maxScore = 100 },
                },
                passThreshold = 60m,
                expertsPerItem = 5,
                maxLoadPerExpert = 10,
                spreadLimit = 20m,
                scoringOpensAt = "2021-02-20T01:00:00Z",
                scoringClosesAt = "2021-02-27T09:00:00Z",
            }), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            await connection.ExecuteAsync(Data.Insert, new
            {
                Id = id, Kind = req.Kind.ToString(), Name = req.Name.Trim(), Status = nameof(ReviewRoundStatus.Draft),
                PassThresholdHundredths = Hundredths.To(req.PassThreshold), req.ExpertsPerItem, MaxLoad = req.MaxLoadPerExpert,
                SpreadLimitHundredths = Hundredths.To(req.SpreadLimit), req.ScoringOpensAt, req.ScoringClosesAt, Visibility = req.Visibility.ToString(),
                Now = clock.GetUtcNow(),
            }, tx);
            await InsertCriteriaAsync(connection, tx, id, req.Criteria);
            await audit.WriteAsync(connection, tx, User.Caller(), RoundStore.Module, RoundStore.Entity, id, "Create",
                new { kind = req.Kind.ToString(), req.Name, criteria = req.Criteria.Count, req.PassThreshold, req.ExpertsPerItem, visibility = req.Visibility.ToString() });
            var row = await RoundStore.LoadAsync(connection, id, tx);
            var view = await RoundStore.ViewAsync(connection, row!, tx);
            await tx.CommitAsync(ct);
            HttpContext.Response.Headers.Location = $"/api/v1/review/rounds/{id}";
            HttpContext.Response.Headers.ETag = Versioning.ETag(view.Version);
            await Send.ResponseAsync(view, 201, ct);
        }
    }

    public static Task InsertCriteriaAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, Guid roundId,
        IEnumerable<CriterionInput> criteria) =>
        connection.ExecuteAsync(Data.InsertCriterion, criteria.Select((c, i) => new
        {
            RoundId = roundId, Ordinal = i + 1, Name = c.Name.Trim(), WeightHundredths = Hundredths.To(c.Weight), c.MaxScore,
            ThresholdHundredths = c.Threshold is { } t ? Hundredths.To(t) : (int?)null,
        }), tx);
}
