using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Dapper;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Npgsql;

namespace Jiebang.Perf;

/// <summary>Runs every scenario against the real host (Release build) and the raw baseline on each provider, then writes the report.</summary>
internal static class Bench
{
    public static async Task<int> RunAsync(Options options)
    {
        var profile = Profile.Of(options.Get("profile", "M"));
        var duration = int.Parse(options.Get("duration", "10"), CultureInfo.InvariantCulture);
        var repo = FindRepository();
        var output = Path.GetFullPath(options.Get("out", "artifacts/perf"), repo);
        var postgresAdmin = options.Get("postgres") ?? Environment.GetEnvironmentVariable("JIEBANG_TEST_POSTGRES");
        var providers = options.Get("providers", "sqlite,postgres").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var hostDll = Path.Combine(repo, "api/src/Host/bin/Release/net10.0/Jiebang.Host.dll");
        if (!File.Exists(hostDll))
        {
            Console.Error.WriteLine($"The Release host is missing ({hostDll}); run `dotnet build -c Release api/src/Host` first.");
            return 2;
        }
        if (!Wrk.Available())
        {
            Console.Error.WriteLine("wrk is not installed; `apt-get install -y wrk` (the Cake target Bench does this when it runs as root).");
            return 2;
        }
        var report = Report.Start(profile.Name, duration, repo);
        Console.WriteLine($"Bench profile {profile.Name}: {profile.Challenges} challenges, {profile.Applications} applications, {profile.Experts} experts, " +
                          $"{profile.Scores} scores; {duration} s per run; load average {Report.LoadAverage()}");
        foreach (var provider in providers)
        {
            var section = new ProviderReport { Provider = provider };
            report.Providers.Add(section);
            if (MigrationRunnerName(provider) == "postgres" && string.IsNullOrWhiteSpace(postgresAdmin))
            {
                section.Skipped = "no PostgreSQL: set JIEBANG_TEST_POSTGRES or pass --postgres (the Cake target Bench starts a throw-away cluster)";
                Console.WriteLine($"[{provider}] skipped: {section.Skipped}");
                continue;
            }
            try
            {
                await new ProviderRun(profile, provider, postgresAdmin, hostDll, output, duration, section).RunAsync();
            }
            catch (Exception ex)
            {
                section.Error = ex.Message;
                Console.Error.WriteLine($"[{provider}] failed: {ex}");
            }
            report.Write(output);
        }
        report.Write(output);
        Console.WriteLine();
        Console.WriteLine(report.Markdown());
        Console.WriteLine($"Report: {Path.Combine(output, "report.md")} and report.json");
        return report.Providers.Any(p => p.Error is not null) ? 1 : 0;
    }

    private static string MigrationRunnerName(string provider) => Migrations.MigrationRunner.Normalise(provider);

    private static string FindRepository()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Jiebang.slnx")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("Run the bench from inside the repository (Jiebang.slnx not found).");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

internal sealed class ProviderRun(Profile profile, string providerName, string? postgresAdmin, string hostDll, string output,
    int duration, ProviderReport report)
{
    private const int ListConnections = 32;
    private const int ReportConnections = 4;
    private const string TaskForceUser = "perf-taskforce";
    private const string TaskForcePassword = "Perf#2026-bench";
    private readonly DatabaseProvider _provider = DatabaseOptions.ParseProvider(providerName);
    private readonly string _tag = $"{providerName}-{profile.Name.ToLowerInvariant()}";
    private readonly string _signingKey = "perf-bench-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
    private string _connection = "";

    private string Logs => Path.Combine(output, "logs");

    public async Task RunAsync()
    {
        Log($"fresh database");
        _connection = await FreshDatabaseAsync();

        // Cold starts: the first applies every migration (and at S loads the demo data), the second finds them applied.
        await using (var first = await StartHostAsync("cold-1"))
        {
            report.Figures.Add(Figure.Info("Cold start", "first start, fresh database (migrations" + (profile.DemoSeed ? " + demo data" : "") + ") to /health/ready",
                "ms", first.ReadyAfter.TotalMilliseconds));
        }
        await using (var second = await StartHostAsync("cold-2"))
        {
            report.Figures.Add(Figure.AtMost("Cold start", "second start, migrations applied, to /health/ready", "ms", second.ReadyAfter.TotalMilliseconds, 3_000,
                "process start of `dotnet Jiebang.Host.dll` included"));
        }

        Log($"generating profile {profile.Name}");
        var db = new DbConnectionFactory(new DatabaseOptions { Provider = _provider, ConnectionString = _connection, MigrateOnStartup = false });
        var data = await new DataGenerator(db, profile).GenerateAsync();
        report.Setup["data"] = $"{profile.Challenges} perf challenges ({data.OpenChallenges.Count} open), {profile.BulkApplications} bulk submitted applications + " +
                               $"{profile.RushApplications} rush drafts, {profile.Experts} experts, {profile.Rounds} closed rounds × {profile.ItemsPerRound} items × 5 experts × 5 criteria = {profile.Scores} scores" +
                               (profile.DemoSeed ? ", plus the demo data" : "");
        report.Setup["generated in"] = $"{data.Elapsed.TotalSeconds:0.0} s";
        Log($"generated in {data.Elapsed.TotalSeconds:0.0} s");
        await AdminAsync("create-user", "--user", TaskForceUser, "--password", TaskForcePassword, "--role", "TaskForce", "--display", "性能测试专班");
        var apiKey = (await AdminAsync("create-api-key", "--name", "perf-rush", "--district", data.DistrictCode))
            .Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("jbk_", StringComparison.Ordinal));

        await using var host = await StartHostAsync("bench");
        using var http = new HttpClient { BaseAddress = new Uri(host.Url) };
        var token = await TokenAsync(http);
        var wrk = new Wrk(Path.Combine(output, "wrk", _tag));

        await using (var baseline = await StartBaselineAsync())
        {
            report.Figures.Add(Figure.Info("Cold start", "baseline server (bare minimal API, no migrations) to /health/ready, for scale", "ms",
                baseline.ReadyAfter.TotalMilliseconds));
            await CompareAsync("Public list", "GET /api/v1/challenges?phase=Open[&field=…]&page=…&pageSize=20&sort=…", host, baseline, wrk.ListScript(),
                "/api/v1/challenges?phase=Open&page=1&pageSize=20&sort=code", ListConnections, [], minRatio: 0.85);
            await CompareAsync("Challenge detail", $"GET /api/v1/challenges/{{id}} over {data.PublishedChallenges.Count} ids", host, baseline,
                wrk.DetailScript(data.PublishedChallenges), $"/api/v1/challenges/{data.PublishedChallenges[0]}", ListConnections, [], minRatio: 0.85);
            var auth = new[] { $"Authorization: Bearer {token}" };
            var results = $"/api/v1/review/rounds/{data.ResultsRoundId}/results";
            await CompareAsync("Review results", $"GET {results.Replace(data.ResultsRoundId.ToString(), "{id}")} ({profile.ItemsPerRound} items × 5 experts × 5 criteria) as the task force",
                host, baseline, wrk.PathScript("results", results), results, ReportConnections, auth, p99Limit: 150);
        }

        await SessionCheckAsync(host, db, wrk, data, token);

        var dashboard = $"/api/v1/programmes/{data.ProgrammeId}/dashboard";
        if (await ProbeAsync(http, token, dashboard) is { } missing)
        {
            report.Figures.Add(new Figure("Programme dashboard", "p99 latency", "ms", null, null, null, "< 300 ms at L", null,
                $"skipped: GET /api/v1/programmes/{{id}}/dashboard answers {missing} on this build (Funding_GetDashboard is not merged yet)"));
            Log($"Programme dashboard: skipped ({missing})");
        }
        else
        {
            await CompareAsync("Programme dashboard", "GET /api/v1/programmes/{id}/dashboard as the task force (no baseline: the route has none)", host, null,
                wrk.PathScript("dashboard", dashboard), dashboard, ReportConnections, ["Authorization: Bearer " + token], p99Limit: 300);
        }

        await RushAsync(host, db, data, apiKey);
    }

    /// <summary>
    /// What the per-request session check (active account, same stamp, token not signed out: <see cref="SessionCheck"/>)
    /// costs: its query alone, in process, per call; and the same public request (challenge detail) with a bearer token
    /// (signature, lifetime and the check) against the same request without one, on the same host, interleaved.
    /// </summary>
    private async Task SessionCheckAsync(ServerProcess host, DbConnectionFactory db, Wrk wrk, GeneratedData data, string token)
    {
        const string scenario = "Session check";
        var jwt = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token);
        var userId = Guid.Parse(jwt.Subject);
        var stamp = jwt.TryGetClaim("stamp", out var s) ? s.Value : "";
        var tokenId = jwt.TryGetClaim("jti", out var j) ? j.Value : null;
        var check = new SessionCheck(db);
        for (var i = 0; i < 500; i++)
        {
            _ = await check.RefusalAsync(userId, stamp, tokenId, CancellationToken.None);
        }
        const int calls = 5000;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            if (await check.RefusalAsync(userId, stamp, tokenId, CancellationToken.None) is { } refusal)
            {
                throw new InvalidOperationException("The bench's own token failed the session check: " + refusal);
            }
        }
        var perCall = watch.Elapsed.TotalMicroseconds / calls;
        Log($"{scenario}: {perCall:0.0} µs per check in process ({calls} calls, one connection from the pool each)");
        report.Figures.Add(Figure.Info(scenario, "the check alone, in process (pooled connection + one query by primary keys)", "µs", perCall,
            note: $"{calls} sequential calls after 500 warm-up; no cache"));

        var script = wrk.DetailScript(data.PublishedChallenges);
        var bearer = new[] { $"Authorization: Bearer {token}" };
        await WarmUpAsync(host.Url, script, ListConnections, bearer);
        var with = new List<LoadResult>();
        var without = new List<LoadResult>();
        for (var round = 0; round < 3; round++)
        {
            with.Add(await Wrk.RunAsync(host, script, ListConnections, duration, bearer));
            without.Add(await Wrk.RunAsync(host, script, ListConnections, duration));
            Log($"{scenario} round {round + 1}: with token {with[^1].RequestsPerSecond:0.0} req/s, CPU {with[^1].CpuMsPerRequest:0.00} ms; " +
                $"without {without[^1].RequestsPerSecond:0.0} req/s, CPU {without[^1].CpuMsPerRequest:0.00} ms");
        }
        var w = LoadResult.Median(with);
        var a = LoadResult.Median(without);
        var note = $"GET /api/v1/challenges/{{id}} over {data.PublishedChallenges.Count} ids, {ListConnections} connections; baseline = the same " +
                   "requests without a token; median of 3 interleaved runs";
        report.Figures.Add(Figure.Info(scenario, "throughput with a bearer token (baseline: anonymous)", "req/s", w.RequestsPerSecond, a.RequestsPerSecond, note));
        report.Figures.Add(Figure.Info(scenario, "server CPU per request with a bearer token (baseline: anonymous)", "ms", w.CpuMsPerRequest, a.CpuMsPerRequest,
            "the difference is the token's validation and the session check"));
        report.Figures.Add(Figure.Info(scenario, "p50 latency with a bearer token (baseline: anonymous)", "ms", w.P50Ms, a.P50Ms));
        report.Figures.Add(Figure.Exactly(scenario, "error answers (non-2xx and socket errors)", w.Non2xx + w.SocketErrors + a.Non2xx + a.SocketErrors, 0));
        report.Details[scenario] = new { inProcessMicroseconds = perCall, withToken = with, anonymous = without };
    }

    /// <summary>The status when the route is not on this build (404 or 405 for a programme that exists), else null.</summary>
    private static async Task<int?> ProbeAsync(HttpClient http, string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed ? (int)response.StatusCode : null;
    }

    /// <summary>
    /// Warms both servers up (tiered JIT needs many calls, more on a busy machine), then runs the same wrk script against
    /// each in turn, three times interleaved, and keeps the median of each figure.
    /// </summary>
    private async Task CompareAsync(string scenario, string what, ServerProcess host, ServerProcess? baseline, string script, string samplePath,
        int connections, string[] headers, double? minRatio = null, double? p99Limit = null)
    {
        bool? same = null;
        if (baseline is not null)
        {
            same = JsonNode.DeepEquals(JsonNode.Parse(await GetAsync(host.Url + samplePath, headers)), JsonNode.Parse(await GetAsync(baseline.Url + samplePath, headers)));
        }
        Log($"{scenario}: warm-up" + (same is null ? "" : $" (bodies {(same.Value ? "identical" : "DIFFER")})"));
        var warmUp = await WarmUpAsync(host.Url, script, connections, headers);
        if (baseline is not null)
        {
            warmUp = Math.Max(warmUp, await WarmUpAsync(baseline.Url, script, connections, headers));
        }
        var mine = new List<LoadResult>();
        var theirs = new List<LoadResult>();
        for (var round = 0; round < 3; round++)
        {
            mine.Add(await Wrk.RunAsync(host, script, connections, duration, headers));
            var line = $"{scenario} round {round + 1}: host {mine[^1].RequestsPerSecond:0.0} req/s p99 {mine[^1].P99Ms:0.0} ms";
            if (baseline is not null)
            {
                theirs.Add(await Wrk.RunAsync(baseline, script, connections, duration, headers));
                line += $"; baseline {theirs[^1].RequestsPerSecond:0.0} req/s p99 {theirs[^1].P99Ms:0.0} ms";
            }
            Log(line + $"; CPU/request host {mine[^1].CpuMsPerRequest:0.00} ms" + (baseline is null ? "" : $", baseline {theirs[^1].CpuMsPerRequest:0.00} ms"));
        }
        var m = LoadResult.Median(mine);
        var b = theirs.Count > 0 ? LoadResult.Median(theirs) : null;
        var errors = m.Non2xx + m.SocketErrors + (b?.Non2xx + b?.SocketErrors ?? 0);
        var note = $"{what}; median of 3 interleaved {duration} s runs after up to {warmUp} s warm-up" + (same is null ? "" : $"; JSON bodies {(same.Value ? "identical" : "differ")}") +
                   (errors > 0 ? $"; {errors} errors" : "");
        var throughput = $"throughput, {connections} connections";
        report.Figures.Add(minRatio is { } ratio && b is not null
            ? Figure.Compare(scenario, throughput, "req/s", m.RequestsPerSecond, b.RequestsPerSecond, ratio, note)
            : Figure.Info(scenario, throughput, "req/s", m.RequestsPerSecond, b?.RequestsPerSecond, note));
        // A figure over error answers (a 429 from a limiter, a 5xx) measures the errors, not the endpoint.
        report.Figures.Add(Figure.Exactly(scenario, "error answers (non-2xx and socket errors, ours and the baseline's)", errors, 0));
        report.Figures.Add(Figure.Info(scenario, "server CPU per request (user+system)", "ms", m.CpuMsPerRequest, b?.CpuMsPerRequest,
            "from /proc/PID/stat over the measured runs; less disturbed by other load than latency"));
        report.Figures.Add(Figure.Info(scenario, "p50 latency", "ms", m.P50Ms, b?.P50Ms));
        report.Figures.Add(p99Limit is { } limit
            ? Figure.AtMost(scenario, "p99 latency", "ms", m.P99Ms, limit, b is null ? "" : $"baseline p99 {b.P99Ms:0.0} ms (ratio {m.P99Ms / b.P99Ms:0.00})", applies: profile.Name == "L")
            : Figure.Info(scenario, "p99 latency", "ms", m.P99Ms, b?.P99Ms));
        report.Details[scenario] = new { host = mine, baseline = theirs, identicalBodies = same };
    }

    /// <summary>
    /// Load in 5 s steps until two steps in a row agree within 10 % (at least 15 s, at most 60 s): the tiered JIT
    /// recompiles the hot paths in the background, and on a busy machine that takes a while, longer for the host
    /// (more code) than for the baseline. A long-running server is measured, not its first minute.
    /// </summary>
    private static async Task<int> WarmUpAsync(string url, string script, int connections, string[] headers)
    {
        const int step = 5;
        var previous = 0.0;
        var seconds = 0;
        for (var n = 1; n <= 12; n++)
        {
            var rps = (await Wrk.RunAsync(url, script, connections, step, headers)).RequestsPerSecond;
            seconds += step;
            if (n >= 3 && Math.Abs(rps - previous) <= 0.1 * Math.Max(rps, previous))
            {
                break;
            }
            previous = rps;
        }
        return seconds;
    }

    private static async Task<string> GetAsync(string url, string[] headers)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var header in headers)
        {
            var colon = header.IndexOf(':');
            request.Headers.TryAddWithoutValidation(header[..colon], header[(colon + 1)..].Trim());
        }
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private async Task RushAsync(ServerProcess host, DbConnectionFactory db, GeneratedData data, string apiKey)
    {
        var rush = new Rush(host.Url, apiKey, db);
        Log($"rush: drafting {profile.RushApplications} applications through the API");
        var watch = Stopwatch.StartNew();
        var drafts = await rush.DraftAsync(data, profile.RushApplications, 16);
        var draftSeconds = watch.Elapsed.TotalSeconds;
        Log($"rush: {drafts.Count} drafts in {draftSeconds:0.0} s; submitting from {profile.RushClients} clients");
        var r = await rush.SubmitAsync(drafts, profile.RushClients, host, draftSeconds);
        var refused = r.Refusals.Sum(kv => kv.Value);
        Log($"rush: {r.Acknowledged} acknowledged in {r.Seconds:0.0} s ({r.PerSecond:0} /s), p50 {r.P50Ms:0} ms p99 {r.P99Ms:0} ms, lost {r.Lost}, " +
            $"duplicated {r.Duplicated}, 5xx {r.FiveXx}, transport errors {r.TransportErrors}, refused {refused}, peak RSS {r.PeakRssMb:0} MB");
        var what = $"{r.Submissions} submissions, {r.Clients} clients, Idempotency-Key per submission, retried on timeout/connection error/5xx";
        report.Figures.Add(Figure.Exactly("Deadline rush", "lost (acknowledged but not stored as Submitted with a version)", r.Lost, 0, what));
        report.Figures.Add(Figure.Exactly("Deadline rush", "duplicated (more than one submission version)", r.Duplicated, 0));
        report.Figures.Add(Figure.Exactly("Deadline rush", "5xx responses", r.FiveXx, 0,
            $"transport errors (timeouts, resets) {r.TransportErrors}; retries {r.Retries}; unacknowledged after {20} attempts {r.Unacknowledged}"));
        report.Figures.Add(Figure.Exactly("Deadline rush", "acknowledged", r.Acknowledged, r.Submissions,
            refused > 0 ? "refused: " + string.Join(", ", r.Refusals.Select(kv => $"{kv.Key} × {kv.Value}")) : ""));
        report.Figures.Add(Figure.Info("Deadline rush", "p50 latency per submission (incl. retries)", "ms", r.P50Ms));
        report.Figures.Add(Figure.Info("Deadline rush", "p99 latency per submission (incl. retries)", "ms", r.P99Ms, note: $"max {r.MaxMs:0} ms"));
        report.Figures.Add(Figure.Info("Deadline rush", "throughput", "submissions/s", r.PerSecond, note: $"{r.Seconds:0.0} s for all; drafting took {r.DraftSeconds:0.0} s"));
        report.Figures.Add(Figure.AtMost("Deadline rush", "peak memory of the host (VmHWM)", "MB", r.PeakHwmMb, 300,
            $"highest VmRSS sampled during the rush {r.PeakRssMb:0} MB; VmHWM is the peak since the host started"));
        report.Details["Deadline rush"] = r;
    }

    private async Task<string> TokenAsync(HttpClient http)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = TaskForceUser, password = TaskForcePassword });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }

    private Dictionary<string, string> HostEnvironment() => new()
    {
        // Demo data is refused outside Development; the profile that measures it runs in the test hosts' environment.
        ["ASPNETCORE_ENVIRONMENT"] = profile.DemoSeed ? "Testing" : "Production",
        ["Database__Provider"] = _provider.ToString(),
        ["ConnectionStrings__Jiebang"] = _connection,
        ["Database__MigrateOnStartup"] = "true",
        ["Auth__SigningKey"] = _signingKey,
        ["Demo__Seed"] = profile.DemoSeed ? "true" : "false",
        ["Attachments__Path"] = Path.Combine(output, "attachments", _tag),
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
        // Every load comes from 127.0.0.1: the per-address limit would answer 429 to most of it. The limiter's own cost is
        // measured by nothing here; the endpoints are.
        ["RateLimits__Enabled"] = "false",
    };

    private Task<ServerProcess> StartHostAsync(string phase)
    {
        var port = Bench.FreePort();
        return ServerProcess.StartAsync(hostDll, ["--urls", $"http://127.0.0.1:{port}"], HostEnvironment(), Path.GetDirectoryName(hostDll)!, port,
            Path.Combine(Logs, $"host-{_tag}-{phase}.log"), TimeSpan.FromSeconds(120));
    }

    private Task<ServerProcess> StartBaselineAsync()
    {
        var perfDll = typeof(Bench).Assembly.Location;
        var port = Bench.FreePort();
        return ServerProcess.StartAsync(perfDll, ["baseline", "--urls", $"http://127.0.0.1:{port}", "--provider", providerName, "--connection", _connection],
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" }, Path.GetDirectoryName(perfDll)!, port,
            Path.Combine(Logs, $"baseline-{_tag}.log"), TimeSpan.FromSeconds(60));
    }

    /// <summary>Runs one of the host's admin verbs (the deployment path for users and API keys) and returns what it printed.</summary>
    private async Task<string> AdminAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(hostDll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(hostDll);
        info.ArgumentList.Add("admin");
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in HostEnvironment())
        {
            info.Environment[key] = value;
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"admin {args[0]} failed ({process.ExitCode}): {await stdout}{await stderr}");
        }
        return await stdout;
    }

    private async Task<string> FreshDatabaseAsync()
    {
        if (_provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(output, "db", $"jiebang-{_tag}.db");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
            return $"Data Source={file}";
        }
        if (_provider != DatabaseProvider.Postgres)
        {
            throw new NotSupportedException($"The bench runs on sqlite and postgres, not {providerName}.");
        }
        var name = $"jiebang_perf_{profile.Name.ToLowerInvariant()}";
        await using (var admin = new NpgsqlConnection(postgresAdmin))
        {
            await admin.OpenAsync();
            await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            await admin.ExecuteAsync($"CREATE DATABASE {name}");
        }
        return new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = name }.ConnectionString;
    }

    private void Log(string message) => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] [{_tag}] {message}");
}
