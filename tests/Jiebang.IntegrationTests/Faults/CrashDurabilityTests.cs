using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.Platform.Database;
using Jiebang.Platform.Organisations;
using Npgsql;

namespace Jiebang.IntegrationTests.Faults;

/// <summary>
/// The host as a real process, killed with SIGKILL while submissions are in flight: every submission that was
/// acknowledged with a 2xx must be there, complete, after a restart, and nothing may be half written.
/// </summary>
public abstract class CrashDurabilityTests
{
    private const int Drafts = 96;
    private const int KillAfterAcks = 4;
    private const string DistrictKey = Jiebang.Platform.Demo.DemoAccounts.DistrictKey;
    private const string ListeningOn = "Now listening on:";
    private static readonly string HostDll = Path.Combine(AppContext.BaseDirectory, "Jiebang.Host.dll");

    protected abstract string Provider { get; }

    /// <summary>A fresh database's connection string, or null with the reason to skip.</summary>
    protected abstract Task<(string? ConnectionString, string? SkipReason)> CreateDatabaseAsync();

    [Fact]
    public async Task Acknowledged_submissions_survive_a_kill_in_the_middle_and_nothing_is_half_written()
    {
        var (connectionString, skip) = await CreateDatabaseAsync();
        Assert.SkipWhen(connectionString is null, $"{Provider}: {skip}");
        var workDir = Directory.CreateTempSubdirectory("jiebang-crash").FullName;

        // 1. A running host with the demo call (its open batch and the Haidian district key) and drafts to submit.
        var (host, client) = await StartAsync(workDir, connectionString!);
        await WaitReadyAsync(client, host);
        var challenge = await OpenChallengeAsync(client);
        var drafts = new List<Guid>();
        for (var i = 0; i < Drafts; i++)
        {
            drafts.Add(await DraftAsync(client, challenge, i));
        }

        // 2. Every draft submitted at once; the process is killed as soon as a few have been acknowledged.
        var acknowledged = new System.Collections.Concurrent.ConcurrentDictionary<Guid, string>();
        var enoughAcks = new TaskCompletionSource();
        var keys = drafts.ToDictionary(d => d, _ => Guid.NewGuid().ToString("N"));
        // Sixteen clients keep submitting one draft after another, so requests are always in flight when the kill comes.
        var queue = new System.Collections.Concurrent.ConcurrentQueue<Guid>(drafts);
        var submissions = Enumerable.Range(0, 16).Select(async _ =>
        {
            while (queue.TryDequeue(out var id))
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/submit") { Content = JsonContent.Create(new { }) };
                    request.Headers.Add("Idempotency-Key", keys[id]);
                    var response = await client.SendAsync(request);
                    if (response.IsSuccessStatusCode)
                    {
                        acknowledged[id] = keys[id];
                        if (acknowledged.Count >= KillAfterAcks)
                        {
                            enoughAcks.TrySetResult();
                        }
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    // The connection died with the process: not acknowledged.
                    return;
                }
            }
        }).ToList();
        await Task.WhenAny(enoughAcks.Task, Task.WhenAll(submissions));
        host.Kill(entireProcessTree: true);
        await host.WaitForExitAsync();
        await Task.WhenAll(submissions);
        var acked = acknowledged.Keys.ToList();
        Assert.True(acked.Count >= KillAfterAcks, $"only {acked.Count} submissions were acknowledged before the kill");
        Assert.True(acked.Count < Drafts, "every submission finished before the kill; the test proved nothing");

        // 3. After a restart: every acknowledged submission is present and complete, and nothing is half written.
        Process restarted;
        (restarted, client) = await StartAsync(workDir, connectionString!);
        try
        {
            await WaitReadyAsync(client, restarted);
            // Feed events written before the kill wait to be sequenced; any read of the feed gives them their positions.
            (await client.GetAsync("/api/v1/feed?limit=1")).EnsureSuccessStatusCode();
            var db = new DbConnectionFactory(new DatabaseOptions { Provider = Enum.Parse<DatabaseProvider>(Provider), ConnectionString = connectionString! });
            await using var connection = await db.OpenAsync();
            var rows = (await connection.QueryAsync<Row>("""
                SELECT a.id AS Id, a.status AS Status, a.submitted_version AS SubmittedVersion,
                       (SELECT COUNT(*) FROM applications_submission s WHERE s.application_id = a.id) AS Versions,
                       (SELECT COUNT(*) FROM platform_audit t WHERE t.entity_id = a.id AND t.action = 'Submit') AS Audits,
                       (SELECT COUNT(*) FROM platform_feed_event e WHERE e.resource_id = a.id AND e.type = 'application.status_changed') AS Events
                FROM applications_application a
                """)).ToDictionary(r => r.Id);
            var lost = acked.Where(id => !rows.TryGetValue(id, out var r) || r.Status != "Submitted" || r.Versions != 1).ToList();
            var halfWritten = drafts.Select(id => rows[id]).Where(r => r.Status == "Submitted"
                ? r.Versions != r.SubmittedVersion || r.Audits != r.SubmittedVersion || r.Events != r.SubmittedVersion
                : r.Versions != 0 || r.Audits != 0 || r.Events != 0).ToList();
            Figures.Report(
                $"Crash durability ({Provider}): {Drafts} submissions from 16 clients, {acked.Count} acknowledged before SIGKILL, " +
                $"{drafts.Count(id => rows[id].Status == "Submitted")} stored, {lost.Count} acknowledged writes lost, {halfWritten.Count} half written.");
            Assert.Empty(lost);
            Assert.Empty(halfWritten);

            // 4. Retrying every submission with its key completes the rest, each exactly once.
            foreach (var id in drafts)
            {
                using var retry = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/submit") { Content = JsonContent.Create(new { }) };
                retry.Headers.Add("Idempotency-Key", keys[id]);
                var response = await client.SendAsync(retry);
                Assert.True(response.IsSuccessStatusCode, $"retry of {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            var versions = (await connection.QueryAsync<Row>(
                    "SELECT application_id AS Id, COUNT(*) AS Versions FROM applications_submission GROUP BY application_id"))
                .Where(r => keys.ContainsKey(r.Id)).ToList();
            Assert.Equal(Drafts, versions.Count);
            Assert.All(versions, v => Assert.Equal(1, v.Versions));
        }
        finally
        {
            restarted.Kill(entireProcessTree: true);
            await restarted.WaitForExitAsync();
        }
    }

    private sealed class Row
    {
        public Guid Id { get; set; }
        public string Status { get; set; } = "";
        public int SubmittedVersion { get; set; }
        public int Versions { get; set; }
        public int Audits { get; set; }
        public int Events { get; set; }
    }

    /// <summary>
    /// Starts the host on a port the system picks as it binds (port 0), so no other process can take the port between
    /// choosing and binding it; the address comes from the host's own "Now listening on" line.
    /// </summary>
    private async Task<(Process Process, HttpClient Client)> StartAsync(string workDir, string connectionString)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(HostDll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Urls"] = "http://127.0.0.1:0";
        start.Environment["Database__Provider"] = Provider;
        start.Environment["Database__MigrateOnStartup"] = "true";
        start.Environment["ConnectionStrings__Jiebang"] = connectionString;
        start.Environment["Demo__Seed"] = "true";
        start.Environment["Attachments__Path"] = Path.Combine(workDir, "attachments");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) =>
        {
            var at = line.Data?.IndexOf(ListeningOn, StringComparison.Ordinal) ?? -1;
            if (at >= 0)
            {
                listening.TrySetResult(new Uri(line.Data![(at + ListeningOn.Length)..].Trim()));
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var limit = TimeSpan.FromSeconds(90);
        await Task.WhenAny(listening.Task, process.WaitForExitAsync(), Task.Delay(limit));
        Assert.False(process.HasExited, $"the host exited with code {(process.HasExited ? process.ExitCode : 0)} before it listened");
        Assert.True(listening.Task.IsCompleted, $"the host did not say where it listens within {limit.TotalSeconds} s");
        var client = new HttpClient { BaseAddress = listening.Task.Result, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add(Jiebang.Platform.Auth.ApiKeys.HeaderName, DistrictKey);
        return (process, client);
    }

    private static async Task WaitReadyAsync(HttpClient client, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"the host exited with code {(process.HasExited ? process.ExitCode : 0)}");
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        Assert.Fail("the host did not become ready within 90 s");
    }

    private static async Task<JsonNode> OpenChallengeAsync(HttpClient client)
    {
        var list = await client.GetAsync("/api/v1/challenges?phase=Open&pageSize=1").Expect(HttpStatusCode.OK);
        var id = (string)list["items"]!.AsArray().First()!["id"]!;
        return await client.GetAsync($"/api/v1/challenges/{id}").Expect(HttpStatusCode.OK);
    }

    private static async Task<Guid> DraftAsync(HttpClient client, JsonNode challenge, int n)
    {
        var code = Cast.Code($"91110108MA0K{Random.Shared.Next(10, 99)}{n:D3}");
        var organisation = await client.PostJson("/api/v1/organisations", new
        {
            creditCode = code, name = $"崩溃测试企业{n}", type = nameof(OrganisationTypes.Enterprise), regionCode = "110108", independentLegalPerson = true,
        }).Expect(HttpStatusCode.Created);
        var body = ApplicationBodies.Complete(challenge, lead: Guid.Parse((string)organisation["id"]!));
        var draft = await client.PostJson("/api/v1/applications", body).Expect(HttpStatusCode.Created);
        return Guid.Parse((string)draft["id"]!);
    }
}

public sealed class CrashDurabilityTestsOnSqlite : CrashDurabilityTests
{
    protected override string Provider => "Sqlite";

    protected override Task<(string?, string?)> CreateDatabaseAsync()
    {
        var dir = Directory.CreateTempSubdirectory("jiebang-crash-db").FullName;
        return Task.FromResult<(string?, string?)>(($"Data Source={Path.Combine(dir, "jiebang.db")}", null));
    }
}

public sealed class CrashDurabilityTestsOnPostgres : CrashDurabilityTests
{
    protected override string Provider => "Postgres";

    protected override async Task<(string?, string?)> CreateDatabaseAsync()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresHost.Variable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            return (null, $"{PostgresHost.Variable} is not set; set it to a PostgreSQL admin connection string to run these tests (.ci/run does).");
        }
        var database = "jb_crash_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return (new NpgsqlConnectionStringBuilder(admin) { Database = database, MaxPoolSize = 40 }.ConnectionString, null);
    }
}
