using System.Data.Common;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Jiebang.Platform.Idempotency;

/// <summary>What a write decided: a refusal (nothing is stored), or a response to send and remember.</summary>
public sealed record WriteOutcome(IResult? Refusal, int Status, object? Body, string? Location, int? Version, Func<CancellationToken, Task>? AfterCommit)
{
    public static WriteOutcome Refuse(IResult problem) => new(problem, 0, null, null, null, null);

    public static WriteOutcome Done(int status, object body, int version, string? location = null, Func<CancellationToken, Task>? afterCommit = null) =>
        new(null, status, body, location, version, afterCommit);
}

/// <summary>
/// Runs one write in one transaction, honouring Idempotency-Key when the caller sends one. The work is split in two:
/// <c>prepare</c> reads and decides outside the transaction (it may ask other modules, which open their own
/// connections), and <c>write</c> changes the database holding a single connection. A request never holds one
/// connection while waiting for another, so a full pool cannot deadlock it.
/// </summary>
public sealed class IdempotentWrite(DbConnectionFactory db, IdempotencyStore store)
{
    public async Task<IResult> RunAsync<T>(HttpContext http, Caller caller, string operation, object request,
        Func<CancellationToken, Task<(IResult? Refusal, T State)>> prepare,
        Func<DbConnection, DbTransaction, T, Task<WriteOutcome>> write, CancellationToken ct)
    {
        var key = IdempotencyStore.KeyOf(http.Request, out var keyProblem);
        if (keyProblem is not null)
        {
            return keyProblem;
        }
        var scope = IdempotencyStore.ScopeOf(caller);
        var hash = key is null ? "" : IdempotencyStore.Hash(operation, request);
        if (key is not null && await FindAsync(scope, key, ct) is { } earlier)
        {
            return IdempotencyStore.Replay(earlier, operation, hash, http.Response);
        }
        // What the write sets on the response (ETag, Location, anything else) is kept with the key, so a retry gets it too.
        var before = IdempotencyStore.Snapshot(http.Response.Headers);
        var (refusal, state) = await prepare(ct);
        if (refusal is not null)
        {
            return refusal;
        }
        WriteOutcome outcome;
        Dictionary<string, string[]> headers;
        try
        {
            var (connection, tx) = await db.BeginAsync(ct);
            await using (connection)
            await using (tx)
            {
                if (key is not null && await store.FindAsync(connection, tx, scope, key) is { } stored)
                {
                    return IdempotencyStore.Replay(stored, operation, hash, http.Response);
                }
                outcome = await write(connection, tx, state);
                if (outcome.Refusal is not null)
                {
                    return outcome.Refusal;
                }
                headers = IdempotencyStore.HeadersSetSince(before, http.Response.Headers);
                if (outcome.Location is not null)
                {
                    headers[HeaderNames.Location] = [outcome.Location];
                }
                if (outcome.Version is { } version)
                {
                    headers[HeaderNames.ETag] = [Http.Versioning.ETag(version)];
                }
                if (key is not null)
                {
                    await store.SaveAsync(connection, tx, scope, key, operation, hash, outcome.Status, outcome.Body!, headers);
                }
                await tx.CommitAsync(ct);
            }
        }
        catch (Exception ex) when (key is not null && DbErrors.IsUniqueViolation(ex))
        {
            // A concurrent request with the same key committed first: answer as it was answered.
            var stored = await FindAsync(scope, key, ct) ?? throw new InvalidOperationException("Idempotency record vanished.", ex);
            return IdempotencyStore.Replay(stored, operation, hash, http.Response);
        }
        if (outcome.AfterCommit is not null)
        {
            await outcome.AfterCommit(ct);
        }
        foreach (var (name, values) in headers)
        {
            http.Response.Headers[name] = values;
        }
        return Results.Json(outcome.Body, JsonDefaults.Options, statusCode: outcome.Status);
    }

    private async Task<IdempotencyStore.Stored?> FindAsync(string scope, string key, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await store.FindAsync(connection, null, scope, key);
    }
}
