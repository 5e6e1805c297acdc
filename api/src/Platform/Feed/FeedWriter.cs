using System.Data.Common;
using System.Text.Json;
using Dapper;
using Jiebang.Platform.Errors;

namespace Jiebang.Platform.Feed;

/// <summary>
/// One change a district portal or partner system can follow through GET /api/v1/feed. Public events are seen by everyone;
/// the others by the task force, auditors, the organisations named here and district keys covering their regions.
/// </summary>
public sealed record FeedEvent(
    string Type,
    string ResourceType,
    Guid ResourceId,
    bool IsPublic,
    IReadOnlyDictionary<string, string> Data,
    IReadOnlyCollection<Guid>? Organisations = null,
    DateTimeOffset? OccurredAt = null);

/// <summary>Event types; stable once published, like problem codes.</summary>
public static class FeedTypes
{
    public const string ChallengePublished = "challenge.published";
    public const string ChallengeStatusChanged = "challenge.status_changed";
    public const string BatchWindowOpened = "batch.window_opened";
    public const string BatchWindowClosed = "batch.window_closed";
    public const string ApplicationStatusChanged = "application.status_changed";
    public const string ReviewRoundPublicised = "review.round_publicised";
    public const string AgreementSigned = "agreement.signed";
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

    private const string InsertAudience = """
        INSERT INTO platform_feed_pending_audience (event_id, organisation_id, region_code)
        SELECT @EventId, id, region_code FROM platform_organisation WHERE id = @OrganisationId
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
                e.IsPublic,
                Payload = JsonSerializer.Serialize(e.Data, JsonDefaults.Options),
            }, tx);
            foreach (var organisationId in (e.Organisations ?? []).Distinct())
            {
                await connection.ExecuteAsync(InsertAudience, new { EventId = id, OrganisationId = organisationId }, tx);
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
