using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Dapper;
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
            await CompareAsync("Public list", "GET /api/v1/challenges?phase=Open[&field=…]&page=…&pageSize=20&sort=…", host, baseline, wrk.ListScript(),
                "/api/v1/challenges?phase=Open&page=1&pageSize=20&sort=code");
            await CompareAsync("Challenge detail", $"GET /api/v1/challenges/{{id}} over {data.PublishedChallenges.Count} ids", host, baseline,
                wrk.DetailScript(data.PublishedChallenges), $"/api/v1/challenges/{data.PublishedChallenges[0]}");
        }

        await ReportScenarioAsync("Review results", $"GET /api/v1/review/rounds/{{id}}/results ({profile.ItemsPerRound} items × 5 experts), {ReportConnections} connections",
            http, host, wrk, token, $"/api/v1/review/rounds/{data.ResultsRoundId}/results", 150);
        await ReportScenarioAsync("Programme dashboard", $"GET /api/v1/programmes/{{id}}/dashboard, {ReportConnections} connections",
            http, host, wrk, token, $"/api/v1/programmes/{data.ProgrammeId}/dashboard", 300);

        await RushAsync(host, db, data, apiKey);
    }

    private async Task CompareAsync(string scenario, string what, ServerProcess host, ServerProcess baseline, string script, string samplePath)
    {
        using var probe = new HttpClient();
        var ours = await probe.GetStringAsync(host.Url + samplePath);
        var theirs = await probe.GetStringAsync(baseline.Url + samplePath);
        var same = JsonNode.DeepEquals(JsonNode.Parse(ours), JsonNode.Parse(theirs));
        Log($"{scenario}: warm-up (bodies {(same ? "identical" : "DIFFER")})");
        await Wrk.RunAsync(host.Url, script, ListConnections, 3);
        await Wrk.RunAsync(baseline.Url, script, ListConnections, 3);
        var mine = new List<LoadResult>();
        var base_ = new List<LoadResult>();
        for (var round = 0; round < 2; round++)
        {
            mine.Add(await Wrk.RunAsync(host.Url, script, ListConnections, duration));
            base_.Add(await Wrk.RunAsync(baseline.Url, script, ListConnections, duration));
            Log($"{scenario} round {round + 1}: host {mine[^1].RequestsPerSecond:0} req/s p99 {mine[^1].P99Ms:0.0} ms; baseline {base_[^1].RequestsPerSecond:0} req/s p99 {base_[^1].P99Ms:0.0} ms");
        }
        var m = LoadResult.Mean(mine);
        var b = LoadResult.Mean(base_);
        var errors = m.Non2xx + m.SocketErrors + b.Non2xx + b.SocketErrors;
        report.Figures.Add(Figure.Compare(scenario, $"throughput, {ListConnections} connections", "req/s", m.RequestsPerSecond, b.RequestsPerSecond, 0.85,
            $"{what}; mean of 2 interleaved {duration} s runs; JSON bodies {(same ? "identical" : "differ")}" + (errors > 0 ? $"; {errors} errors" : "")));
        report.Figures.Add(Figure.Info(scenario, "p50 latency", "ms", m.P50Ms, b.P50Ms));
        report.Figures.Add(Figure.Info(scenario, "p99 latency", "ms", m.P99Ms, b.P99Ms));
        report.Details[scenario] = new { host = mine, baseline = base_, identicalBodies = same };
    }

    private async Task ReportScenarioAsync(string scenario, string what, HttpClient http, ServerProcess host, Wrk wrk, string token, string path, double p99Limit)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var watch = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        var first = watch.Elapsed.TotalMilliseconds;
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
        {
            var reason = $"skipped: {path.Split('/')[3]} route answers {(int)response.StatusCode} on this build (the endpoint is not there yet)";
            report.Figures.Add(new Figure(scenario, "p99 latency", "ms", null, null, null, $"< {p99Limit} ms at L", null, reason));
            Log($"{scenario}: {reason}");
            return;
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{scenario}: {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        var script = wrk.PathScript(scenario.Replace(' ', '-').ToLowerInvariant(), path);
        var headers = new[] { $"Authorization: Bearer {token}" };
        await Wrk.RunAsync(host.Url, script, ReportConnections, 3, headers);
        var result = await Wrk.RunAsync(host.Url, script, ReportConnections, duration, headers);
        Log($"{scenario}: {result.RequestsPerSecond:0.0} req/s, p50 {result.P50Ms:0.0} ms, p99 {result.P99Ms:0.0} ms");
        var errors = result.Non2xx + result.SocketErrors;
        report.Figures.Add(Figure.AtMost(scenario, $"p99 latency, {ReportConnections} connections", "ms", result.P99Ms, p99Limit,
            $"{what}; p50 {result.P50Ms:0.0} ms; {result.RequestsPerSecond:0.0} req/s; first call {first:0} ms" + (errors > 0 ? $"; {errors} errors" : ""),
            applies: profile.Name == "L"));
        report.Details[scenario] = result;
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
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Database__Provider"] = _provider.ToString(),
        ["ConnectionStrings__Jiebang"] = _connection,
        ["Database__MigrateOnStartup"] = "true",
        ["Auth__SigningKey"] = _signingKey,
        ["Demo__Seed"] = profile.DemoSeed ? "true" : "false",
        ["Attachments__Path"] = Path.Combine(output, "attachments", _tag),
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
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
