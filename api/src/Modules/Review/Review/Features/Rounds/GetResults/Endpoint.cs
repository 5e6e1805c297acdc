using System.Data.Common;
using FastEndpoints;
using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Review.Contracts;
using Jiebang.Review.Domain;
using Jiebang.Review.Data;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Rounds.GetResults;

internal sealed class CriterionResult
{
    public required int Ordinal { get; init; }
    public required string Name { get; init; }
    /// <summary>该项平均分 / Mean score on this criterion.</summary>
    [StoredAsHundredths]
    public required decimal Mean { get; init; }
    /// <summary>该项通过下限（如设置）/ The criterion's pass threshold, when set.</summary>
    [StoredAsHundredths]
    public decimal? Threshold { get; init; }
    public required bool Passed { get; init; }
}

internal sealed class ItemResultView
{
    public required Guid ItemId { get; init; }
    public required Guid SubjectId { get; init; }
    public required string SubjectCode { get; init; }
    public required string Title { get; init; }
    public required ChallengeField Field { get; init; }
    /// <summary>Submitted score sheets.</summary>
    public required int Count { get; init; }
    /// <summary>Mean of the weighted totals, the highest and lowest dropped when there are at least 5.</summary>
    [StoredAsHundredths]
    public decimal? TrimmedMean { get; init; }
    public required bool Trimmed { get; init; }
    /// <summary>加权总分的标准差 / Standard deviation of the weighted totals.</summary>
    [StoredAsHundredths]
    public decimal? StandardDeviation { get; init; }
    /// <summary>最高与最低加权总分之差 / Highest minus lowest weighted total.</summary>
    [StoredAsHundredths]
    public decimal? Spread { get; init; }
    /// <summary>The spread exceeds the round's limit: the committee should discuss the item.</summary>
    public required bool SpreadFlag { get; init; }
    /// <summary>Equal means share a rank (1, 1, 3); items without scores are unranked.</summary>
    public int? Rank { get; init; }
    public required bool Passed { get; init; }
    public required List<CriterionResult> Criteria { get; init; }
}

internal sealed class Response
{
    public required Guid RoundId { get; init; }
    public required ReviewRoundKind Kind { get; init; }
    public required ReviewRoundStatus Status { get; init; }
    /// <summary>通过线 / The round's pass threshold.</summary>
    [StoredAsHundredths]
    public required decimal PassThreshold { get; init; }
    /// <summary>分歧上限 / The round's spread limit.</summary>
    [StoredAsHundredths]
    public required decimal SpreadLimit { get; init; }
    public required List<ItemResultView> Items { get; init; }
}

internal sealed class Endpoint(DbConnectionFactory db) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("/api/v1/review/rounds/{id:guid}/results");
        // Experts never see results: scores stay independent (DESIGN: no expert sees another's), so the role may not call this.
        Roles(Platform.Auth.Roles.TaskForce, Platform.Auth.Roles.Auditor);
        Description(b => b.Api("Rounds_Results", "Review",
                "论证结果（评分结束后；截尾均值、标准差、排名、是否通过、分歧标记） / Results after scoring closes: trimmed mean, deviation, rank, pass, spread flag")
            .Ok<Response>().Problems(401, 403, 404, 409).Codes(409, "review.round_not_closed"), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var caller = User.Caller();
        await using var connection = await db.OpenAsync(ct);
        var round = await RoundStore.LoadAsync(connection, Route<Guid>("id"));
        if (round is null || !caller.ReadsEverything)
        {
            await Send.ResultAsync(Problems.NotFound("round"));
        }
        else if (!RoundLifecycle.IsPastScoring(round.Status))
        {
            await Send.ResultAsync(Problems.Conflict("review.round_not_closed", "评分尚未结束", "Results are available once scoring is closed"));
        }
        else
        {
            await Send.OkAsync(await ComputeAsync(connection, round), ct);
        }
    }

    /// <summary>The results view of a round past scoring (the raw baseline of the benchmark serves the same).</summary>
    internal static async Task<Response> ComputeAsync(DbConnection connection, RoundRow round)
    {
        var (items, results) = await RoundResults.ReadAsync(connection, round);
        var rubric = round.Rubric();
        var byId = items.ToDictionary(i => i.Id);
        return new Response
        {
            RoundId = round.Id, Kind = round.Kind, Status = round.Status, PassThreshold = Hundredths.From(round.PassThresholdHundredths),
            SpreadLimit = Hundredths.From(round.SpreadLimitHundredths),
            Items = results.Select(r => new ItemResultView
            {
                ItemId = r.ItemId, SubjectId = byId[r.ItemId].SubjectId, SubjectCode = byId[r.ItemId].SubjectCode, Title = byId[r.ItemId].Title,
                Field = byId[r.ItemId].Field, Count = r.Count, TrimmedMean = r.TrimmedMean, Trimmed = r.Trimmed,
                StandardDeviation = r.StandardDeviation, Spread = r.Spread, SpreadFlag = r.SpreadFlag, Rank = r.Rank, Passed = r.Passed,
                Criteria = rubric.Select(c => new CriterionResult
                {
                    Ordinal = c.Ordinal, Name = c.Name, Mean = r.CriterionMeans.GetValueOrDefault(c.Ordinal), Threshold = c.Threshold,
                    Passed = !r.FailedCriteria.Contains(c.Ordinal),
                }).ToList(),
            }).ToList(),
        };
    }
}
