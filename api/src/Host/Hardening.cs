using System.Globalization;
using System.Threading.RateLimiting;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;

namespace Jiebang.Host;

/// <summary>Rate limits per API key and per client address (section RateLimits).</summary>
internal sealed class RateLimitSettings
{
    public bool Enabled { get; set; } = true;
    public int PerApiKeyPerMinute { get; set; } = 3000;
    public int PerAddressPerMinute { get; set; } = 1200;

    /// <summary>The window the limits count in; a minute, lengthened by tests so no window ends while one runs.</summary>
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// What protects the host at its edge: rate limits (429 with Retry-After), a request body limit for JSON (413), CORS only
/// for configured origins, and security headers on every response.
/// </summary>
internal static class Hardening
{
    public const string BodyLimitKey = "Limits:MaxRequestBodyBytes";
    public const long DefaultBodyLimit = 1024 * 1024;

    private static readonly string[] CorsHeaders =
        ["Authorization", "Content-Type", "If-Match", ApiKeys.HeaderName, Platform.Idempotency.IdempotencyStore.HeaderName, "Accept-Language",
            "X-Registration-Token"];

    public static IServiceCollection AddJiebangHardening(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection("RateLimits").Get<RateLimitSettings>() ?? new RateLimitSettings();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(ByApiKey(limits), ByAddress(limits));
            o.OnRejected = async (rejected, ct) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 60;
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Problems.Of(StatusCodes.Status429TooManyRequests, "rate_limited", "Too many requests",
                    $"请求过于频繁，请 {seconds} 秒后重试。 / Too many requests; retry in {seconds} s.").ExecuteAsync(rejected.HttpContext);
            };
        });

        var origins = configuration.GetSection("Cors:Origins").Get<string[]>() ?? [];
        services.AddCors(o => o.AddDefaultPolicy(p =>
        {
            if (origins.Length > 0)
            {
                p.WithOrigins(origins).WithMethods("GET", "POST", "PUT", "DELETE").WithHeaders(CorsHeaders)
                    .WithExposedHeaders("ETag", "Location", "Retry-After", "Content-Disposition");
            }
        }));
        return services;
    }

    /// <summary>Applies the JSON body limit (read once from configuration) to API requests; the attachment upload raises its own limit.</summary>
    public static Func<HttpContext, RequestDelegate, Task> LimitBodies(IConfiguration configuration)
    {
        var limit = configuration.GetValue(BodyLimitKey, DefaultBodyLimit);
        return async (context, next) =>
        {
            var multipart = context.Request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true;
            if (context.Request.Path.StartsWithSegments("/api") && !multipart)
            {
                if (context.Request.ContentLength > limit)
                {
                    await TooLarge().ExecuteAsync(context);
                    return;
                }
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                {
                    size.MaxRequestBodySize = limit;
                }
            }
            await next(context);
        };
    }

    public static IResult TooLarge() =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, "request.too_large", "Request too large",
            "请求体超过上限。 / The request body is larger than this API accepts.");

    /// <summary>The content security policy of the Swagger UI (served only where OpenApi:Serve allows).</summary>
    public const string SwaggerUiPolicy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
                                          "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>Security headers: nothing may frame us or sniff types; the API allows no content, the SPA only its own.</summary>
    public static Task SecurityHeaders(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            var path = context.Request.Path;
            if (path.StartsWithSegments("/admin"))
            {
                // Ant Design writes its styles at run time, hence inline styles; scripts only from our origin. A frame may show
                // only a blob: the console made from a file it fetched with its token (a unit's licence PDF in 注册审核).
                headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
                                                "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-src blob:; frame-ancestors 'none'; " +
                                                "base-uri 'self'; form-action 'self'";
            }
            else if (path.StartsWithSegments("/swagger"))
            {
                // Swagger UI: its bundle, styles and index.js from our origin, inline styles and data: icons that the
                // bundle writes, and the document fetched from our origin; nothing else, and no framing.
                headers.ContentSecurityPolicy = SwaggerUiPolicy;
            }
            else
            {
                headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static PartitionedRateLimiter<HttpContext> ByApiKey(RateLimitSettings limits) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var key = context.Request.Headers[ApiKeys.HeaderName].ToString();
            if (!limits.Enabled || key.Length == 0 || !context.Request.Path.StartsWithSegments("/api"))
            {
                return RateLimitPartition.GetNoLimiter("none");
            }
            // jbk_{prefix}_{secret}: the prefix names the key without keeping the secret in memory.
            var parts = key.Split('_');
            var partition = parts.Length >= 3 && parts[0] == "jbk" ? parts[1] : "malformed";
            return RateLimitPartition.GetFixedWindowLimiter("key:" + partition, _ => Window(limits.PerApiKeyPerMinute, limits.WindowSeconds));
        });

    private static PartitionedRateLimiter<HttpContext> ByAddress(RateLimitSettings limits) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (!limits.Enabled || !context.Request.Path.StartsWithSegments("/api"))
            {
                return RateLimitPartition.GetNoLimiter("none");
            }
            var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return RateLimitPartition.GetFixedWindowLimiter("ip:" + address, _ => Window(limits.PerAddressPerMinute, limits.WindowSeconds));
        });

    private static FixedWindowRateLimiterOptions Window(int perMinute, int windowSeconds) => new()
    {
        PermitLimit = Math.Max(1, perMinute),
        Window = TimeSpan.FromSeconds(Math.Max(1, windowSeconds)),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
