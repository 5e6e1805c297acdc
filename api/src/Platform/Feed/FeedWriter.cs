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
}

/// <summary>
/// Appends feed events inside the caller's transaction, so an event exists exactly when the change it describes does.
/// Positions come from one counter row whose lock is held until the transaction ends: transactions that write events
/// commit in position order, so a reader that has seen position N never later finds a smaller one appear. Append as the
/// last step before commit to keep that lock short.
/// </summary>
public sealed class FeedWriter(TimeProvider clock)
{
    private const string Next = "UPDATE platform_feed_counter SET last_position = last_position + 1 WHERE id = 1";
    private const string Current = "SELECT last_position FROM platform_feed_counter WHERE id = 1";
    private const string Lock = "UPDATE platform_feed_counter SET last_position = last_position WHERE id = 1";

    private const string InsertEvent = """
        INSERT INTO platform_feed_event (position, id, occurred_at, type, resource_type, resource_id, is_public, payload)
        VALUES (@Position, @Id, @OccurredAt, @Type, @ResourceType, @ResourceId, @IsPublic, @Payload)
        """;

    private const string InsertAudience = """
        INSERT INTO platform_feed_audience (position, organisation_id, region_code)
        SELECT @Position, id, region_code FROM platform_organisation WHERE id = @OrganisationId
        """;

    public Task AppendAsync(DbConnection connection, DbTransaction tx, FeedEvent feedEvent) =>
        AppendAsync(connection, tx, [feedEvent]);

    public async Task AppendAsync(DbConnection connection, DbTransaction tx, IReadOnlyCollection<FeedEvent> events)
    {
        foreach (var e in events)
        {
            await connection.ExecuteAsync(Next, transaction: tx);
            var position = await connection.ExecuteScalarAsync<long>(Current, transaction: tx);
            await connection.ExecuteAsync(InsertEvent, new
            {
                Position = position,
                Id = Guid.CreateVersion7(),
                OccurredAt = e.OccurredAt ?? clock.GetUtcNow(),
                e.Type,
                e.ResourceType,
                e.ResourceId,
                e.IsPublic,
                Payload = JsonSerializer.Serialize(e.Data, JsonDefaults.Options),
            }, tx);
            foreach (var organisationId in (e.Organisations ?? []).Distinct())
            {
                await connection.ExecuteAsync(InsertAudience, new { Position = position, OrganisationId = organisationId }, tx);
            }
        }
    }

    /// <summary>Takes the counter's lock without moving it: for writers that must check the feed before appending.</summary>
    public Task LockAsync(DbConnection connection, DbTransaction tx) => connection.ExecuteAsync(Lock, transaction: tx);
}

/// <summary>
/// Events that are due to time rather than to a request (an application window opening or closing). The feed asks every
/// registered catch-up to append what has become due before it answers, so a reader never waits for a background timer.
/// </summary>
public interface IFeedCatchUp
{
    Task CatchUpAsync(CancellationToken ct);
}
