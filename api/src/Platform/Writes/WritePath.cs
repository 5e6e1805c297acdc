using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Feed;
using Jiebang.Platform.Http;
using Jiebang.Platform.Idempotency;
using Jiebang.Platform.Messaging;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Jiebang.Platform.Writes;

/// <summary>How a write reads If-Match.</summary>
public enum IfMatch
{
    /// <summary>The operation has no version to check (a create, or a step that needs none).</summary>
    Ignored,

    /// <summary>Checked when sent (412 when stale); the request's own expectedVersion stands in when the header is absent.</summary>
    Optional,

    /// <summary>Must be sent: 428 when missing, 412 when stale.</summary>
    Required,
}

/// <summary>What the write path must know about an operation before it runs.</summary>
public sealed record WriteOptions
{
    public static WriteOptions Plain { get; } = new();

    public IfMatch IfMatch { get; init; } = IfMatch.Ignored;

    /// <summary>The version the request body states, read when If-Match is absent and <see cref="IfMatch"/> is Optional.</summary>
    public int? BodyVersion { get; init; }

    /// <summary>The operationId: set, the write honours Idempotency-Key (a retry gets the first answer again).</summary>
    public string? Operation { get; init; }

    /// <summary>What makes two requests with one key the same request (route values and body).</summary>
    public object? Request { get; init; }

    /// <summary>
    /// The answer when the write hits a unique index (a concurrent writer stored the same thing first); without one, that
    /// error is not expected and propagates. On PostgreSQL it aborts the transaction, so it cannot be caught inside the write.
    /// </summary>
    public IResult? OnUniqueViolation { get; init; }

    public static WriteOptions Versioned(IfMatch ifMatch, int? bodyVersion = null) => new() { IfMatch = ifMatch, BodyVersion = bodyVersion };

    /// <summary>An operation that honours Idempotency-Key.</summary>
    public static WriteOptions Idempotent(string operation, object request, IfMatch ifMatch = IfMatch.Ignored, int? bodyVersion = null) =>
        new() { Operation = operation, Request = request, IfMatch = ifMatch, BodyVersion = bodyVersion };
}

/// <summary>
/// The one way a change is written. It checks If-Match (428), honours Idempotency-Key, lets the slice read and judge outside
/// the transaction (it may ask other modules, which open their own connections), opens the transaction, hands the slice a
/// <see cref="Write"/> to load, decide and write through, turns a <see cref="WriteRefused"/> into its problem document with
/// nothing stored, commits the change with its audit record, feed events, outbox messages and idempotency record, delivers
/// the messages after commit, and answers with the body, ETag and Location. A request never holds one connection while
/// waiting for another, so a full pool cannot deadlock it.
/// </summary>
public sealed class WritePath(DbConnectionFactory db, IdempotencyStore keys, AuditWriter audit, FeedWriter feed, Outbox outbox, TimeProvider clock)
{
    public Task<IResult> RunAsync(HttpContext http, WriteOptions options, Func<Write, Task<WriteAnswer>> write, CancellationToken ct) =>
        RunAsync(http, options, _ => Task.FromResult(true), (w, _) => write(w), ct);

    /// <param name="prepare">Reads and judges outside the transaction; may throw <see cref="WriteRefused"/>.</param>
    /// <param name="write">Loads, decides and writes inside the transaction with what <paramref name="prepare"/> found.</param>
    public async Task<IResult> RunAsync<TState>(HttpContext http, WriteOptions options, Func<CancellationToken, Task<TState>> prepare,
        Func<Write, TState, Task<WriteAnswer>> write, CancellationToken ct)
    {
        var caller = http.User.Caller();
        var header = Versioning.Parse(http.Request.Headers.IfMatch);
        if (options.IfMatch == IfMatch.Required && header is null)
        {
            return Problems.IfMatchRequired();
        }
        var expected = options.IfMatch switch
        {
            IfMatch.Ignored => null,
            IfMatch.Optional => header ?? options.BodyVersion,
            _ => header,
        };
        string? key = null;
        string scope = "", hash = "";
        if (options.Operation is { } operation)
        {
            key = IdempotencyStore.KeyOf(http.Request, out var keyProblem);
            if (keyProblem is not null)
            {
                return keyProblem;
            }
            scope = IdempotencyStore.ScopeOf(caller);
            hash = key is null ? "" : IdempotencyStore.Hash(operation, options.Request ?? new { });
            if (key is not null && await FindAsync(scope, key, ct) is { } earlier)
            {
                return IdempotencyStore.Replay(earlier, operation, hash, http.Response);
            }
        }
        // What the write sets on the response (ETag, Location, anything else) is kept with the key, so a retry gets it too.
        var before = IdempotencyStore.Snapshot(http.Response.Headers);
        TState state;
        try
        {
            state = await prepare(ct);
        }
        catch (WriteRefused refused)
        {
            return refused.Problem;
        }
        WriteAnswer answer;
        Write unit;
        Dictionary<string, string[]> headers;
        try
        {
            var (connection, tx) = await db.BeginAsync(ct);
            await using (connection)
            await using (tx)
            {
                if (key is not null && await keys.FindAsync(connection, tx, scope, key) is { } stored)
                {
                    return IdempotencyStore.Replay(stored, options.Operation!, hash, http.Response);
                }
                unit = new Write(connection, tx, db.Dialect, caller, Now(), expected, audit, feed, outbox);
                try
                {
                    answer = await write(unit, state);
                }
                catch (WriteRefused refused)
                {
                    // Nothing is kept: the transaction is disposed without commit.
                    return refused.Problem;
                }
                headers = IdempotencyStore.HeadersSetSince(before, http.Response.Headers);
                if (answer.Location is not null)
                {
                    headers[HeaderNames.Location] = [answer.Location];
                }
                if (answer.Version is { } version)
                {
                    headers[HeaderNames.ETag] = [Versioning.ETag(version)];
                }
                if (key is not null)
                {
                    await keys.SaveAsync(connection, tx, scope, key, options.Operation!, hash, answer.Status, answer.Body!, headers);
                }
                await tx.CommitAsync(ct);
            }
        }
        catch (Exception ex) when (DbErrors.IsUniqueViolation(ex) && (key is not null || options.OnUniqueViolation is not null))
        {
            // A concurrent request with the same key committed first: answer as it was answered.
            if (key is not null && await FindAsync(scope, key, ct) is { } stored)
            {
                return IdempotencyStore.Replay(stored, options.Operation!, hash, http.Response);
            }
            return options.OnUniqueViolation ?? throw new InvalidOperationException("A unique index refused the write.", ex);
        }
        await DispatchAsync(unit, ct);
        var body = answer.ReadAfterDelivery is { } read ? await read(ct) : answer.Body;
        foreach (var (name, values) in headers)
        {
            http.Response.Headers[name] = values;
        }
        return Results.Json(body, JsonDefaults.Options, statusCode: answer.Status);
    }

    /// <summary>
    /// A write outside a request (another module's message, a job, the demo seeder): the same transaction, audit, feed and
    /// outbox, delivered after commit. A refusal reaches the caller as <see cref="WriteRefused"/>, with nothing stored.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(Caller caller, Func<Write, Task<T>> write, CancellationToken ct, int? expectedVersion = null)
    {
        T result;
        Write unit;
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            unit = new Write(connection, tx, db.Dialect, caller, Now(), expectedVersion, audit, feed, outbox);
            result = await write(unit);
            await tx.CommitAsync(ct);
        }
        await DispatchAsync(unit, ct);
        return result;
    }

    /// <summary>
    /// The clock to the microsecond, the finest every supported database keeps: what a write stores is what it reads back,
    /// so a slice may answer with the values it wrote instead of loading the row again.
    /// </summary>
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    private async Task DispatchAsync(Write unit, CancellationToken ct)
    {
        foreach (var entries in unit.Sent)
        {
            await outbox.DispatchAsync(entries, ct);
        }
        foreach (var action in unit.AfterCommitActions)
        {
            await action(ct);
        }
    }

    private async Task<IdempotencyStore.Stored?> FindAsync(string scope, string key, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await keys.FindAsync(connection, null, scope, key);
    }
}
