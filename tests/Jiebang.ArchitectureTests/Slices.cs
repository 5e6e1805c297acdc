using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Jiebang.ArchitectureTests;

/// <summary>
/// One use case: a folder under a module's <c>Features/</c> (<c>Modules/M/M/Features/Area/UseCase/</c>) or under
/// <c>Platform/Area/Features/</c> that holds C# files. Every such folder counts, an area folder with files of its own too, so
/// a helper parked beside the slices is a slice the others may not reach into.
/// </summary>
internal sealed record Slice(string Folder, string Namespace, string Assembly)
{
    public string UseCase => Namespace[(Namespace.LastIndexOf('.') + 1)..];

    public static IReadOnlyList<Slice> All { get; } = Find();

    public static Slice? Of(string file) => All.FirstOrDefault(s => Path.GetDirectoryName(file) == s.Folder);

    private static List<Slice> Find()
    {
        var slices = new List<Slice>();
        foreach (var file in SourceTree.Files(SourceTree.Api))
        {
            var segments = SourceTree.Segments(file);
            var features = Array.IndexOf(segments, "Features");
            if (features < 0 || features >= segments.Length - 2 || segments[features + 1] == "Shared")
            {
                continue;
            }
            var folder = Path.GetDirectoryName(file)!;
            if (slices.Any(s => s.Folder == folder))
            {
                continue;
            }
            var ns = DeclaredNamespace(file);
            if (ns is null)
            {
                continue;
            }
            // api/src/Modules/Review/Review/... belongs to Jiebang.Review; api/src/Platform/... to Jiebang.Platform.
            var assembly = segments[2] == "Modules" ? "Jiebang." + segments[3] : "Jiebang." + segments[2];
            slices.Add(new Slice(folder, ns, assembly));
        }
        return slices;
    }

    public static string? DeclaredNamespace(string file) =>
        SourceTree.Parse(file).GetRoot().DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString();
}
