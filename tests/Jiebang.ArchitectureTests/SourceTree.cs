using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Jiebang.ArchitectureTests;

/// <summary>
/// The repository's C# sources, found from the test's output folder up to Jiebang.slnx and parsed once (syntax only),
/// so that rules about where code lives can name the file and line that breaks them.
/// </summary>
internal static class SourceTree
{
    private static readonly ConcurrentDictionary<string, SyntaxTree> Trees = new();

    public static string Root { get; } = FindRoot();

    public static string Api => Path.Combine(Root, "api", "src");

    public static string Modules => Path.Combine(Api, "Modules");

    public static string Platform => Path.Combine(Api, "Platform");

    public static string Migrations => Path.Combine(Root, "db-migrations");

    private static string FindRoot()
    {
        // JIEBANG_SOURCE_ROOT checks the sources of another checkout with these tests (the reflection checks still see this build).
        if (Environment.GetEnvironmentVariable("JIEBANG_SOURCE_ROOT") is { Length: > 0 } other)
        {
            return Path.GetFullPath(other);
        }
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Jiebang.slnx")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("repository root not found");
        }
        return root;
    }

    /// <summary>The C# files under <paramref name="folder"/>, without build output.</summary>
    public static IEnumerable<string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Segments(f).Any(s => s is "bin" or "obj"))
            .Order(StringComparer.Ordinal);

    public static SyntaxTree Parse(string file) =>
        Trees.GetOrAdd(file, f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview), f));

    /// <summary>The path from the repository root, with forward slashes.</summary>
    public static string Relative(string file) => Path.GetRelativePath(Root, file).Replace('\\', '/');

    public static string[] Segments(string file) => Relative(file).Split('/');

    /// <summary>"api/src/X.cs:12", what a failure names.</summary>
    public static string At(SyntaxNodeOrToken node) => At(node.SyntaxTree!.FilePath, node.GetLocation()!.GetLineSpan().StartLinePosition.Line + 1);

    public static string At(string file, int line) => $"{Relative(file)}:{line}";

    public static string Report(string rule, IReadOnlyCollection<string> violations) =>
        violations.Count == 0 ? "" : $"{rule} ({violations.Count}):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", violations);
}
