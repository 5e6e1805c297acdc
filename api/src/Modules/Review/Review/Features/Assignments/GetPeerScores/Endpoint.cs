using System.Data.Common;
using Dapper;
using FastEndpoints;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Review.Contracts;
using Jiebang.Review.Domain;
using Jiebang.Review.Data;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Assignments.GetPeerScores;

/// <summary>Another expert's submitted sheet on the same item, without its name.</summary>
internal sealed class PeerSheet
{
    /// <summary>1, 2, 3 … in order of submission; never the expert's identity.</summary>
    public required int Reviewer { get; init; }
    public required List<ScoreValue> Scores { get; init; }
    public required decimal WeightedTotal { get; init; }
    public string? Comment { get; init; }
}

internal sealed class Response
{
    public required Guid AssignmentId { get; init; }
    public required Guid ItemId { get; init; }
    public required ReviewVisibility Visibility { get; init; }
    public required List<PeerSheet> Sheets { get; init; }
}

internal sealed class Endpoint(DbConnectionFactory db) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("/api/v1/review/assignments/{id:guid}/peers");
        Roles(Platform.Auth.Roles.Expert, Platform.Auth.Roles.TaskForce, Platform.Auth.Roles.Auditor);
        Description(b => b.Api("Assignments_PeerScores", "Review",
                "同一对象上其他专家已提交的评分（匿名；默认评分结束后可见，轮次允许时本人提交后可见） / "
                    + "Other experts' submitted sheets on the same item, anonymous: after the round closes, "
                    + "or after one's own submission when the round allows it")
            .Ok<Response>().Problems(401, 403, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var caller = User.Caller();
        await using var connection = await db.OpenAsync(ct);
        var row = await AssignmentStore.LoadAsync(connection, Route<Guid>("id"));
        var round = row is null ? null : await RoundStore.LoadAsync(connection, row.RoundId);
        // Before they may see them, an expert cannot tell whether other sheets exist at all: 404, like any score not its own.
        if (row is null || round is null || !row.IsVisibleTo(caller) || (!caller.ReadsEverything && !MaySee(round, row)))
        {
            await Send.ResultAsync(Problems.NotFound("assignment"));
        }
        else
        {
            await Send.OkAsync(await SheetsAsync(connection, row, round), ct);
        }
    }

    private static async Task<Response> SheetsAsync(DbConnection connection, AssignmentRow row, RoundRow round)
    {
        var rubric = round.Rubric();
        var sheets = (await connection.QueryAsync<Data.Row>(Data.SelectPeers, new { row.ItemId, row.Id })).AsList()
            .GroupBy(r => r.AssignmentId)
            .Select((g, i) =>
            {
                var scores = g.ToDictionary(r => r.Ordinal, r => Hundredths.From(r.Hundredths));
                return new PeerSheet
                {
                    Reviewer = i + 1,
                    Scores = scores.Select(s => new ScoreValue { Ordinal = s.Key, Score = s.Value }).ToList(),
                    WeightedTotal = ResultsCalculator.WeightedTotal(rubric, new ScoreSheet(Guid.Empty, scores)),
                    Comment = g.First().Comment,
                };
            }).ToList();
        return new Response { AssignmentId = row.Id, ItemId = row.ItemId, Visibility = round.Visibility, Sheets = sheets };
    }

    /// <summary>Scores are sealed until the round closes; a round that allows it opens them to an expert whose own sheet is submitted.</summary>
    private static bool MaySee(RoundRow round, AssignmentRow own) =>
        RoundLifecycle.IsPastScoring(round.Status)
        || (round.Visibility == ReviewVisibility.AfterOwnSubmission && own.Status == AssignmentStatus.Active && own.ScoreStatus == ScoreStatus.Submitted);
}
