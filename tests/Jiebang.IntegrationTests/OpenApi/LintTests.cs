using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Jiebang.IntegrationTests.OpenApi;

/// <summary>Spectral's maintained OpenAPI ruleset over the committed document (api/openapi/.spectral.yaml).</summary>
public sealed class LintTests
{
    [Fact]
    public async Task The_committed_document_has_no_errors_under_the_Spectral_OpenAPI_ruleset()
    {
        var folder = Path.Combine(OpenApiFiles.RepositoryRoot, "api", "openapi");
        var spectral = Path.Combine(folder, "node_modules", ".bin", "spectral");
        Assert.True(File.Exists(spectral),
            $"Spectral is not installed: run `npm ci` in {folder} (the test command does it). 未安装 Spectral，请先在该目录运行 npm ci。");

        var report = Path.Combine(Path.GetTempPath(), $"jiebang-spectral-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo(spectral)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "lint", "--ruleset", ".spectral.yaml", "--format", "json", "--fail-severity", "error", "--output", report, "jiebang.v1.json" },
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(File.Exists(report), $"Spectral wrote no report (exit {process.ExitCode}): {await stdout}\n{await stderr}");
        var findings = JsonNode.Parse(await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken))!.AsArray();
        File.Delete(report);
        var bySeverity = findings.GroupBy(f => (int)f!["severity"]!).ToDictionary(g => g.Key, g => g.Count());
        Infrastructure.Figures.Report(
            $"OpenAPI lint (Spectral spectral:oas): {bySeverity.GetValueOrDefault(0)} error(s), {bySeverity.GetValueOrDefault(1)} warning(s), {bySeverity.GetValueOrDefault(2)} info.");
        var errors = findings.Where(f => (int)f!["severity"]! == 0)
            .Select(f => $"{(string?)f!["code"]}: {(string?)f["message"]} at {string.Join('.', f["path"]!.AsArray().Select(p => p!.ToString()))}")
            .ToList();
        Assert.True(errors.Count == 0, "Spectral errors in api/openapi/jiebang.v1.json:\n" + string.Join("\n", errors));
        Assert.Equal(0, process.ExitCode);
    }
}
