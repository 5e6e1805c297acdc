using System.Data.Common;
using System.Text.Json;
using Dapper;
using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Writes;
using Jiebang.Review.Contracts;
using Jiebang.Review.Domain;
using Jiebang.Review.Views;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Review.Data;

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

    /// <summary>Moves the round along a step of its lifecycle; refused as a concurrent change when another request moved it first.</summary>
    public static async Task MoveAsync(Write w, Guid id, RoundTransition step) => Write.Require(
        await w.ExecuteAsync(Move, new { Id = id, From = step.From.ToString(), To = step.To.ToString(), w.Now }) == 1, ChangedConcurrently());

    public const string Lock = "UPDATE review_round SET updated_at = @Now, version = version + 1 WHERE id = @Id AND version = @Version";

    /// <summary>
    /// Holds the round's row until the transaction ends, so that writes to one round (objections, resolutions, decisions,
    /// matchmaking, transitions) take turns and each reads what the one before it committed. Call it before reading the round.
    /// </summary>
    public static Task LockAsync(DbConnection connection, DbTransaction tx, SqlDialect dialect, Guid id) =>
        connection.ExecuteScalarAsync<Guid?>($"SELECT id FROM review_round {dialect.LockHint} WHERE id = @Id {dialect.ForUpdate}", new { Id = id }, tx);

    /// <summary>Takes the round's row (<see cref="LockAsync"/>) and loads it; 404 when there is none.</summary>
    public static async Task<RoundRow> LockedAsync(Write w, Guid id)
    {
        await LockAsync(w.Connection, w.Transaction, w.Dialect, id);
        return Write.Found(await LoadAsync(w.Connection, id, w.Transaction), "round");
    }

    /// <summary>
    /// Bumps the version of the round as read, so concurrent writers that read the same version take turns: the second is
    /// refused as a concurrent change.
    /// </summary>
    public static async Task TouchAsync(Write w, RoundRow round) =>
        Write.Require(await w.ExecuteAsync(Lock, new { round.Id, round.Version, w.Now }) == 1, ChangedConcurrently());

    /// <summary>The answer of a change to a round: the round as it now stands, with its version.</summary>
    public static async Task<WriteAnswer> AnswerAsync(Write w, Guid id)
    {
        var view = await ViewAsync(w.Connection, (await LoadAsync(w.Connection, id, w.Transaction))!, w.Transaction);
        return Write.Ok(view, view.Version);
    }

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

    public const string InsertCriterion = """
        INSERT INTO review_criterion (round_id, ordinal, name, weight_hundredths, max_score, threshold_hundredths)
        VALUES (@RoundId, @Ordinal, @Name, @WeightHundredths, @MaxScore, @ThresholdHundredths)
        """;

    private const string DeleteCriteria = "DELETE FROM review_criterion WHERE round_id = @Id";

    /// <summary>Stores a round's rubric in the order given (ordinals from 1), replacing the one it had.</summary>
    public static async Task ReplaceCriteriaAsync(Write w, Guid roundId, IEnumerable<(string Name, decimal Weight, int MaxScore, decimal? Threshold)> criteria)
    {
        await w.ExecuteAsync(DeleteCriteria, new { Id = roundId });
        await w.ExecuteAsync(InsertCriterion, criteria.Select((c, i) => new
        {
            RoundId = roundId, Ordinal = i + 1, Name = c.Name.Trim(), WeightHundredths = Hundredths.To(c.Weight), c.MaxScore,
            ThresholdHundredths = c.Threshold is { } t ? Hundredths.To(t) : (int?)null,
        }));
    }

    private const string Exists = "SELECT COUNT(*) FROM review_round WHERE id = @Id";

    public static async Task<bool> ExistsAsync(DbConnectionFactory db, Guid id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>(Exists, new { Id = id }) > 0;
    }

    private const string PartyLists = "SELECT conflict_organisations FROM review_item WHERE round_id = @RoundId";

    /// <summary>Whether the organisation is a party (issuer, lead or member) of one of the round's items.</summary>
    public static async Task<bool> IsPartyAsync(DbConnection connection, Guid roundId, Guid organisationId) =>
        (await connection.QueryAsync<string>(PartyLists, new { RoundId = roundId }))
            .Any(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).Contains(organisationId));

    private const string Parties = """
        SELECT issuer_organisation_id AS IssuerOrganisationId, conflict_organisations AS ConflictOrganisations FROM review_item WHERE round_id = @Id
        """;

    private sealed class PartyRow
    {
        public Guid IssuerOrganisationId { get; set; }
        public string ConflictOrganisations { get; set; } = "";
    }

    /// <summary>Every party of the round's items (issuers, leads, members), once each.</summary>
    public static async Task<List<Guid>> PartiesAsync(Write w, Guid roundId) => (await w.QueryAsync<PartyRow>(Parties, new { Id = roundId }))
        .SelectMany(p => p.ConflictOrganisations.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).Append(p.IssuerOrganisationId))
        .Distinct().ToList();
}
