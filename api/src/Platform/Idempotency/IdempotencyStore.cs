using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Platform.Idempotency;

/// <summary>
/// Idempotency-Key for partner POSTs. The stored response is written in the same transaction as the change it
/// describes, so a retry either finds the committed response and gets it again, or finds nothing and the change
/// was never made. Two concurrent requests with one key: the second waits on the key's primary key, fails, and
/// replays the first one's response.
/// </summary>
public sealed class IdempotencyStore(TimeProvider clock)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    private const string Select = """
        SELECT operation AS Operation, request_hash AS RequestHash, status_code AS StatusCode, response_body AS ResponseBody, location AS Location
        FROM platform_idempotency WHERE scope = @Scope AND idempotency_key = @Key
        """;

    private const string Insert = """
        INSERT INTO platform_idempotency (scope, idempotency_key, operation, request_hash, status_code, response_body, location, created_at)
        VALUES (@Scope, @Key, @Operation, @RequestHash, @StatusCode, @ResponseBody, @Location, @CreatedAt)
        """;

    public sealed class Stored
    {
        public string Operation { get; init; } = "";
        public string RequestHash { get; init; } = "";
        public int StatusCode { get; init; }
        public string ResponseBody { get; init; } = "";
        public string? Location { get; init; }
    }

    /// <summary>The key of this request, or null when the caller sent none; a malformed key is a 400.</summary>
    public static string? KeyOf(HttpRequest request, out IResult? problem)
    {
        problem = null;
        var key = request.Headers[HeaderName].ToString();
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }
        if (key.Length > 200 || key.Any(c => c < 0x21 || c > 0x7e))
        {
            problem = Problems.Validation(HeaderName, "幂等键须为1至200个可见ASCII字符", "The key must be 1 to 200 visible ASCII characters");
            return null;
        }
        return key;
    }

    /// <summary>Who owns a key: the same key from two callers never collides.</summary>
    public static string ScopeOf(Caller caller) => caller.IsDistrict ? $"key:{caller.UserId}" : $"user:{caller.UserId}";

    public static string Hash(string operation, object request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(operation + "\n" + JsonSerializer.Serialize(request, JsonDefaults.Options))));

    public Task<Stored?> FindAsync(DbConnection connection, DbTransaction? tx, string scope, string key) =>
        connection.QuerySingleOrDefaultAsync<Stored>(Select, new { Scope = scope, Key = key }, tx);

    public Task SaveAsync(DbConnection connection, DbTransaction tx, string scope, string key, string operation, string requestHash,
        int statusCode, object response, string? location) =>
        connection.ExecuteAsync(Insert, new
        {
            Scope = scope, Key = key, Operation = operation, RequestHash = requestHash, StatusCode = statusCode,
            ResponseBody = JsonSerializer.Serialize(response, JsonDefaults.Options), Location = location, CreatedAt = clock.GetUtcNow(),
        }, tx);

    /// <summary>The response to give for a key already used: the first response again, or a refusal when the request differs.</summary>
    public static IResult Replay(Stored stored, string operation, string requestHash, HttpResponse response)
    {
        if (stored.Operation != operation || stored.RequestHash != requestHash)
        {
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, "idempotency.key_reused", "Idempotency key reused",
                "该幂等键已用于另一个不同的请求。 / This Idempotency-Key was already used for a different request.");
        }
        response.Headers[ReplayedHeader] = "true";
        if (stored.Location is not null)
        {
            response.Headers.Location = stored.Location;
        }
        return Results.Content(stored.ResponseBody, "application/json", Encoding.UTF8, stored.StatusCode);
    }
}
