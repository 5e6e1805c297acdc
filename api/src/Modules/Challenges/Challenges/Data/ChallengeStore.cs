using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Jiebang.Challenges.Contracts;
using Jiebang.Challenges.Domain;
using Jiebang.Challenges.Views;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Feed;
using Jiebang.Platform.Writes;

namespace Jiebang.Challenges.Data;

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

/// <summary>Challenges as stored with their indicators: loading, numbering and inserting, and the moves of their lifecycle.</summary>
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

    // Taking the next number and reading it in one transaction: the UPDATE locks the batch row on every provider.
    private const string NextNumber = """
        UPDATE challenges_batch SET challenge_seq = challenge_seq + 1 WHERE id = @BatchId AND status = @Draft
        """;

    private const string NextNumberInAnyBatch = "UPDATE challenges_batch SET challenge_seq = challenge_seq + 1 WHERE id = @BatchId";

    private const string ReadNumber = "SELECT code AS Code, challenge_seq AS Seq FROM challenges_batch WHERE id = @BatchId";

    public const string Insert = """
        INSERT INTO challenges_challenge (id, code, batch_id, organisation_id, organisation_name, field, title, title_en, background,
            deliverables, rd_months, planned_investment_fen, procurement_amount_fen, procurement_quantity, procurement_terms,
            contact_name, contact_phone, contact_email, status, status_reason, source_note, is_demo, created_by,
            created_at, updated_at, submitted_at, published_at, version)
        VALUES (@Id, @Code, @BatchId, @OrganisationId, @OrganisationName, @Field, @Title, @TitleEn, @Background,
            @Deliverables, @RdMonths, @PlannedInvestmentFen, @ProcurementAmountFen, @ProcurementQuantity, @ProcurementTerms,
            @ContactName, @ContactPhone, @ContactEmail, @Status, NULL, @SourceNote, @IsDemo, @CreatedBy,
            @Now, @Now, NULL, NULL, 1)
        """;

    /// <summary>A move of the lifecycle; the row's version must still be the one the move was decided on.</summary>
    private const string Move = """
        UPDATE challenges_challenge
        SET status = @To, status_reason = @Reason, updated_at = @Now, version = version + 1,
            submitted_at = CASE WHEN @IsSubmit = 1 THEN @Now ELSE submitted_at END,
            published_at = CASE WHEN @IsPublish = 1 THEN @Now ELSE published_at END
        WHERE id = @Id AND version = @Version
        """;

    public const string IdsInBatchWithStatus = "SELECT id FROM challenges_challenge WHERE batch_id = @BatchId AND status = @Status ORDER BY code";

    public static Task<ChallengeRow?> LoadAsync(DbConnection connection, Guid id, DbTransaction? tx = null) =>
        connection.QuerySingleOrDefaultAsync<ChallengeRow>(SelectOne, new { Id = id }, tx);

    /// <summary>The challenge as the write's caller may see it; null when it does not exist or is hidden from them.</summary>
    public static async Task<ChallengeRow?> LoadAsync(Write w, Guid id) =>
        await LoadAsync(w.Connection, id, w.Transaction) is { } row && (w.Caller.IsSystem || row.IsVisibleTo(w.Caller)) ? row : null;

    public static async Task<IReadOnlyList<Guid>> IdsInBatchAsync(DbConnection connection, Guid batchId, ChallengeStatus status,
        DbTransaction? tx = null) =>
        (await connection.QueryAsync<Guid>(IdsInBatchWithStatus, new { BatchId = batchId, Status = status.ToString() }, tx)).AsList();

    /// <summary>
    /// Stores a move <see cref="ChallengeLifecycle"/> allowed, with its audit record; once published a challenge is public, so
    /// is what becomes of it (awarded, 流榜, completed, terminated), in the feed. 412 when another writer changed the row first.
    /// </summary>
    public static async Task MoveAsync(Write w, ChallengeRow row, ChallengeAction action, ChallengeStatus to, string? reason)
    {
        Write.Changed(await w.ExecuteAsync(Move, new
        {
            row.Id, To = to.ToString(), Reason = reason, w.Now, row.Version,
            IsSubmit = action == ChallengeAction.Submit ? 1 : 0,
            IsPublish = action == ChallengeAction.Publish ? 1 : 0,
        }));
        await w.AuditAsync(Module, Entity, row.Id, action.ToString(), new { from = row.Status.ToString(), to = to.ToString(), reason });
        if (PublicAfter.Contains(to))
        {
            await w.FeedAsync(new FeedEvent(FeedTypes.ChallengeStatusChanged, "challenge", row.Id, FeedAudience.Everyone,
                new Dictionary<string, string>
                {
                    ["code"] = row.Code, ["title"] = row.Title, ["from"] = row.Status.ToString(), ["status"] = to.ToString(),
                }));
        }
    }

    /// <summary>
    /// A step of the lifecycle a user asks for: the challenge as the caller may see it (404), whether they may take the step
    /// (403), the version they expect (412) and whether <see cref="ChallengeLifecycle"/> allows it (409); then the move and
    /// the challenge as it now stands.
    /// </summary>
    public static async Task<WriteAnswer> StepAsync(Write w, Guid id, ChallengeAction action, Func<ChallengeRow, bool> mayAct, string? reason)
    {
        var row = Write.Found(await LoadAsync(w, id), "challenge");
        Write.Require(mayAct(row), ChallengeRefusals.NotPermitted());
        w.Matches(row.Version);
        Write.Require(ChallengeLifecycle.TryMove(row.Status, action, out var to), ChallengeRefusals.InvalidTransition(row.Status, action));
        await MoveAsync(w, row, action, to, reason);
        var detail = (await DetailAsync(w.Connection, id, w.Now, w.Transaction))!;
        return Write.Ok(detail, detail.Version);
    }

    private static readonly HashSet<ChallengeStatus> PublicAfter =
        [ChallengeStatus.Awarded, ChallengeStatus.Unawarded, ChallengeStatus.Completed, ChallengeStatus.Terminated];

    /// <summary>Inserts a challenge with its next code in the batch; used by the endpoint and by the demo data.</summary>
    /// <returns>The new id, or null when the batch does not exist or no longer collects needs.</returns>
    public static async Task<Guid?> InsertAsync(DbConnection connection, DbTransaction tx, Guid batchId, Guid organisationId,
        string organisationName, ChallengeContent content, ChallengeStatus status, Guid? createdBy, DateTimeOffset now,
        bool isDemo, string? sourceNote, bool anyBatchStatus = false)
    {
        var bumped = anyBatchStatus
            ? await connection.ExecuteAsync(NextNumberInAnyBatch, new { BatchId = batchId }, tx)
            : await connection.ExecuteAsync(NextNumber, new { BatchId = batchId, Draft = nameof(BatchStatus.Draft) }, tx);
        if (bumped == 0)
        {
            return null;
        }
        var number = await connection.QuerySingleAsync<Number>(ReadNumber, new { BatchId = batchId }, tx);
        var id = Guid.CreateVersion7();
        await connection.ExecuteAsync(Insert, new
        {
            Id = id,
            Code = $"{number.Code}-{number.Seq:D3}",
            BatchId = batchId,
            OrganisationId = organisationId,
            OrganisationName = organisationName,
            Field = content.Field.ToString(),
            Title = content.Title.Trim(),
            TitleEn = string.IsNullOrWhiteSpace(content.TitleEn) ? null : content.TitleEn.Trim(),
            Background = content.Background.Trim(),
            Deliverables = SerializeDeliverables(content.Deliverables),
            content.RdMonths,
            content.PlannedInvestmentFen,
            ProcurementAmountFen = content.Procurement.AmountFen,
            ProcurementQuantity = content.Procurement.Quantity,
            ProcurementTerms = content.Procurement.Terms,
            ContactName = content.Contact.Name.Trim(),
            ContactPhone = content.Contact.Phone.Trim(),
            ContactEmail = content.Contact.Email,
            Status = status.ToString(),
            SourceNote = sourceNote,
            IsDemo = isDemo,
            CreatedBy = createdBy,
            Now = now,
        }, tx);
        await ReplaceIndicatorsAsync(connection, tx, id, content.Indicators);
        return id;
    }

    private sealed class Number
    {
        public string Code { get; init; } = "";
        public int Seq { get; init; }
    }

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
