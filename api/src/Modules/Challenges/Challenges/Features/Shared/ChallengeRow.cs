using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Jiebang.Challenges.Contracts;
using Jiebang.Challenges.Domain;
using Jiebang.Platform.Auth;

namespace Jiebang.Challenges.Features.Shared;

/// <summary>A challenge as stored, joined with its batch window.</summary>
internal sealed class ChallengeRow
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public Guid BatchId { get; init; }
    public string BatchCode { get; init; } = "";
    public string BatchName { get; init; } = "";
    public string BatchStatus { get; init; } = "";
    public Guid OrganisationId { get; init; }
    public string OrganisationName { get; init; } = "";
    public ChallengeField Field { get; init; }
    public string Title { get; init; } = "";
    public string? TitleEn { get; init; }
    public string Background { get; init; } = "";
    public string Deliverables { get; init; } = "[]";
    public int RdMonths { get; init; }
    public long PlannedInvestmentFen { get; init; }
    public long? ProcurementAmountFen { get; init; }
    public string? ProcurementQuantity { get; init; }
    public string? ProcurementTerms { get; init; }
    public string ContactName { get; init; } = "";
    public string ContactPhone { get; init; } = "";
    public string? ContactEmail { get; init; }
    public ChallengeStatus Status { get; init; }
    public string? StatusReason { get; init; }
    public string? SourceNote { get; init; }
    public bool IsDemo { get; init; }
    public string OpensOn { get; init; } = "";
    public string ClosesOn { get; init; } = "";
    public DateTimeOffset OpensAt { get; init; }
    public DateTimeOffset ClosesAt { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public int Version { get; init; }

    /// <summary>Published challenges are public; anything else only for its issuer, the task force and auditors.</summary>
    public bool IsVisibleTo(Caller caller) =>
        ChallengeLifecycle.IsPublic(Status) || caller.ReadsEverything || (caller.IsIssuer && caller.BelongsTo(OrganisationId));

    public bool IsOwnedBy(Caller caller) => caller.IsIssuer && caller.BelongsTo(OrganisationId);
}

internal static class ChallengeStore
{
    public const string Module = "Challenges";
    public const string Entity = "Challenge";

    public const string Columns = """
        c.id AS Id, c.code AS Code, c.batch_id AS BatchId, b.code AS BatchCode, b.name AS BatchName, b.status AS BatchStatus,
        c.organisation_id AS OrganisationId, c.organisation_name AS OrganisationName, c.field AS Field, c.title AS Title,
        c.title_en AS TitleEn, c.background AS Background, c.deliverables AS Deliverables, c.rd_months AS RdMonths,
        c.planned_investment_fen AS PlannedInvestmentFen, c.procurement_amount_fen AS ProcurementAmountFen,
        c.procurement_quantity AS ProcurementQuantity, c.procurement_terms AS ProcurementTerms,
        c.contact_name AS ContactName, c.contact_phone AS ContactPhone, c.contact_email AS ContactEmail,
        c.status AS Status, c.status_reason AS StatusReason, c.source_note AS SourceNote, c.is_demo AS IsDemo,
        b.opens_on AS OpensOn, b.closes_on AS ClosesOn, b.opens_at AS OpensAt, b.closes_at AS ClosesAt,
        c.submitted_at AS SubmittedAt, c.published_at AS PublishedAt, c.created_at AS CreatedAt, c.updated_at AS UpdatedAt,
        c.version AS Version
        """;

    private const string SelectOne = $"SELECT {Columns} FROM challenges_challenge c JOIN challenges_batch b ON b.id = c.batch_id WHERE c.id = @Id";

    private const string SelectIndicators = """
        SELECT id AS Id, ordinal AS Ordinal, name AS Name, target AS Target, unit AS Unit, verification AS Verification
        FROM challenges_indicator WHERE challenge_id = @Id ORDER BY ordinal
        """;

    private const string DeleteIndicators = "DELETE FROM challenges_indicator WHERE challenge_id = @Id";

    private const string InsertIndicator = """
        INSERT INTO challenges_indicator (id, challenge_id, ordinal, name, target, unit, verification)
        VALUES (@Id, @ChallengeId, @Ordinal, @Name, @Target, @Unit, @Verification)
        """;

    public static Task<ChallengeRow?> LoadAsync(DbConnection connection, Guid id, DbTransaction? tx = null) =>
        connection.QuerySingleOrDefaultAsync<ChallengeRow>(SelectOne, new { Id = id }, tx);

    public static async Task<IReadOnlyList<Indicator>> IndicatorsAsync(DbConnection connection, Guid id, DbTransaction? tx = null) =>
        (await connection.QueryAsync<Indicator>(SelectIndicators, new { Id = id }, tx)).AsList();

    public static async Task ReplaceIndicatorsAsync(DbConnection connection, DbTransaction tx, Guid challengeId, IReadOnlyList<IndicatorInput> indicators)
    {
        await connection.ExecuteAsync(DeleteIndicators, new { Id = challengeId }, tx);
        await connection.ExecuteAsync(InsertIndicator, indicators.Select((i, n) => new
        {
            Id = Guid.CreateVersion7(), ChallengeId = challengeId, Ordinal = n + 1,
            Name = i.Name.Trim(), Target = i.Target.Trim(), i.Unit, i.Verification,
        }), tx);
    }

    public static string SerializeDeliverables(IEnumerable<string> deliverables) =>
        JsonSerializer.Serialize(deliverables.Select(d => d.Trim()).ToArray());

    public static async Task<ChallengeDetail?> DetailAsync(DbConnection connection, Guid id, DateTimeOffset now, DbTransaction? tx = null)
    {
        var row = await LoadAsync(connection, id, tx);
        return row is null ? null : ToDetail(row, await IndicatorsAsync(connection, id, tx), now);
    }

    public static ChallengeDetail ToDetail(ChallengeRow row, IReadOnlyList<Indicator> indicators, DateTimeOffset now) => new()
    {
        Id = row.Id,
        Code = row.Code,
        BatchId = row.BatchId,
        BatchCode = row.BatchCode,
        BatchName = row.BatchName,
        OrganisationId = row.OrganisationId,
        IssuerName = row.OrganisationName,
        Field = row.Field,
        FieldName = ChallengeFields.NameZh(row.Field),
        Title = row.Title,
        TitleEn = row.TitleEn,
        Background = row.Background,
        Indicators = indicators,
        Deliverables = JsonSerializer.Deserialize<string[]>(row.Deliverables) ?? [],
        RdMonths = row.RdMonths,
        PlannedInvestmentFen = row.PlannedInvestmentFen,
        Procurement = new ProcurementCommitment
        {
            AmountFen = row.ProcurementAmountFen, Quantity = row.ProcurementQuantity, Terms = row.ProcurementTerms,
        },
        Contact = new ContactInfo { Name = row.ContactName, Phone = row.ContactPhone, Email = row.ContactEmail },
        Status = row.Status,
        StatusReason = row.StatusReason,
        Phase = ApplicationWindow.PhaseAt(row.OpensAt, row.ClosesAt, now),
        OpensOn = ParseDay(row.OpensOn),
        ClosesOn = ParseDay(row.ClosesOn),
        OpensAt = row.OpensAt,
        ClosesAt = row.ClosesAt,
        SubmittedAt = row.SubmittedAt,
        PublishedAt = row.PublishedAt,
        CreatedAt = row.CreatedAt,
        UpdatedAt = row.UpdatedAt,
        SourceNote = row.SourceNote,
        IsDemo = row.IsDemo,
        Version = row.Version,
    };

    public static DateOnly ParseDay(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string FormatDay(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
