using FastEndpoints;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Jiebang.Review.Data;
using Jiebang.Review.Domain;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Assignments.SaveScore;

internal sealed class Endpoint(WritePath writes) : Endpoint<Request, ReviewAssignment>
{
    public override void Configure()
    {
        Put("/api/v1/review/assignments/{id:guid}/score");
        Roles(Platform.Auth.Roles.Expert);
        Description(b => b.Api("Assignments_SaveScore", "Review", "保存评分草稿 / Save the expert's own score sheet as a draft")
            .Body<Request>().IfMatch(required: false).Ok<ReviewAssignment>().ETag().Problems(400, 401, 403, 404, 409, 412)
            .Codes(409, "review.assignment_ended", "review.score_locked", "review.scoring_closed"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Versioned(IfMatch.Optional), async w =>
        {
            var (row, round) = await AssignmentStore.ForScoringAsync(w, id);
            var criteria = round.Criteria.ToDictionary(c => c.Ordinal);
            var errors = req.Scores
                .Select((s, i) => (s, i))
                .Where(x => !criteria.TryGetValue(x.s.Ordinal, out var c) || x.s.Score > c.MaxScore)
                .ToDictionary(x => $"scores[{x.i}].score", x => new[]
                {
                    criteria.TryGetValue(x.s.Ordinal, out var c)
                        ? $"分数应在 0 至 {c.MaxScore} 之间 / The score must be between 0 and {c.MaxScore}"
                        : $"没有第 {x.s.Ordinal} 项评分标准 / There is no criterion {x.s.Ordinal}",
                });
            Write.Require(errors.Count == 0, Problems.Validation(errors));
            Write.Changed(await w.ExecuteAsync(Data.Update, new { Id = id, row.Version, req.Comment, w.Now }));
            await w.ExecuteAsync(Data.DeleteScores, new { Id = id });
            await w.ExecuteAsync(Data.InsertScore, req.Scores.Select(s => new { Id = id, s.Ordinal, Hundredths = Hundredths.To(s.Score) }));
            await w.AuditAsync(RoundStore.Module, AssignmentStore.Entity, id, "SaveScore", new { criteria = req.Scores.Count });
            var view = await AssignmentStore.ReloadAsync(w, id);
            return Write.Ok(view, view.Version);
        }, ct));
    }
}
