using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jiebang.Perf;

/// <summary>One measured figure: ours, the baseline's when there is one, the ratio, and the target it is held to.</summary>
internal sealed record Figure(string Scenario, string Measure, string Unit, double? Ours, double? Baseline, double? Ratio, string Target, bool? Met, string Note = "")
{
    public static Figure Compare(string scenario, string measure, string unit, double ours, double baseline, double minRatio, string note = "")
    {
        var ratio = baseline > 0 ? ours / baseline : (double?)null;
        return new Figure(scenario, measure, unit, ours, baseline, ratio, $"≥ {minRatio:0.00} × baseline", ratio >= minRatio, note);
    }

    public static Figure Info(string scenario, string measure, string unit, double? ours, double? baseline = null, string note = "") =>
        new(scenario, measure, unit, ours, baseline, baseline is > 0 && ours is not null ? ours / baseline : null, "reported", null, note);

    public static Figure AtMost(string scenario, string measure, string unit, double ours, double limit, string note = "", bool applies = true) =>
        new(scenario, measure, unit, ours, null, null, $"< {limit.ToString(CultureInfo.InvariantCulture)} {unit}" + (applies ? "" : " (held at L)"),
            applies ? ours < limit : null, note);

    public static Figure Exactly(string scenario, string measure, double ours, double expected, string note = "") =>
        new(scenario, measure, "", ours, null, null, $"= {expected.ToString(CultureInfo.InvariantCulture)}", Math.Abs(ours - expected) < 1e-9, note);
}

internal sealed class ProviderReport
{
    public required string Provider { get; init; }
    public string? Skipped { get; set; }
    public string? Error { get; set; }
    public Dictionary<string, object?> Setup { get; } = new();
    public List<Figure> Figures { get; } = [];
    public Dictionary<string, object?> Details { get; } = new();
}

internal sealed class Report
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public required string Profile { get; init; }
    public required int DurationSeconds { get; init; }
    public required string Commit { get; init; }
    public DateTimeOffset Started { get; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? Finished { get; set; }
    public Dictionary<string, object?> Machine { get; } = new();
    public List<ProviderReport> Providers { get; } = [];

    public static Report Start(string profile, int duration, string repo)
    {
        var report = new Report { Profile = profile, DurationSeconds = duration, Commit = Git(repo) };
        report.Machine["nproc"] = Environment.ProcessorCount;
        report.Machine["memoryMb"] = MemTotalMb();
        report.Machine["os"] = OsName();
        report.Machine["kernel"] = RuntimeInformation.OSDescription;
        report.Machine["cpu"] = Cpu();
        report.Machine["dotnet"] = RuntimeInformation.FrameworkDescription;
        report.Machine["loadAverageAtStart"] = LoadAverage();
        return report;
    }

    public void Write(string directory)
    {
        Finished = DateTimeOffset.UtcNow;
        Machine["loadAverageAtEnd"] = LoadAverage();
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "report.json"), JsonSerializer.Serialize(this, Json));
        File.WriteAllText(Path.Combine(directory, "report.md"), Markdown());
    }

    public string Markdown()
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Jiebang performance report — profile {Profile}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Commit: `{Commit}`");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Run: {Started:yyyy-MM-dd HH:mm} – {Finished:HH:mm} UTC, {DurationSeconds} s per measured load run");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {Machine["nproc"]} cores ({Machine["cpu"]}), {Machine["memoryMb"]} MB, {Machine["os"]}, {Machine["dotnet"]}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Load average (1/5/15 min) at start: {Machine["loadAverageAtStart"]}; at end: {Machine["loadAverageAtEnd"]}. The load driver, both servers and the database share these cores; other work on the machine shows in these figures.");
        md.AppendLine("- Ratios compare the real host with the raw baseline (same SQL and JSON through a bare minimal API, no FastEndpoints, auth, validation or mediator) measured in the same run, interleaved.");
        foreach (var provider in Providers)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## {provider.Provider}");
            md.AppendLine();
            if (provider.Skipped is not null)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"Skipped: {provider.Skipped}");
                continue;
            }
            if (provider.Setup.Count > 0)
            {
                md.AppendLine(string.Join("; ", provider.Setup.Select(kv => $"{kv.Key}: {kv.Value}")));
                md.AppendLine();
            }
            md.AppendLine("| Scenario | Measure | Jiebang | Baseline | Ratio | Target | Met | Notes |");
            md.AppendLine("|---|---|---:|---:|---:|---|---|---|");
            foreach (var f in provider.Figures)
            {
                var baseline = f.Baseline is null ? "—" : Number(f.Baseline) + " " + f.Unit;
                var ratio = f.Ratio is null ? "—" : f.Ratio.Value.ToString("0.00", CultureInfo.InvariantCulture);
                var met = f.Met switch { true => "met", false => "**missed**", null => "—" };
                md.AppendLine(string.Join(" | ", "| " + f.Scenario, f.Measure, Number(f.Ours) + " " + f.Unit, baseline, ratio, f.Target, met, f.Note + " |"));
            }
            if (provider.Error is not null)
            {
                md.AppendLine();
                md.AppendLine(CultureInfo.InvariantCulture, $"**The run stopped with an error:** {provider.Error}");
            }
        }
        return md.ToString();
    }

    private static string Number(double? value) => value switch
    {
        null => "—",
        >= 100 => value.Value.ToString("0", CultureInfo.InvariantCulture),
        >= 10 => value.Value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.Value.ToString("0.00", CultureInfo.InvariantCulture),
    };

    private static string Git(string repo)
    {
        try
        {
            var info = new ProcessStartInfo("git") { WorkingDirectory = repo, RedirectStandardOutput = true, UseShellExecute = false };
            info.ArgumentList.Add("describe");
            info.ArgumentList.Add("--always");
            info.ArgumentList.Add("--dirty");
            info.ArgumentList.Add("--abbrev=12");
            using var git = Process.Start(info)!;
            var commit = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return commit.Length > 0 ? commit : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    private static long MemTotalMb()
    {
        var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) : null;
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private static string OsName()
    {
        var line = File.Exists("/etc/os-release") ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal)) : null;
        return line is null ? RuntimeInformation.OSDescription : line["PRETTY_NAME=".Length..].Trim('"');
    }

    private static string Cpu()
    {
        var line = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':') + 1)..].Trim();
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg")
        ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
        : "n/a";
}
