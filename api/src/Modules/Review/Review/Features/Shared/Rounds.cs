using Jiebang.Platform.Http;
using System.Data.Common;
using System.Text.Json;
using Dapper;
using Jiebang.Platform.Database;
using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Errors;
using Jiebang.Review.Contracts;
using Jiebang.Review.Domain;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Review.Features.Shared;

internal sealed class RoundRow
{
    public Guid Id { get; set; }
    public ReviewRoundKind Kind { get; set; }
    public string Name { get; set; } = "";
    public ReviewRoundStatus Status { get; set; }
    public int PassThresholdHundredths { get; set; }
    public int ExpertsPerItem { get; set; }
    public int MaxLoad { get; set; }
    public int SpreadLimitHundredths { get; set; }
    public DateTimeOffset ScoringOpensAt { get; set; }
    public DateTimeOffset ScoringClosesAt { get; set; }
    public ReviewVisibility Visibility { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublicisedAt { get; set; }
    public DateTimeOffset? ObjectionsCloseAt { get; set; }
    public int Version { get; set; }
    public List<CriterionRow> Criteria { get; set; } = [];

    public IReadOnlyList<Criterion> Rubric() => Criteria.Select(c => c.ToDomain()).ToList();

    public bool ScoringWindowOpen(DateTimeOffset now) => now >= ScoringOpensAt && now < ScoringClosesAt;
}

internal sealed class CriterionRow
{
    public int Ordinal { get; set; }
    public string Name { get; set; } = "";
    public int WeightHundredths { get; set; }
    public int MaxScore { get; set; }
    public int? ThresholdHundredths { get; set; }

    public Criterion ToDomain() => new(Ordinal, Name, Hundredths.From(WeightHundredths), MaxScore,
        ThresholdHundredths is { } t ? Hundredths.From(t) : null);

    public ReviewCriterion ToModel() => new()
    {
        Ordinal = Ordinal, Name = Name, Weight = Hundredths.From(WeightHundredths), MaxScore = MaxScore,
        Threshold = ThresholdHundredths is { } t ? Hundredths.From(t) : null,
    };
}

internal sealed class ItemRow
{
    public Guid Id { get; set; }
    public Guid RoundId { get; set; }
    public Guid SubjectId { get; set; }
    public string SubjectCode { get; set; } = "";
    public string Title { get; set; } = "";
    public ChallengeField Field { get; set; }
    public Guid IssuerOrganisationId { get; set; }
    public string ConflictOrganisations { get; set; } = "";
    public string? ConflictPeople { get; set; }
    public Guid? ChallengeId { get; set; }
    public bool? Passed { get; set; }
    public int ActiveAssignments { get; set; }

    public IReadOnlySet<Guid> ConflictSet() =>
        ConflictOrganisations.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToHashSet();

    public IReadOnlyList<PersonRef> PeopleList() => PeopleCodec.Parse(ConflictPeople);

    /// <summary>The parties of the item (issuer, lead, consortium members): the only organisations that see it during publication.</summary>
    public bool IsParty(Guid? organisationId) => organisationId is { } org && ConflictSet().Contains(org);
}

/// <summary>A round with one of its items, loaded together by the slices that act on a single item.</summary>
internal sealed record RoundItem(RoundRow Round, ItemRow Item);

/// <summary>The people of an item (project lead, team) kept with it as JSON, so assignment never asks another module again.</summary>
internal static class PeopleCodec
{
    private sealed class Stored
    {
        public string Name { get; set; } = "";
        public Guid? OrganisationId { get; set; }
    }

    public static string Format(IEnumerable<PersonRef> people) =>
        JsonSerializer.Serialize(people.Select(p => new Stored { Name = p.Name, OrganisationId = p.OrganisationId }).ToList());

    public static IReadOnlyList<PersonRef> Parse(string? json) => string.IsNullOrEmpty(json)
        ? []
        : (JsonSerializer.Deserialize<List<Stored>>(json) ?? []).Select(p => new PersonRef(p.Name, p.OrganisationId)).ToList();
}

/// <summary>Scores and thresholds are stored as integer hundredths; the API speaks decimals with at most two places.</summary>
internal static class Hundredths
{
    public static decimal From(int value) => value / 100m;

    public static int To(decimal value) => (int)decimal.Round(value * 100m, 0, MidpointRounding.AwayFromZero);

    public static bool HasAtMostTwoPlaces(decimal value) => decimal.Round(value, 2) == value;
}

/// <summary>A criterion of a round's rubric.</summary>
internal sealed class ReviewCriterion
{
    public required int Ordinal { get; init; }
    public required string Name { get; init; }
    /// <summary>权重，计算加权总分时乘以该项得分 / Multiplies the criterion's score in the weighted total.</summary>
    [StoredAsHundredths]
    public required decimal Weight { get; init; }
    public required int MaxScore { get; init; }
    /// <summary>该项平均分的通过下限（如设置）/ Minimum mean score on this criterion to pass, when set.</summary>
    [StoredAsHundredths]
    public decimal? Threshold { get; init; }
}

/// <summary>An item under review: a challenge (need review) or an application.</summary>
internal sealed class ReviewItem
{
    public required Guid Id { get; init; }
    public required Guid SubjectId { get; init; }
    public required string SubjectCode { get; init; }
    public required string Title { get; init; }
    public required ChallengeField Field { get; init; }
    public required int ActiveAssignments { get; init; }
}

/// <summary>A review round (论证轮次).</summary>
internal sealed class ReviewRound
{
    public required Guid Id { get; init; }
    public required ReviewRoundKind Kind { get; init; }
    public required string Name { get; init; }
    public required ReviewRoundStatus Status { get; init; }
    /// <summary>通过线：加权总分截尾均值的下限 / Minimum trimmed mean of the weighted totals to pass.</summary>
    [StoredAsHundredths]
    public required decimal PassThreshold { get; init; }
    public required int ExpertsPerItem { get; init; }
    public required int MaxLoadPerExpert { get; init; }
    /// <summary>分歧上限：最高与最低加权总分之差超过此值时标记 / Results flag an item whose highest and lowest weighted totals differ by more than this.</summary>
    [StoredAsHundredths]
    public required decimal SpreadLimit { get; init; }
    public required DateTimeOffset ScoringOpensAt { get; init; }
    public required DateTimeOffset ScoringClosesAt { get; init; }
    /// <summary>Whether an expert may see others' submitted sheets once it has submitted its own; by default none before close.</summary>
    public required ReviewVisibility Visibility { get; init; }
    /// <summary>When the decided list was publicised (公示), and when its objection period ends.</summary>
    public DateTimeOffset? PublicisedAt { get; init; }
    public DateTimeOffset? ObjectionsCloseAt { get; init; }
    public required List<ReviewCriterion> Criteria { get; init; }
    public required List<ReviewItem> Items { get; init; }
    public required int Version { get; init; }
}

internal static class RoundStore
{
    public const string Module = "Review";
    public const string Entity = "Round";

    private const string Columns = """
        id AS Id, kind AS Kind, name AS Name, status AS Status, pass_threshold_hundredths AS PassThresholdHundredths,
        experts_per_item AS ExpertsPerItem, max_load AS MaxLoad, spread_limit_hundredths AS SpreadLimitHundredths,
        scoring_opens_at AS ScoringOpensAt, scoring_closes_at AS ScoringClosesAt, visibility AS Visibility, created_at AS CreatedAt, updated_at AS UpdatedAt,
        publicised_at AS PublicisedAt, objections_close_at AS ObjectionsCloseAt, version AS Version
        """;

    private const string SelectCriteria = """
        SELECT ordinal AS Ordinal, name AS Name, weight_hundredths AS WeightHundredths, max_score AS MaxScore, threshold_hundredths AS ThresholdHundredths
        FROM review_criterion WHERE round_id = @Id ORDER BY ordinal
        """;

    private const string ItemColumns = """
        SELECT i.id AS Id, i.round_id AS RoundId, i.subject_id AS SubjectId, i.subject_code AS SubjectCode, i.title AS Title, i.field AS Field,
               i.issuer_organisation_id AS IssuerOrganisationId, i.conflict_organisations AS ConflictOrganisations,
               i.conflict_people AS ConflictPeople, i.challenge_id AS ChallengeId, i.passed AS Passed,
               (SELECT COUNT(*) FROM review_assignment a WHERE a.item_id = i.id AND a.status = 'Active') AS ActiveAssignments
        FROM review_item i
        """;

    private const string SelectItems = ItemColumns + " WHERE i.round_id = @Id ORDER BY i.added_at, i.id";

    private const string SelectItem = ItemColumns + " WHERE i.id = @ItemId AND i.round_id = @Id";

    public const string Move = """
        UPDATE review_round SET status = @To, updated_at = @Now, version = version + 1 WHERE id = @Id AND status = @From
        """;

    /// <summary>Moves the round from one state to another; false when a concurrent request moved it first (nothing to write then).</summary>
    public static async Task<bool> MoveAsync(DbConnection connection, DbTransaction tx, Guid id, ReviewRoundStatus from, ReviewRoundStatus to, DateTimeOffset now) =>
        await connection.ExecuteAsync(Move, new { Id = id, From = from.ToString(), To = to.ToString(), Now = now }, tx) == 1;

    public const string Lock = "UPDATE review_round SET updated_at = @Now, version = version + 1 WHERE id = @Id AND version = @Version";

    /// <summary>
    /// Holds the round's row until the transaction ends, so that writes to one round (objections, resolutions, decisions,
    /// matchmaking, transitions) take turns and each reads what the one before it committed. Call it before reading the round.
    /// </summary>
    public static Task LockAsync(DbConnection connection, DbTransaction tx, SqlDialect dialect, Guid id) =>
        connection.ExecuteScalarAsync<Guid?>($"SELECT id FROM review_round {dialect.LockHint} WHERE id = @Id {dialect.ForUpdate}", new { Id = id }, tx);

    public static IResult ChangedConcurrently() =>
        Problems.Conflict("review.concurrent_change", "本轮论证刚被他人修改，请重试", "The round was changed by a concurrent request; try again");

    public static async Task<RoundRow?> LoadAsync(DbConnection connection, Guid id, DbTransaction? tx = null)
    {
        var row = await connection.QuerySingleOrDefaultAsync<RoundRow>($"SELECT {Columns} FROM review_round WHERE id = @Id", new { Id = id }, tx);
        if (row is not null)
        {
            row.Criteria = (await connection.QueryAsync<CriterionRow>(SelectCriteria, new { Id = id }, tx)).AsList();
        }
        return row;
    }

    public static async Task<List<ItemRow>> ItemsAsync(DbConnection connection, Guid roundId, DbTransaction? tx = null) =>
        (await connection.QueryAsync<ItemRow>(SelectItems, new { Id = roundId }, tx)).AsList();

    /// <summary>The round and one of its items; null when either is missing or the item belongs to another round.</summary>
    public static async Task<RoundItem?> ItemAsync(DbConnection connection, Guid roundId, Guid itemId, DbTransaction? tx = null)
    {
        var round = await LoadAsync(connection, roundId, tx);
        var item = round is null ? null : await connection.QuerySingleOrDefaultAsync<ItemRow>(SelectItem, new { Id = roundId, ItemId = itemId }, tx);
        return item is null ? null : new RoundItem(round!, item);
    }

    public static async Task<ReviewRound> ViewAsync(DbConnection connection, RoundRow row, DbTransaction? tx = null)
    {
        var items = await ItemsAsync(connection, row.Id, tx);
        return new ReviewRound
        {
            Id = row.Id, Kind = row.Kind, Name = row.Name, Status = row.Status, PassThreshold = Hundredths.From(row.PassThresholdHundredths),
            ExpertsPerItem = row.ExpertsPerItem, MaxLoadPerExpert = row.MaxLoad, SpreadLimit = Hundredths.From(row.SpreadLimitHundredths),
            ScoringOpensAt = row.ScoringOpensAt, ScoringClosesAt = row.ScoringClosesAt, Visibility = row.Visibility, PublicisedAt = row.PublicisedAt,
            ObjectionsCloseAt = row.ObjectionsCloseAt, Criteria = row.Criteria.Select(c => c.ToModel()).ToList(),
            Items = items.Select(i => new ReviewItem
            {
                Id = i.Id, SubjectId = i.SubjectId, SubjectCode = i.SubjectCode, Title = i.Title, Field = i.Field, ActiveAssignments = i.ActiveAssignments,
            }).ToList(),
            Version = row.Version,
        };
    }

    public static IResult InvalidState(ReviewRoundStatus status, string action) =>
        Problems.Conflict("review.round_invalid_state", $"论证轮次当前状态（{status}）不允许{action}", $"A round in state {status} does not allow this");
}
