using FastEndpoints;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Jiebang.Review.Contracts;
using Jiebang.Review.Data;
using Jiebang.Review.Domain;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Rounds.UpdateRound;

internal sealed class Endpoint(WritePath writes) : Endpoint<Request, ReviewRound>
{
    public override void Configure()
    {
        Put("/api/v1/review/rounds/{id:guid}");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_Update", "Review",
                "修改草稿轮次（评分标准、阈值、每项专家数、评分期、评分可见性） / Edit a draft round: rubric, thresholds, experts per item, scoring window, visibility policy")
            .Body<Request>().IfMatch(required: true).Ok<ReviewRound>().ETag().Problems(400, 401, 403, 404, 409, 412, 428)
            .Codes(409, "review.round_invalid_state"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Versioned(IfMatch.Required), async w =>
        {
            var round = Write.Found(await RoundStore.LoadAsync(w.Connection, id, w.Transaction), "round");
            w.Matches(round.Version);
            RoundLifecycle.Require(round.Status, RoundLifecycle.IsEditable, "修改轮次设置");
            Write.Changed(await w.ExecuteAsync(Data.Update, new
            {
                Id = id, round.Version, Draft = nameof(ReviewRoundStatus.Draft), Name = req.Name.Trim(),
                PassThresholdHundredths = Hundredths.To(req.PassThreshold), req.ExpertsPerItem, MaxLoad = req.MaxLoadPerExpert,
                SpreadLimitHundredths = Hundredths.To(req.SpreadLimit), req.ScoringOpensAt, req.ScoringClosesAt,
                Visibility = req.Visibility.ToString(), w.Now,
            }));
            await RoundStore.ReplaceCriteriaAsync(w, id, req.Criteria.Select(c => (c.Name, c.Weight, c.MaxScore, c.Threshold)));
            await w.AuditAsync(RoundStore.Module, RoundStore.Entity, id, "Update", new
            {
                before = Summary(round.Name, round.Criteria.Select(c => c.ToModel()).Select(c => new { c.Name, c.Weight, c.MaxScore, c.Threshold }),
                    Hundredths.From(round.PassThresholdHundredths), round.ExpertsPerItem, round.MaxLoad, Hundredths.From(round.SpreadLimitHundredths),
                    round.ScoringOpensAt, round.ScoringClosesAt, round.Visibility),
                after = Summary(req.Name.Trim(), req.Criteria.Select(c => new { c.Name, c.Weight, c.MaxScore, c.Threshold }), req.PassThreshold,
                    req.ExpertsPerItem, req.MaxLoadPerExpert, req.SpreadLimit, req.ScoringOpensAt, req.ScoringClosesAt, req.Visibility),
            });
            return await RoundStore.AnswerAsync(w, id);
        }, ct));
    }

    private static object Summary(string name, IEnumerable<object> criteria, decimal passThreshold, int expertsPerItem, int maxLoad, decimal spreadLimit,
        DateTimeOffset opensAt, DateTimeOffset closesAt, ReviewVisibility visibility) => new
    {
        name, criteria = criteria.ToList(), passThreshold, expertsPerItem, maxLoad, spreadLimit, opensAt, closesAt, visibility = visibility.ToString(),
    };
}
