using System.Data.Common;
using Dapper;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Feed;
using Jiebang.Platform.Messaging;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Platform.Writes;

/// <summary>
/// A refusal: the write stops, its transaction rolls back, and the caller gets the problem document. Thrown by
/// <see cref="Write"/>'s checks and by a slice (<c>throw Write.Refuse(problem)</c>); caught only by <see cref="WritePath"/>.
/// </summary>
public sealed class WriteRefused(IResult problem) : Exception("The write was refused: " + (Problems.Describe(problem)?.Code ?? "problem"))
{
    public IResult Problem { get; } = problem;
}

/// <summary>What a write answers with once it has committed: the status, the body, the version (sent as ETag) and the Location.</summary>
public sealed record WriteAnswer(int Status, object? Body, int? Version = null, string? Location = null)
{
    /// <summary>
    /// Reads the body once the change has committed and its messages are delivered, for an answer that shows what their
    /// receivers did (see <see cref="Write.OkAfterDelivery"/>). Not for an operation that honours Idempotency-Key.
    /// </summary>
    public Func<CancellationToken, Task<object>>? ReadAfterDelivery { get; init; }
}

/// <summary>
/// One write in progress, handed to a slice by <see cref="WritePath"/>: the open transaction, the caller, the clock's reading
/// and the version the caller expects (If-Match). A slice loads, decides and writes through it; the audit record, the feed
/// events and the messages to other modules it adds commit with the change, and the messages are delivered after commit.
/// </summary>
public sealed class Write
{
    private readonly AuditWriter audit;
    private readonly FeedWriter feed;
    private readonly Outbox outbox;
    private readonly List<OutboxEntries> sent = [];
    private readonly List<Func<CancellationToken, Task>> afterCommit = [];

    internal Write(DbConnection connection, DbTransaction transaction, SqlDialect dialect, Caller caller, DateTimeOffset now,
        int? expectedVersion, AuditWriter audit, FeedWriter feed, Outbox outbox)
    {
        Connection = connection;
        Transaction = transaction;
        Dialect = dialect;
        Caller = caller;
        Now = now;
        ExpectedVersion = expectedVersion;
        this.audit = audit;
        this.feed = feed;
        this.outbox = outbox;
    }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    public SqlDialect Dialect { get; }

    public Caller Caller { get; }

    /// <summary>The time of this write: one reading of the clock, used for every timestamp it stores.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The version the caller expects (If-Match, or the request's expectedVersion); null when it sent none.</summary>
    public int? ExpectedVersion { get; }

    internal IReadOnlyList<OutboxEntries> Sent => sent;

    internal IReadOnlyList<Func<CancellationToken, Task>> AfterCommitActions => afterCommit;

    /// <summary>A refusal to throw: <c>throw Write.Refuse(Problems.Conflict(...))</c>.</summary>
    public static WriteRefused Refuse(IResult problem) => new(problem);

    /// <summary>The row, or a 404 naming what was not found (also for a row the caller may not see).</summary>
    public static T Found<T>(T? row, string what) where T : class => row ?? throw Refuse(Problems.NotFound(what));

    /// <summary>Refuses with 412 when the caller expects another version than the row's.</summary>
    public void Matches(int version)
    {
        if (ExpectedVersion is { } expected && expected != version)
        {
            throw Refuse(Problems.VersionMismatch());
        }
    }

    /// <summary>Refuses with <paramref name="problem"/> unless <paramref name="condition"/> holds.</summary>
    public static void Require(bool condition, IResult problem)
    {
        if (!condition)
        {
            throw Refuse(problem);
        }
    }

    /// <summary>
    /// The rows an optimistic UPDATE (<c>WHERE version = @Version</c>) changed: none means another writer got there first,
    /// refused with 412.
    /// </summary>
    public static void Changed(int rows)
    {
        if (rows == 0)
        {
            throw Refuse(Problems.VersionMismatch());
        }
    }

    public Task<int> ExecuteAsync(string sql, object? parameters = null) => Connection.ExecuteAsync(sql, parameters, Transaction);

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters = null) =>
        Connection.QuerySingleOrDefaultAsync<T>(sql, parameters, Transaction);

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters = null) => Connection.QueryAsync<T>(sql, parameters, Transaction);

    public Task<T?> ExecuteScalarAsync<T>(string sql, object? parameters = null) => Connection.ExecuteScalarAsync<T>(sql, parameters, Transaction);

    /// <summary>Appends the audit record of this change, by this write's caller.</summary>
    public Task AuditAsync(string module, string entityType, Guid entityId, string action, object? summary = null) =>
        audit.WriteAsync(Connection, Transaction, Caller, module, entityType, entityId, action, summary);

    public Task FeedAsync(FeedEvent feedEvent) => feed.AppendAsync(Connection, Transaction, feedEvent);

    public Task FeedAsync(IReadOnlyCollection<FeedEvent> events) => feed.AppendAsync(Connection, Transaction, events);

    /// <summary>
    /// Writes messages to other modules (events, and commands delivered through the outbox) with the change; they are
    /// delivered once it has committed.
    /// </summary>
    public async Task PublishAsync(params IMessage[] messages)
    {
        if (messages.Length > 0)
        {
            sent.Add(await outbox.EnqueueAsync(Connection, Transaction, messages));
        }
    }

    /// <summary>
    /// Work outside the database that must follow the change only once it has committed (moving an uploaded file into
    /// place); run after the messages are delivered, never for a refusal or a replayed answer. Its failure fails the request.
    /// </summary>
    public void AfterCommit(Func<CancellationToken, Task> action) => afterCommit.Add(action);

    public static WriteAnswer Ok(object body, int? version = null) => new(StatusCodes.Status200OK, body, version);

    public static WriteAnswer Created(object body, string location, int? version = null) => new(StatusCodes.Status201Created, body, version, location);

    /// <summary>200 with a body read after commit and delivery: e.g. another module's record as its handler left it.</summary>
    public static WriteAnswer OkAfterDelivery(Func<CancellationToken, Task<object>> read) =>
        new(StatusCodes.Status200OK, null) { ReadAfterDelivery = read };
}
