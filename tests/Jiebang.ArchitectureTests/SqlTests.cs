using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Jiebang.ArchitectureTests;

/// <summary>
/// SQL is text in Data files: a module's Data/ stores, a slice's Data.cs, a seeder's Demo/Data.cs, and a few platform files
/// that are the store of their own tables. Every table a module names carries its prefix (or the shared kernel's).
/// </summary>
public sealed partial class SqlTests
{
    /// <summary>
    /// Platform infrastructure that is itself the store of the tables it owns (no Data/ folder: the file is the store).
    /// Paths from api/src/. Nothing else outside Data files may hold SQL.
    /// </summary>
    private static readonly Dictionary<string, string> PlatformStores = new()
    {
        ["Platform/Messaging/Outbox.cs"] = "platform_outbox: the outbox writes, claims and marks its own rows",
        ["Platform/Audit/AuditWriter.cs"] = "platform_audit: the one INSERT every write appends",
        ["Platform/Feed/FeedWriter.cs"] = "platform_feed_pending*: appends the change feed's pending events in the write's transaction",
        ["Platform/Feed/FeedSequencer.cs"] = "platform_feed_event/counter: numbers pending events into the feed",
        ["Platform/Idempotency/IdempotencyStore.cs"] = "platform_idempotency: stored answers for Idempotency-Key",
        ["Platform/Jobs/JobStore.cs"] = "platform_job: claims, leases and results of background jobs",
        ["Platform/Users/UserStore.cs"] = "platform_user: accounts",
        ["Platform/Organisations/OrganisationStore.cs"] = "platform_organisation: the registry shared by every module",
        ["Platform/Auth/SignInThrottle.cs"] = "platform_login_throttle: failed sign-ins, locked per user name",
        ["Platform/Throttling/Throttle.cs"] = "platform_throttle: per-address and per-account counters of anonymous operations",
        ["Platform/Auth/ApiKeyAuthenticationHandler.cs"] = "platform_api_key: the district key lookup of the authentication handler",
        ["Platform/Auth/SessionCheck.cs"] = "platform_user, platform_revoked_token: the session check of every bearer token",
        ["Platform/Auth/ExternalAccounts.cs"] = "platform_user: accounts mapped to (and made for) an external authority's subjects",
        ["Platform/Auth/CurrentUser.cs"] = "platform_organisation: the name on the signed-in user object",
        ["Platform/Throttling/Throttle.cs"] = "platform_throttle: counters of anonymous requests per address or account",
    };

    /// <summary>The shared kernel's prefix: a module may read platform tables (organisations, users) as well as its own.</summary>
    private const string KernelPrefix = "platform_";

    [Fact]
    public void Sql_text_lives_only_in_data_files()
    {
        var violations = new List<string>();
        foreach (var file in SourceTree.Files(SourceTree.Api))
        {
            var path = Path.GetRelativePath(SourceTree.Api, file).Replace('\\', '/');
            if (IsDataFile(path) || PlatformStores.ContainsKey(path))
            {
                continue;
            }
            foreach (var (node, text) in Strings(file))
            {
                if (IsSql(text))
                {
                    violations.Add($"{SourceTree.At(node)}: {Excerpt(text)}");
                }
            }
        }
        Assert.True(violations.Count == 0, SourceTree.Report(
            "SQL belongs in a Data/ store, the slice's Data.cs or Demo/Data.cs (as a const string)", violations));
    }

    [Fact]
    public void The_platform_store_list_names_files_that_exist_and_hold_sql()
    {
        foreach (var path in PlatformStores.Keys)
        {
            var file = Path.Combine(SourceTree.Api, path);
            Assert.True(File.Exists(file), $"{path} is on the list of platform stores but does not exist");
            Assert.True(Strings(file).Any(s => IsSql(s.Text)), $"{path} holds no SQL: take it off the list of platform stores");
        }
    }

    [Fact]
    public void A_module_names_only_its_own_tables_and_the_platform_s()
    {
        var violations = new List<string>();
        foreach (var moduleFolder in Directory.EnumerateDirectories(SourceTree.Modules))
        {
            var module = Path.GetFileName(moduleFolder);
            var prefix = module.ToLowerInvariant() + "_";
            foreach (var file in SourceTree.Files(moduleFolder))
            {
                foreach (var (node, text) in Strings(file).Where(s => IsSql(s.Text)))
                {
                    foreach (var table in Tables(text).Where(t => !t.StartsWith(prefix, StringComparison.Ordinal) && !t.StartsWith(KernelPrefix, StringComparison.Ordinal)))
                    {
                        violations.Add($"{SourceTree.At(node)}: {module} names table {table}");
                    }
                }
            }
        }
        Assert.True(violations.Count == 0, SourceTree.Report(
            $"A module's SQL names tables with its own prefix (<module>_) or the shared kernel's ({KernelPrefix}); ask other modules through their contracts",
            violations));
    }

    [Fact]
    public void A_module_s_migrations_create_and_change_only_its_own_tables()
    {
        var violations = new List<string>();
        var folders = Directory.EnumerateDirectories(SourceTree.Migrations)
            .Where(d => Path.GetFileName(d) is not ("bin" or "obj") && SourceTree.Files(d).Any())
            .ToList();
        Assert.Contains(folders, f => Path.GetFileName(f) == "Platform");
        foreach (var folder in folders)
        {
            var prefix = Path.GetFileName(folder).ToLowerInvariant() + "_";
            foreach (var file in SourceTree.Files(folder))
            {
                var root = SourceTree.Parse(file).GetRoot();
                // Create.Table("x"), Alter.Table("x"), Create.Index().OnTable("x"), Delete.Table("x"), Rename.Table("x").To("y") ...
                foreach (var call in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    var method = call.Expression switch
                    {
                        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
                        _ => "",
                    };
                    var isTableCall = method is "Table" or "OnTable" or "FromTable" or "ToTable" or "InTable"
                        || (method == "To" && call.Expression is MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax inner }
                            && inner.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Table" } renamed
                            && renamed.Expression.ToString().StartsWith("Rename", StringComparison.Ordinal));
                    if (isTableCall && call.ArgumentList.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax { Token.ValueText: var table }
                        && !table.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        violations.Add($"{SourceTree.At(call)}: {method}(\"{table}\") in a {Path.GetFileName(folder)} migration");
                    }
                }
                foreach (var (node, text) in Strings(file).Where(s => IsSql(s.Text)))
                {
                    // A data migration may read the shared kernel's tables, as the module's own SQL may.
                    foreach (var table in Tables(text).Where(t => !t.StartsWith(prefix, StringComparison.Ordinal) && !t.StartsWith(KernelPrefix, StringComparison.Ordinal)))
                    {
                        violations.Add($"{SourceTree.At(node)}: SQL names {table} in a {Path.GetFileName(folder)} migration");
                    }
                }
            }
        }
        Assert.True(violations.Count == 0, SourceTree.Report(
            "db-migrations/<Module>/ creates and changes only tables named <module>_...", violations));
    }

    [Fact]
    public void The_sql_detector_sees_statements_and_leaves_prose_alone()
    {
        Assert.True(IsSql("SELECT id AS Id FROM review_round WHERE id = @Id"));
        Assert.True(IsSql("  SELECT COUNT(*) {From} {where}"));
        Assert.True(IsSql("INSERT INTO funding_ledger (id) VALUES (@Id)"));
        Assert.True(IsSql("UPDATE challenges_batch SET name = @Name"));
        Assert.True(IsSql("DELETE FROM platform_login_throttle WHERE user_name = @U"));
        Assert.True(IsSql("CREATE TABLE x (id int)"));
        Assert.True(IsSql("SELECT COUNT(*) {Data.From} {where}"));
        Assert.False(IsSql("Select the batch from the list / 请选择批次"));
        Assert.False(IsSql("The update sets the version"));
        Assert.False(IsSql("region_code LIKE @DistrictPrefix"));
        Assert.False(IsSql("WITH (UPDLOCK, ROWLOCK)"));
        Assert.Equal(["review_round", "platform_organisation", "funding_ledger"],
            Tables("SELECT r.id FROM review_round r JOIN platform_organisation o ON o.id = r.x WHERE EXISTS (SELECT 1 FROM funding_ledger) FOR UPDATE"));
        Assert.Equal(["applications_member"],
            Tables("WITH latest AS (SELECT * FROM applications_member) SELECT * FROM latest, json_each(@x) UPDATE applications_member SET a = 1"));
    }

    private static bool IsDataFile(string path)
    {
        var segments = path.Split('/');
        return segments[^1] == "Data.cs" || segments[..^1].Contains("Data");
    }

    /// <summary>Every string literal of the file (plain, verbatim, raw, interpolated with its holes as written).</summary>
    private static IEnumerable<(SyntaxNode Node, string Text)> Strings(string file)
    {
        foreach (var node in SourceTree.Parse(file).GetRoot().DescendantNodes())
        {
            switch (node)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    yield return (node, literal.Token.ValueText);
                    break;
                case InterpolatedStringExpressionSyntax interpolated:
                    var text = new StringBuilder();
                    foreach (var part in interpolated.Contents)
                    {
                        text.Append(part is InterpolatedStringTextSyntax t ? t.TextToken.ValueText : part.ToString());
                    }
                    yield return (node, text.ToString());
                    break;
            }
        }
    }

    public static bool IsSql(string text) => Statement().IsMatch(text) || Leading().IsMatch(text);

    /// <summary>The tables a statement reads or writes: after FROM, JOIN, INTO, UPDATE … SET, DELETE FROM; not CTEs nor table functions.</summary>
    public static List<string> Tables(string sql)
    {
        var ctes = Cte().Matches(sql).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return TableName().Matches(sql)
            .Select(m => m.Groups["name"].Value)
            .Where(name => !ctes.Contains(name))
            .Distinct()
            .ToList();
    }

    private static string Excerpt(string text)
    {
        var flat = Whitespace().Replace(text, " ").Trim();
        return flat.Length > 70 ? flat[..70] + "…" : flat;
    }

    [GeneratedRegex(@"\b(?:SELECT\b[\s\S]+?\bFROM|INSERT\s+INTO|UPDATE\s+\S+\s+SET|DELETE\s+FROM|MERGE\s+INTO|(?:CREATE|ALTER|DROP)\s+(?:UNIQUE\s+)?(?:TABLE|INDEX|VIEW))\b")]
    private static partial Regex Statement();

    [GeneratedRegex(@"^\s*(?:(?:SELECT|INSERT|UPDATE|DELETE)\s+\S|WITH\s+\w+\s+AS\s*\()")]
    private static partial Regex Leading();

    [GeneratedRegex(@"\b(?:FROM|JOIN|INTO)\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)\b(?!\s*\()|\bUPDATE\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)\s+SET\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex TableName();

    [GeneratedRegex(@"(?:\bWITH|,)\s*([A-Za-z_][A-Za-z0-9_]*)\s+AS\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex Cte();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
