using System.Data.Common;
using System.Net.Sockets;
using FluentValidation.Results;
using Jiebang.Migrations;
using Jiebang.Platform.Database;
using Jiebang.Platform.Demo;
using Jiebang.Platform.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Jiebang.Host;

internal static class HostSetup
{
    /// <summary>A relative SQLite path is taken from the content root, so the database lands in one known place.</summary>
    public static void ResolveSqlitePath(ConfigurationManager configuration, IWebHostEnvironment environment)
    {
        var options = DatabaseOptions.From(configuration);
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(environment.ContentRootPath, builder.DataSource));
            configuration["ConnectionStrings:Jiebang"] = builder.ConnectionString;
        }
    }

    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        // Resolving the factory prepares an SQLite file (its folder, WAL mode) before the migrations open it.
        var db = app.Services.GetRequiredService<DbConnectionFactory>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Jiebang.Startup");
        if (options.MigrateOnStartup)
        {
            var started = TimeProvider.System.GetTimestamp();
            bool upToDate;
            await using (var connection = await db.OpenAsync())
            {
                upToDate = await MigrationRunner.IsUpToDateAsync(connection);
            }
            if (!upToDate)
            {
                MigrationRunner.MigrateUp(options.Provider.ToString(), options.ConnectionString);
            }
            logger.LogInformation("Database {Outcome} ({Provider}) in {Elapsed} ms", upToDate ? "already up to date" : "migrated", options.Provider,
                (int)TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        }
        if (app.Configuration.GetValue("Demo:Seed", false))
        {
            foreach (var seeder in app.Services.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
            {
                await seeder.SeedAsync(CancellationToken.None);
            }
            logger.LogInformation("Demo data present (演示数据)");
        }
    }

    /// <summary>FastEndpoints validation failures as our problem document, field names in camelCase.</summary>
    public static object ValidationProblem(List<ValidationFailure> failures, HttpContext context, int statusCode) => new ApiProblem
    {
        Type = "https://jiebang.example/problems/validation_failed",
        Title = "Validation failed",
        Status = statusCode,
        Detail = "请求未通过校验。 / The request failed validation.",
        Code = "validation_failed",
        Instance = context.Request.Path,
        TraceId = context.TraceIdentifier,
        Errors = failures
            .SelectMany(f => f.CustomState is IReadOnlyList<BodyFieldException.Field> fields
                // What the JSON reader refused (BodyErrors): already keyed by the JSON field, one failure for several fields.
                ? fields.Select(b => (Key: b.Name, Message: b.Message))
                : [(Key: f.PropertyName == "SerializerErrors" ? BodyErrors.BodyKey : CamelPath(f.PropertyName), Message: Readable(f))])
            .GroupBy(e => e.Key)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToArray()),
    };

    private static string Readable(ValidationFailure f) => f.PropertyName == "SerializerErrors" || IsReaderMessage(f.ErrorMessage)
        ? $"请求体不是有效的 JSON，或值的类型不对 / The body is not valid JSON or a value has the wrong type{Where(f.ErrorMessage)}"
        : f.ErrorMessage;

    // The JSON reader's own messages name .NET types ("could not be converted to System.Collections.Generic.List`1[...]");
    // callers get where the problem is, never how the server is built.
    private static bool IsReaderMessage(string message) =>
        message.Contains("Path: $", StringComparison.Ordinal) || message.Contains("could not be converted", StringComparison.Ordinal)
        || message.Contains("System.", StringComparison.Ordinal) || message.Contains("Jiebang.", StringComparison.Ordinal);

    private static string Where(string message)
    {
        var at = System.Text.RegularExpressions.Regex.Match(message, @"Path: (\$[^ |]*)");
        var reason = message.EndsWith(" may not be null", StringComparison.Ordinal) || message.EndsWith(" may not contain null", StringComparison.Ordinal)
            ? " (" + message + ")"
            : "";
        return (at.Success ? $" at {at.Groups[1].Value}" : "") + reason;
    }

    private static string CamelPath(string path) => string.IsNullOrEmpty(path)
        ? "request"
        : string.Join('.', path.Split('.').Select(s => s.Length > 0 ? char.ToLowerInvariant(s[0]) + s[1..] : s));

    /// <summary>
    /// Credentials that were sent but did not authenticate answer 401 even where anonymous callers are served:
    /// a portal with a revoked key or an expired token must find out, not silently see less.
    /// </summary>
    public static async Task RefuseBadCredentials(HttpContext context, RequestDelegate next)
    {
        var sent = context.Request.Headers.ContainsKey(Platform.Auth.ApiKeys.HeaderName)
                   || context.Request.Headers.Authorization.Count > 0;
        if (sent && context.User.Identity?.IsAuthenticated != true && context.Request.Path.StartsWithSegments("/api"))
        {
            await Problems.Of(StatusCodes.Status401Unauthorized, "auth.invalid_credentials", "Invalid credentials",
                Platform.Auth.SessionRefusals.Ended(context)
                    ? "登录已失效（密码已更改、账号已停用或已退出登录），请重新登录。 / The session has ended (the password was changed, " +
                      "the account deactivated or signed out); sign in again."
                    : "令牌已过期或 API 密钥无效。 / The token has expired or the API key is not valid.").ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    /// <summary>No stack trace or SQL ever reaches a caller; a database that is away answers 503.</summary>
    public static async Task WriteUnhandledProblemAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (error is BadHttpRequestException bad)
        {
            // The body broke a server limit (too large) or could not be read: the caller's fault, not ours.
            await (bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? Hardening.TooLarge()
                : Problems.Of(StatusCodes.Status400BadRequest, "request.malformed", "Malformed request",
                    "请求无法读取。 / The request could not be read.")).ExecuteAsync(context);
            return;
        }
        var unavailable = error is DbException or SocketException or TimeoutException
                          || error?.InnerException is DbException or SocketException;
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Jiebang.Errors");
        logger.LogError(error, "Unhandled error on {Path}", context.Request.Path);
        var result = unavailable
            ? Problems.Of(StatusCodes.Status503ServiceUnavailable, "service.unavailable", "Service unavailable",
                "数据库暂时不可用，请稍后重试。 / The database is temporarily unavailable; try again shortly.")
            : Problems.Of(StatusCodes.Status500InternalServerError, "internal_error", "Internal error",
                "服务器内部错误，已记录。 / An internal error occurred and was logged.");
        if (unavailable)
        {
            context.Response.Headers.RetryAfter = "5";
        }
        await result.ExecuteAsync(context);
    }

    /// <summary>Bare status codes (401, 403, 404, 405 from routing or auth) get a problem body too.</summary>
    public static async Task WriteStatusProblemAsync(StatusCodeContext status)
    {
        var context = status.HttpContext;
        var code = context.Response.StatusCode;
        var result = code switch
        {
            401 => Problems.Of(401, "auth.required", "Unauthorized", "需要登录或有效的 API 密钥。 / Sign in or send a valid API key."),
            403 => Problems.Of(403, "forbidden", "Forbidden", "您的角色无权执行此操作。 / Your role may not do this."),
            404 => Problems.NotFound(),
            405 => Problems.Of(405, "method_not_allowed", "Method not allowed", "不支持该请求方法。 / The method is not allowed here."),
            415 => Platform.Http.RequestBodies.UnsupportedMediaType(),
            _ => Problems.Of(code, "http_" + code, "HTTP " + code, "HTTP " + code),
        };
        await result.ExecuteAsync(context);
    }
}
