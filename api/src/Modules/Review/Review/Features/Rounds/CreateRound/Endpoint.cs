using FastEndpoints;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Jiebang.Review.Contracts;
using Jiebang.Review.Domain;
using Jiebang.Review.Data;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Rounds.CreateRound;

internal sealed class Endpoint(WritePath writes) : Endpoint<Request, ReviewRound>
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
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, async w =>
        {
            await w.ExecuteAsync(Data.Insert, new
            {
                Id = id, Kind = req.Kind.ToString(), Name = req.Name.Trim(), Status = nameof(ReviewRoundStatus.Draft),
                PassThresholdHundredths = Hundredths.To(req.PassThreshold), req.ExpertsPerItem, MaxLoad = req.MaxLoadPerExpert,
                SpreadLimitHundredths = Hundredths.To(req.SpreadLimit), req.ScoringOpensAt, req.ScoringClosesAt, Visibility = req.Visibility.ToString(),
                w.Now,
            });
            await RoundStore.ReplaceCriteriaAsync(w, id, req.Criteria.Select(c => (c.Name, c.Weight, c.MaxScore, c.Threshold)));
            await w.AuditAsync(RoundStore.Module, RoundStore.Entity, id, "Create", new
            {
                kind = req.Kind.ToString(), req.Name, criteria = req.Criteria.Count, req.PassThreshold, req.ExpertsPerItem,
                visibility = req.Visibility.ToString(),
            });
            var view = await RoundStore.ViewAsync(w.Connection, (await RoundStore.LoadAsync(w.Connection, id, w.Transaction))!, w.Transaction);
            return Write.Created(view, $"/api/v1/review/rounds/{id}", view.Version);
        }, ct));
    }
}
