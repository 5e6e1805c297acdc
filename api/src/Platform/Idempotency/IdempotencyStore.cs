using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

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
        SELECT operation AS Operation, request_hash AS RequestHash, status_code AS StatusCode, response_body AS ResponseBody, location AS Location,
               response_headers AS ResponseHeaders
        FROM platform_idempotency WHERE scope = @Scope AND idempotency_key = @Key
        """;

    private const string Insert = """
        INSERT INTO platform_idempotency (scope, idempotency_key, operation, request_hash, status_code, response_body, location, response_headers, created_at)
        VALUES (@Scope, @Key, @Operation, @RequestHash, @StatusCode, @ResponseBody, @Location, @ResponseHeaders, @CreatedAt)
        """;

    public sealed class Stored
    {
        public string Operation { get; init; } = "";
        public string RequestHash { get; init; } = "";
        public int StatusCode { get; init; }
        public string ResponseBody { get; init; } = "";
        public string? Location { get; init; }
        /// <summary>The headers the first response carried (JSON: name → values); null for responses stored before they were kept.</summary>
        public string? ResponseHeaders { get; init; }
    }

    public const int MaxKeyLength = 200;

    /// <summary>
    /// The key of this request, or null when the caller sent no Idempotency-Key header. A header that is there but empty,
    /// blank, too long, not visible ASCII, or sent more than once is a 400: read as "no key", it would silently turn
    /// idempotency off and a retry would store the change twice.
    /// </summary>
    public static string? KeyOf(HttpRequest request, out IResult? problem)
    {
        problem = null;
        if (!request.Headers.TryGetValue(HeaderName, out var values))
        {
            return null;
        }
        if (values.Count != 1)
        {
            problem = Problems.Validation(HeaderName, "只能发送一个幂等键", "Send exactly one Idempotency-Key");
            return null;
        }
        var key = values[0] ?? "";
        if (key.Length is 0 or > MaxKeyLength || key.Any(c => c < 0x21 || c > 0x7e))
        {
            problem = Problems.Validation(HeaderName, $"幂等键须为1至{MaxKeyLength}个可见ASCII字符，不能为空",
                $"The Idempotency-Key must be 1 to {MaxKeyLength} visible ASCII characters, never empty");
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
        int statusCode, object response, IReadOnlyDictionary<string, string[]> headers) =>
        connection.ExecuteAsync(Insert, new
        {
            Scope = scope, Key = key, Operation = operation, RequestHash = requestHash, StatusCode = statusCode,
            ResponseBody = JsonSerializer.Serialize(response, JsonDefaults.Options),
            Location = headers.TryGetValue(HeaderNames.Location, out var location) ? location.FirstOrDefault() : null,
            ResponseHeaders = JsonSerializer.Serialize(headers, JsonDefaults.Options), CreatedAt = clock.GetUtcNow(),
        }, tx);

    // Set by the server for every response, or describing this response's body: never replayed from the record.
    private static readonly HashSet<string> NotReplayed = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.ContentType, HeaderNames.ContentLength, HeaderNames.TransferEncoding, HeaderNames.Date, HeaderNames.Server,
        HeaderNames.SetCookie, HeaderNames.Connection, ReplayedHeader,
    };

    /// <summary>The headers a write set on its response: those not there before it ran, or changed since.</summary>
    public static Dictionary<string, string[]> HeadersSetSince(IReadOnlyDictionary<string, string> before, IHeaderDictionary now) =>
        now.Where(h => !NotReplayed.Contains(h.Key) && (!before.TryGetValue(h.Key, out var earlier) || earlier != h.Value.ToString()))
            .ToDictionary(h => h.Key, h => h.Value.Select(v => v ?? "").ToArray(), StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyDictionary<string, string> Snapshot(IHeaderDictionary headers) =>
        headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The response to give for a key already used: the first response again, or a refusal when the request differs.</summary>
    public static IResult Replay(Stored stored, string operation, string requestHash, HttpResponse response)
    {
        if (stored.Operation != operation || stored.RequestHash != requestHash)
        {
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, "idempotency.key_reused", "Idempotency key reused",
                "该幂等键已用于另一个不同的请求。 / This Idempotency-Key was already used for a different request.");
        }
        if (stored.ResponseHeaders is not null)
        {
            foreach (var (name, values) in JsonSerializer.Deserialize<Dictionary<string, string[]>>(stored.ResponseHeaders, JsonDefaults.Options) ?? [])
            {
                if (!NotReplayed.Contains(name))
                {
                    response.Headers[name] = values;
                }
            }
        }
        else if (stored.Location is not null)
        {
            response.Headers.Location = stored.Location;
        }
        response.Headers[ReplayedHeader] = "true";
        return Results.Content(stored.ResponseBody, "application/json", Encoding.UTF8, stored.StatusCode);
    }
}
