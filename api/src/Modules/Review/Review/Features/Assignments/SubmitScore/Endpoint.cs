using System.Globalization;
using FastEndpoints;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Jiebang.Review.Data;
using Jiebang.Review.Domain;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Assignments.SubmitScore;

internal sealed class Endpoint(WritePath writes) : EndpointWithoutRequest<ReviewAssignment>
{
    public override void Configure()
    {
        Post("/api/v1/review/assignments/{id:guid}/submit");
        Roles(Platform.Auth.Roles.Expert);
        Description(b => b.Api("Assignments_SubmitScore", "Review", "提交评分（提交后锁定） / Submit the score sheet; it is locked afterwards")
            .IfMatch(required: false).Ok<ReviewAssignment>().ETag().Problems(401, 403, 404, 409, 412)
            .Codes(409, "review.score_incomplete", "review.assignment_ended", "review.score_locked", "review.scoring_closed"), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Versioned(IfMatch.Optional), async w =>
        {
            var (row, round) = await AssignmentStore.ForScoringAsync(w, id);
            var scores = await AssignmentStore.ScoresAsync(w.Connection, id, w.Transaction);
            var missing = round.Criteria.Where(c => !scores.ContainsKey(c.Ordinal)).Select(c => c.Ordinal).ToList();
            Write.Require(missing.Count == 0, Problems.Conflict("review.score_incomplete",
                $"尚有评分标准未评分：{string.Join("、", missing)}", $"Criteria without a score: {string.Join(", ", missing)}"));
            Write.Changed(await w.ExecuteAsync(Data.Submit, new { Id = id, row.Version, w.Now }));
            await w.AuditAsync(RoundStore.Module, AssignmentStore.Entity, id, "SubmitScore", new
            {
                scores = scores.ToDictionary(s => s.Key.ToString(CultureInfo.InvariantCulture), s => Hundredths.From(s.Value)), row.Comment,
            });
            var view = await AssignmentStore.ReloadAsync(w, id);
            return Write.Ok(view, view.Version);
        }, ct));
    }
}
