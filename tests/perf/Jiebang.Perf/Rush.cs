using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;

namespace Jiebang.Perf;

internal sealed record RushResult(int Submissions, int Clients, int Acknowledged, int Unacknowledged, int FiveXx, int TransportErrors, int Retries,
    IReadOnlyDictionary<string, int> Refusals, double Seconds, double PerSecond, double P50Ms, double P99Ms, double MaxMs,
    int Lost, int Duplicated, int NotSubmitted, double PeakRssMb, double PeakHwmMb, double DraftSeconds);

/// <summary>
/// Deadline day: the drafts are written through the real API as a district portal, then every one is submitted at once
/// from many clients with an Idempotency-Key, retried with the same key on a timeout, a broken connection or a 5xx.
/// The database is then checked: every acknowledged submission is there once, none twice.
/// </summary>
internal sealed class Rush(string url, string apiKey, DbConnectionFactory db)
{
    private const int MaxAttempts = 20;

    private HttpClient Client(int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    })
    {
        BaseAddress = new Uri(url),
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestHeaders = { { "X-Api-Key", apiKey } },
    };

    public async Task<IReadOnlyList<Guid>> DraftAsync(GeneratedData data, int count, int concurrency)
    {
        using var client = Client(concurrency);
        var ids = new Guid[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            // Lead i/5 applies to five different challenges, so no lead applies twice to the same one.
            var challenge = data.OpenChallenges[i % data.OpenChallenges.Count];
            var body = JsonSerializer.SerializeToNode(DataGenerator.Content(challenge.IndicatorIds), JsonDefaults.Options)!.AsObject();
            body["challengeId"] = challenge.Id;
            body["leadOrganisationId"] = data.Applicants[i / 5].Id;
            var text = body.ToJsonString(JsonDefaults.Options);
            var (status, response, _, _) = await SendAsync(client, "/api/v1/applications", text, Guid.NewGuid().ToString(), ct);
            if (status != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"Draft {i} answered {(int)status}: {response}");
            }
            ids[i] = JsonNode.Parse(response)!["id"]!.GetValue<Guid>();
        });
        return ids;
    }

    public async Task<RushResult> SubmitAsync(IReadOnlyList<Guid> drafts, int clients, ServerProcess host, double draftSeconds)
    {
        using var client = Client(clients);
        var queue = new ConcurrentQueue<Guid>(drafts);
        var acknowledged = new ConcurrentBag<Guid>();
        var latencies = new ConcurrentBag<double>();
        var refusals = new ConcurrentDictionary<string, int>();
        int fiveXx = 0, transport = 0, retries = 0, unacknowledged = 0;
        long peakRss = 0, peakHwm = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var (rss, hwm) = host.Memory();
                peakRss = Math.Max(peakRss, rss);
                peakHwm = Math.Max(peakHwm, hwm);
                try
                {
                    await Task.Delay(100, stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var id))
            {
                var key = Guid.NewGuid().ToString();
                var started = Stopwatch.GetTimestamp();
                var done = false;
                for (var attempt = 1; attempt <= MaxAttempts && !done; attempt++)
                {
                    if (attempt > 1)
                    {
                        Interlocked.Increment(ref retries);
                        await Task.Delay(Math.Min(2_000, 50 * attempt * attempt));
                    }
                    var (status, body, is5xx, isTransport) = await SendAsync(client, $"/api/v1/applications/{id}/submit", "{}", key, CancellationToken.None, once: true);
                    if (is5xx)
                    {
                        Interlocked.Increment(ref fiveXx);
                        continue;
                    }
                    if (isTransport)
                    {
                        Interlocked.Increment(ref transport);
                        continue;
                    }
                    if (status == HttpStatusCode.OK)
                    {
                        acknowledged.Add(id);
                        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        done = true;
                    }
                    else
                    {
                        var code = TryCode(body) ?? ((int)status).ToString();
                        refusals.AddOrUpdate(code, 1, (_, n) => n + 1);
                        done = true;
                    }
                }
                if (!done)
                {
                    Interlocked.Increment(ref unacknowledged);
                }
            }
        })).ToList();
        await Task.WhenAll(workers);
        watch.Stop();
        await stop.CancelAsync();
        await sampler;
        var (_, finalHwm) = host.Memory();
        peakHwm = Math.Max(peakHwm, finalHwm);

        var rushIds = drafts.ToHashSet();
        var acked = acknowledged.ToHashSet();
        await using var connection = await db.OpenAsync();
        var rows = (await connection.QueryAsync<StoredRow>("""
            SELECT a.id AS Id, a.status AS Status, (SELECT COUNT(*) FROM applications_submission s WHERE s.application_id = a.id) AS Versions
            FROM applications_application a
            """)).Where(r => rushIds.Contains(r.Id)).ToList();
        var byId = rows.ToDictionary(r => r.Id);
        var lost = acked.Count(id => !byId.TryGetValue(id, out var r) || r.Status != "Submitted" || r.Versions < 1);
        var duplicated = rows.Count(r => r.Versions > 1);
        var notSubmitted = rows.Count(r => r.Versions == 0);
        var sorted = latencies.Order().ToArray();
        return new RushResult(drafts.Count, clients, acked.Count, unacknowledged, fiveXx, transport, retries, refusals.ToDictionary(),
            watch.Elapsed.TotalSeconds, acked.Count / watch.Elapsed.TotalSeconds, Percentile(sorted, 50), Percentile(sorted, 99),
            sorted.Length > 0 ? sorted[^1] : 0, lost, duplicated, notSubmitted, peakRss / 1024.0, peakHwm / 1024.0, draftSeconds);
    }

    private sealed class StoredRow
    {
        public Guid Id { get; set; }
        public string Status { get; set; } = "";
        public long Versions { get; set; }
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string? TryCode(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["code"]?.GetValue<string>();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>One POST with an Idempotency-Key; unless once, retried with the same key until it gets an answer below 500.</summary>
    private static async Task<(HttpStatusCode Status, string Body, bool Is5xx, bool IsTransport)> SendAsync(HttpClient client, string path, string json,
        string key, CancellationToken ct, bool once = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
                request.Headers.Add("Idempotency-Key", key);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                using var response = await client.SendAsync(request, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                if ((int)response.StatusCode >= 500)
                {
                    if (once || attempt >= MaxAttempts)
                    {
                        return (response.StatusCode, body, true, false);
                    }
                }
                else
                {
                    return (response.StatusCode, body, false, false);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                if (once || attempt >= MaxAttempts)
                {
                    return (0, ex.Message, false, true);
                }
            }
            await Task.Delay(Math.Min(2_000, 50 * attempt * attempt), ct);
        }
    }
}
