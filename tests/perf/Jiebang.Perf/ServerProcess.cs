using System.Diagnostics;
using System.Globalization;

namespace Jiebang.Perf;

/// <summary>A server (the real host or the baseline) started as a separate process on 127.0.0.1, its output kept in a log file.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ServerProcess(Process process, StreamWriter log, string url)
    {
        _process = process;
        _log = log;
        Url = url;
    }

    public string Url { get; }
    public int Pid => _process.Id;

    /// <summary>Time from the process start to the first 200 from /health/ready.</summary>
    public TimeSpan ReadyAfter { get; private set; }

    public static async Task<ServerProcess> StartAsync(string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment,
        string workingDirectory, int port, string logFile, TimeSpan timeout)
    {
        var url = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        var started = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {dll}");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, log, url);
        while (started.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Path.GetFileName(dll)} exited with {process.ExitCode} before it was ready; see {logFile}");
            }
            try
            {
                using var response = await Probe.GetAsync(url + "/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    server.ReadyAfter = started.Elapsed;
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(20);
        }
        await server.DisposeAsync();
        throw new TimeoutException($"{Path.GetFileName(dll)} was not ready within {timeout.TotalSeconds} s; see {logFile}");
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            log.WriteLine(line);
        }
    }

    /// <summary>Resident memory now and its peak since the process started (kB, from /proc/PID/status).</summary>
    public (long RssKb, long PeakKb) Memory()
    {
        long rss = 0, peak = 0;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kb(line);
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    peak = Kb(line);
                }
            }
        }
        catch (IOException)
        {
        }
        return (rss, peak);
    }

    /// <summary>CPU time the process has used so far (user + system, from /proc/PID/stat), in milliseconds.</summary>
    public double CpuMilliseconds()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{Pid}/stat");
            // Fields after the command name (which may contain spaces) start at field 3; utime and stime are fields 14 and 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return ticks * 1000.0 / 100;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static long Kb(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }
}
