using System.Data.Common;
using System.Text.Json;
using Dapper;
using Jiebang.Platform.Errors;

namespace Jiebang.Platform.Feed;

/// <summary>
/// One change a district portal or partner system can follow through GET /api/v1/feed, with the audience that may receive
/// it: exactly the callers who may open its resource (the task force and auditors, who open everything, always receive it).
/// </summary>
public sealed record FeedEvent(
    string Type,
    string ResourceType,
    Guid ResourceId,
    FeedAudience Audience,
    IReadOnlyDictionary<string, string> Data,
    DateTimeOffset? OccurredAt = null);

/// <summary>
/// Who receives a feed event besides the task force and auditors. The module that writes the event states it, because only
/// that module knows who may open the resource: everyone (public), or the callers in the given roles connected to the given
/// organisations. A person is connected to the organisation it belongs to; a district key (<see cref="Auth.Roles.District"/>)
/// to every organisation registered inside its district, as the organisation registry says when the feed is read.
/// </summary>
public sealed record FeedAudience
{
    private FeedAudience(bool isPublic, IReadOnlyCollection<Guid> organisations, IReadOnlyCollection<string> roles)
    {
        IsPublic = isPublic;
        Organisations = organisations;
        Roles = roles;
    }

    public bool IsPublic { get; }

    public IReadOnlyCollection<Guid> Organisations { get; }

    public IReadOnlyCollection<string> Roles { get; }

    /// <summary>Anyone, signed in or not: for resources everyone may open (published challenges, published batches).</summary>
    public static FeedAudience Everyone { get; } = new(true, [], []);

    /// <summary>
    /// The callers in <paramref name="roles"/> connected to any of <paramref name="organisations"/>, e.g. the applicant users
    /// of an application's lead and members and the district keys covering them: <c>Of(parties, Roles.Applicant, Roles.District)</c>.
    /// </summary>
    public static FeedAudience Of(IEnumerable<Guid> organisations, params string[] roles)
    {
        if (roles.Length == 0 || roles.Any(r => r is Auth.Roles.TaskForce or Auth.Roles.Auditor || !(Auth.Roles.IsPersonRole(r) || r == Auth.Roles.District)))
        {
            throw new ArgumentException(
                "Name the roles of the organisations' callers who may open the resource (the task force and auditors always may).", nameof(roles));
        }
        return new(false, organisations.Distinct().ToList(), roles.Distinct().ToList());
    }

    /// <summary>
    /// Every user of the organisation and the district keys covering it: for events about the organisation itself, which
    /// its own users and its district's keys may open.
    /// </summary>
    public static FeedAudience OfOrganisation(Guid organisationId) =>
        Of([organisationId], [.. Auth.Roles.People.Where(r => r is not (Auth.Roles.TaskForce or Auth.Roles.Auditor)), Auth.Roles.District]);
}

/// <summary>
/// 变更订阅的事件类型，发布后不再改变 / Event types of the change feed; stable once published, like problem codes.
/// Each value's description names the keys of its <c>data</c> (all values are strings).
/// </summary>
public static class FeedTypes
{
    /// <summary>技术需求随批次发布（公开）/ A challenge was published with its batch (public). data: code, title, field, batch (the batch's code), status
    /// (Published).</summary>
    public const string ChallengePublished = "challenge.published";
    /// <summary>技术需求状态变化（公开）/ A challenge changed state (public). data: code, title, from, status.</summary>
    public const string ChallengeStatusChanged = "challenge.status_changed";
    /// <summary>批次申报期开始（公开）/ A batch's application window opened (public). data: code, opensAt, closesAt (ISO 8601, UTC).</summary>
    public const string BatchWindowOpened = "batch.window_opened";
    /// <summary>批次申报期结束（公开）/ A batch's application window closed (public). data: code, opensAt, closesAt (ISO 8601, UTC).</summary>
    public const string BatchWindowClosed = "batch.window_closed";
    /// <summary>申报书状态变化（申报单位、其所在区、工作专班与审计可见）/ An application changed state (its organisations, their districts, the task force, auditors). data: code,
    /// challengeId, from, status.</summary>
    public const string ApplicationStatusChanged = "application.status_changed";
    /// <summary>论证结果公示（相关各方可见）/ A review round's results were publicised (the parties concerned). data: name, kind, objectionsCloseAt (ISO 8601,
    /// UTC).</summary>
    public const string ReviewRoundPublicised = "review.round_publicised";
    /// <summary>合作研发协议已登记（协议各方可见）/ An agreement was signed (its parties). data: code, applicationId, challengeId, commitmentFen.</summary>
    public const string AgreementSigned = "agreement.signed";
    /// <summary>主体登记信息经工作专班更正（该单位、其所在区、工作专班与审计可见）/ The task force corrected an organisation's record (the organisation, its district, the task force,
    /// auditors). data: creditCode, version.</summary>
    public const string OrganisationCorrected = "organisation.corrected";
}

/// <summary>
/// Records feed events inside the caller's transaction, so an event exists exactly when the change it describes does.
/// It takes no shared lock: events wait in platform_feed_pending until <see cref="FeedSequencer"/> gives the committed
/// ones their positions, which a reader of the feed does before it answers.
/// </summary>
public sealed class FeedWriter(TimeProvider clock)
{
    private const string InsertEvent = """
        INSERT INTO platform_feed_pending (id, occurred_at, type, resource_type, resource_id, is_public, payload)
        VALUES (@Id, @OccurredAt, @Type, @ResourceType, @ResourceId, @IsPublic, @Payload)
        """;

    private const string InsertReader = """
        INSERT INTO platform_feed_pending_reader (event_id, organisation_id, role) VALUES (@EventId, @OrganisationId, @Role)
        """;

    public Task AppendAsync(DbConnection connection, DbTransaction tx, FeedEvent feedEvent) =>
        AppendAsync(connection, tx, [feedEvent]);

    public async Task AppendAsync(DbConnection connection, DbTransaction tx, IReadOnlyCollection<FeedEvent> events)
    {
        foreach (var e in events)
        {
            var id = Guid.CreateVersion7();
            await connection.ExecuteAsync(InsertEvent, new
            {
                Id = id,
                OccurredAt = e.OccurredAt ?? clock.GetUtcNow(),
                e.Type,
                e.ResourceType,
                e.ResourceId,
                e.Audience.IsPublic,
                Payload = JsonSerializer.Serialize(e.Data, JsonDefaults.Options),
            }, tx);
            var readers = e.Audience.Organisations.SelectMany(o => e.Audience.Roles.Select(r => new { EventId = id, OrganisationId = o, Role = r })).ToList();
            if (readers.Count > 0)
            {
                await connection.ExecuteAsync(InsertReader, readers, tx);
            }
        }
    }
}

/// <summary>
/// Events that are due to time rather than to a request (an application window opening or closing). The sequencer asks
/// every registered catch-up, before it orders the waiting events, so a reader never waits for a background timer.
/// </summary>
public interface IFeedCatchUp
{
    /// <summary>A plain read: whether anything has become due. Called without the sequencer's lock, so only a hint.</summary>
    Task<bool> IsDueAsync(DbConnection connection, CancellationToken ct);

    /// <summary>Appends what is due, under the sequencer's lock (so two readers never append the same event).</summary>
    Task AppendDueAsync(DbConnection connection, DbTransaction tx, FeedWriter feed, CancellationToken ct);
}
