using Microsoft.Extensions.FileProviders;

namespace Jiebang.Host;

/// <summary>
/// Serves the built admin SPA (web-admin/dist) at /admin when it exists: static files, and index.html for every
/// other path under /admin so the SPA's own routes survive a reload. API routes are not touched.
/// </summary>
internal static class WebAdmin
{
    public const string BasePath = "/admin";

    /// <summary>WebAdmin:Path when set; otherwise web-admin/dist found from the content root (dotnet run or the repository root).</summary>
    public static string? FindDist(IConfiguration configuration, IWebHostEnvironment environment)
    {
        var configured = configuration["WebAdmin:Path"];
        var candidates = string.IsNullOrWhiteSpace(configured)
            ? new[]
            {
                Path.Combine(environment.ContentRootPath, "..", "..", "..", "web-admin", "dist"),
                Path.Combine(environment.ContentRootPath, "web-admin", "dist"),
                Path.Combine(AppContext.BaseDirectory, "web-admin"),
            }
            : new[] { Path.IsPathRooted(configured) ? configured : Path.Combine(environment.ContentRootPath, configured) };
        return candidates.Select(Path.GetFullPath).FirstOrDefault(dir => File.Exists(Path.Combine(dir, "index.html")));
    }

    public static void MapWebAdmin(this WebApplication app)
    {
        var dist = FindDist(app.Configuration, app.Environment);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Jiebang.WebAdmin");
        if (dist is null)
        {
            logger.LogInformation("No built admin SPA found (web-admin/dist); /admin is not served. Run `npm run build` in web-admin.");
            return;
        }
        logger.LogInformation("Serving the admin SPA from {Dist} at {BasePath}", dist, BasePath);
        var files = new PhysicalFileProvider(dist);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = BasePath,
            // Hashed bundles never change; index.html and config.json must be re-read after a new build or deployment.
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl =
                ctx.Context.Request.Path.StartsWithSegments(BasePath + "/assets") ? "public, max-age=31536000, immutable" : "no-cache",
        });
        var index = Path.Combine(dist, "index.html");
        // A middleware rather than an endpoint: a catch-all endpoint would be selected by routing before the static
        // files middleware runs, and that middleware steps aside whenever an endpoint was selected.
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (context.GetEndpoint() is null && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && request.Path.StartsWithSegments(BasePath, out var rest))
            {
                if (!rest.HasValue)
                {
                    context.Response.Redirect(BasePath + "/" + request.QueryString);
                    return;
                }
                // Client-side routes have no file extension; a missing asset stays a 404.
                if (!Path.HasExtension(rest.Value))
                {
                    context.Response.ContentType = "text/html; charset=utf-8";
                    context.Response.Headers.CacheControl = "no-cache";
                    if (HttpMethods.IsGet(request.Method))
                    {
                        await context.Response.SendFileAsync(index);
                    }
                    return;
                }
            }
            await next(context);
        });
    }
}

/// <summary>
/// Development only: business time shifted by DevClock:Offset (e.g. "10.00:00:00"), so the end-to-end tests can walk a
/// call past its deadline and objection period on a real host. Tokens keep using the system clock.
/// </summary>
internal sealed class OffsetTimeProvider(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + offset;

    public static void AddIfConfigured(WebApplicationBuilder builder)
    {
        var value = builder.Configuration["DevClock:Offset"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }
        if (!builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException("DevClock:Offset may only be set in Development. / DevClock:Offset 仅限开发环境使用。");
        }
        builder.Services.AddSingleton<TimeProvider>(new OffsetTimeProvider(TimeSpan.Parse(value, global::System.Globalization.CultureInfo.InvariantCulture)));
    }
}
