using System.Diagnostics;
using System.Text.Json;

namespace Jiebang.Perf;

/// <summary>One wrk run: requests per second and latency percentiles, with every non-2xx or socket error counted.</summary>
internal sealed record LoadResult(long Requests, double Seconds, double RequestsPerSecond, double P50Ms, double P90Ms, double P99Ms, double MaxMs,
    long Non2xx, long SocketErrors)
{
    /// <summary>Server CPU time per request (user + system) during the run: far less disturbed by other load than latency.</summary>
    public double? CpuMsPerRequest { get; init; }

    /// <summary>The median run of each figure: one run disturbed by other work on the machine does not decide.</summary>
    public static LoadResult Median(IReadOnlyList<LoadResult> runs) => new(
        runs.Sum(r => r.Requests), runs.Sum(r => r.Seconds), Mid(runs.Select(r => r.RequestsPerSecond)), Mid(runs.Select(r => r.P50Ms)),
        Mid(runs.Select(r => r.P90Ms)), Mid(runs.Select(r => r.P99Ms)), runs.Max(r => r.MaxMs), runs.Sum(r => r.Non2xx), runs.Sum(r => r.SocketErrors))
    {
        CpuMsPerRequest = runs.All(r => r.CpuMsPerRequest is not null) ? Mid(runs.Select(r => r.CpuMsPerRequest!.Value)) : null,
    };

    private static double Mid(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>
/// Drives a server with wrk (from apt), bounded by time, only against 127.0.0.1. Each scenario is a Lua script that
/// rotates the requests and prints its summary as one JSON line.
/// </summary>
internal sealed class Wrk(string scriptDirectory)
{
    private const string Done = """

        done = function(summary, latency, requests)
          io.write(string.format('WRKJSON {"requests":%d,"duration_us":%d,"status":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,"p50":%d,"p90":%d,"p99":%d,"max":%d}\n',
            summary.requests, summary.duration, summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write,
            summary.errors.timeout, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
        end
        """;

    public static bool Available() => File.Exists("/usr/bin/wrk") || File.Exists("/usr/local/bin/wrk");

    /// <summary>The public list: page 1 of each field (open challenges), and pages 1 to 5 of all open ones, in three sort orders.</summary>
    public string ListScript()
    {
        var fields = string.Join(",", Enum.GetNames<Challenges.Contracts.ChallengeField>().Select(f => $"\"{f}\""));
        return Write("list.lua", $$"""
            local fields = { {{fields}} }
            local sorts = { "code", "-publishedAt", "closesAt" }
            local i = 0
            request = function()
              i = i + 1
              local path
              if i % 2 == 0 then
                path = "/api/v1/challenges?phase=Open&field=" .. fields[math.floor(i / 2) % #fields + 1] .. "&page=1&pageSize=20&sort=" .. sorts[i % #sorts + 1]
              else
                path = "/api/v1/challenges?phase=Open&page=" .. ((i % 5) + 1) .. "&pageSize=20&sort=" .. sorts[i % #sorts + 1]
              end
              return wrk.format("GET", path)
            end
            """ + Done);
    }

    /// <summary>Challenge detail, rotating over every published challenge.</summary>
    public string DetailScript(IReadOnlyList<Guid> ids)
    {
        var idFile = Path.Combine(scriptDirectory, "detail-ids.txt");
        File.WriteAllLines(idFile, ids.Select(i => i.ToString()));
        return Write("detail.lua", $$"""
            local ids = {}
            for line in io.lines("{{idFile}}") do ids[#ids + 1] = line end
            local i = math.random(#ids)
            request = function()
              i = i % #ids + 1
              return wrk.format("GET", "/api/v1/challenges/" .. ids[i])
            end
            """ + Done);
    }

    /// <summary>One fixed path (results, dashboard), with whatever headers the run passes.</summary>
    public string PathScript(string name, string path) => Write(name + ".lua", $$"""
        request = function()
          return wrk.format("GET", "{{path}}")
        end
        """ + Done);

    private string Write(string name, string text)
    {
        Directory.CreateDirectory(scriptDirectory);
        var file = Path.Combine(scriptDirectory, name);
        File.WriteAllText(file, text);
        return file;
    }

    public static async Task<LoadResult> RunAsync(ServerProcess server, string script, int connections, int seconds, IEnumerable<string>? headers = null)
    {
        var before = server.CpuMilliseconds();
        var result = await RunAsync(server.Url, script, connections, seconds, headers);
        var used = server.CpuMilliseconds() - before;
        return result with { CpuMsPerRequest = result.Requests > 0 ? used / result.Requests : null };
    }

    public static async Task<LoadResult> RunAsync(string url, string script, int connections, int seconds, IEnumerable<string>? headers = null)
    {
        if (!new Uri(url).IsLoopback)
        {
            throw new InvalidOperationException("The load driver only runs against 127.0.0.1.");
        }
        var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-t", "2", "-c", connections.ToString(), "-d", $"{seconds}s", "--timeout", "10s", "--latency", "-s", script })
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var header in headers ?? [])
        {
            info.ArgumentList.Add("-H");
            info.ArgumentList.Add(header);
        }
        info.ArgumentList.Add(url);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("wrk did not start");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("WRKJSON ", StringComparison.Ordinal))
                   ?? throw new InvalidOperationException($"wrk printed no summary (exit {process.ExitCode}): {output}{error}");
        using var json = JsonDocument.Parse(line["WRKJSON ".Length..]);
        var r = json.RootElement;
        long L(string name) => r.GetProperty(name).GetInt64();
        var secs = L("duration_us") / 1e6;
        return new LoadResult(L("requests"), secs, L("requests") / secs, L("p50") / 1000.0, L("p90") / 1000.0, L("p99") / 1000.0, L("max") / 1000.0,
            L("status"), L("connect") + L("read") + L("write") + L("timeout"));
    }
}
