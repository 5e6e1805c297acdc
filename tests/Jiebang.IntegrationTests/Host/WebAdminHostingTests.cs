using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Jiebang.IntegrationTests.Host;

/// <summary>The host serves the built admin SPA at /admin (files, SPA fallback) without touching the API's routes.</summary>
public sealed class WebAdminHostingTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("jiebang-webadmin").FullName;
    private WebApplicationFactory<Program> _factory = null!;

    public ValueTask InitializeAsync()
    {
        var dist = Directory.CreateDirectory(Path.Combine(_dir, "dist")).FullName;
        File.WriteAllText(Path.Combine(dist, "index.html"), "<!doctype html><title>揭榜挂帅</title><div id=\"root\"></div>");
        File.WriteAllText(Path.Combine(dist, "config.json"), "{\"apiBase\":\"\"}");
        Directory.CreateDirectory(Path.Combine(dist, "assets"));
        File.WriteAllText(Path.Combine(dist, "assets", "index-abc123.js"), "console.log('spa');");
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("Database:MigrateOnStartup", "true");
            b.UseSetting("ConnectionStrings:Jiebang", $"Data Source={Path.Combine(_dir, "jiebang.db")}");
            b.UseSetting("Auth:SigningKey", "integration-tests-signing-key-0123456789abcdef");
            b.UseSetting("Attachments:Path", Path.Combine(_dir, "attachments"));
            b.UseSetting("WebAdmin:Path", dist);
            b.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task The_spa_is_served_at_admin_and_its_own_routes_fall_back_to_index_html()
    {
        var client = Client();
        var root = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/admin/", root.Headers.Location?.OriginalString);

        foreach (var path in new[] { "/admin/", "/admin/challenges", "/admin/review/rounds/0196f5a0-0000-7000-8000-000000000000" })
        {
            var page = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains("揭榜挂帅", await page.Content.ReadAsStringAsync());
            Assert.Contains("no-cache", page.Headers.CacheControl?.ToString());
        }
    }

    [Fact]
    public async Task Files_are_served_as_themselves_and_a_missing_asset_stays_a_404()
    {
        var client = Client();
        var script = await client.GetAsync("/admin/assets/index-abc123.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("console.log('spa');", await script.Content.ReadAsStringAsync());
        Assert.Contains("immutable", script.Headers.CacheControl?.ToString());

        var config = await client.GetAsync("/admin/config.json");
        Assert.Equal("application/json", config.Content.Headers.ContentType?.MediaType);

        var missing = await client.GetAsync("/admin/assets/missing.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_api_and_its_problem_details_are_untouched()
    {
        var client = Client();
        var unknown = await client.GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        var fields = await client.GetAsync("/api/v1/challenge-fields");
        Assert.Equal(HttpStatusCode.OK, fields.StatusCode);
        Assert.Equal("application/json", fields.Content.Headers.ContentType?.MediaType);
    }
}

/// <summary>The end-to-end tests' clock offset is a Development-only switch.</summary>
public sealed class DevClockTests
{
    [Fact]
    public async Task Outside_development_the_host_refuses_to_start_with_a_clock_offset()
    {
        var dir = Directory.CreateTempSubdirectory("jiebang-devclock").FullName;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Jiebang.Host.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Jiebang"] = $"Data Source={Path.Combine(dir, "a.db")}";
        start.Environment["Auth__SigningKey"] = "devclock-test-signing-key-0123456789abcdef";
        start.Environment["DevClock__Offset"] = "10.00:00:00";
        start.Environment["Urls"] = "http://127.0.0.1:0";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("DevClock:Offset may only be set in Development", await stdout + await stderr);
        Directory.Delete(dir, recursive: true);
    }
}
