using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jiebang.IntegrationTests.OpenApi;

namespace Jiebang.IntegrationTests.Platform.Hardening;

/// <summary>The audit log and the money ledger are append-only: nothing in the code changes or removes their rows.</summary>
public sealed partial class AppendOnlyTests
{
    [GeneratedRegex(@"\b(UPDATE\s+(platform_audit|funding_ledger)\b|DELETE\s+FROM\s+(platform_audit|funding_ledger)\b|TRUNCATE\s+TABLE\s+(platform_audit|funding_ledger)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Mutation();

    [Fact]
    public async Task No_code_updates_or_deletes_audit_or_ledger_rows()
    {
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(OpenApiFiles.RepositoryRoot, "api", "src"), "*.cs", SearchOption.AllDirectories)
                     .Concat(Directory.EnumerateFiles(Path.Combine(OpenApiFiles.RepositoryRoot, "db-migrations"), "*.cs", SearchOption.AllDirectories))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
            offenders.AddRange(Mutation().Matches(text).Select(m => $"{Path.GetRelativePath(OpenApiFiles.RepositoryRoot, file)}: {m.Value}"));
        }
        Assert.True(offenders.Count == 0, "Append-only tables changed by: " + string.Join("; ", offenders));
    }

    [Fact]
    public void No_operation_of_the_contract_edits_or_removes_an_audit_or_ledger_entry()
    {
        var document = OpenApiFiles.Load(OpenApiFiles.Committed);
        var editing = document["paths"]!.AsObject()
            .Where(p => p.Key.Contains("/audit", StringComparison.Ordinal) || p.Key.Contains("/ledger", StringComparison.Ordinal))
            .SelectMany(p => p.Value!.AsObject().Where(o => o.Key is "put" or "patch" or "delete").Select(o => $"{o.Key} {p.Key}"))
            .ToList();
        Assert.Empty(editing);
        Assert.Contains("/api/v1/audit", document["paths"]!.AsObject().Select(p => p.Key));
    }
}
