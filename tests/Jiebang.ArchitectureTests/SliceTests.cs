using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Jiebang.ArchitectureTests;

/// <summary>
/// A use case lives in one folder and stands alone: it never imports or calls another use case. What two slices share
/// belongs to the module's Domain/, Data/ or Views/, never to a Features/Shared folder.
/// </summary>
public sealed class SliceTests
{
    [Fact]
    public void Slices_are_found_in_every_module_and_in_the_platform()
    {
        var assemblies = Slice.All.Select(s => s.Assembly).ToHashSet();
        Assert.Contains("Jiebang.Platform", assemblies);
        Assert.All(ModuleIsolationTests.Modules(), m => Assert.Contains(m.GetName().Name!, assemblies));
    }

    [Fact]
    public void No_slice_names_another_slice_in_its_source()
    {
        var violations = new List<string>();
        foreach (var slice in Slice.All)
        {
            var others = Slice.All.Where(s => s.Assembly == slice.Assembly && s != slice).ToList();
            foreach (var file in SourceTree.Files(slice.Folder).Where(f => Path.GetDirectoryName(f) == slice.Folder))
            {
                violations.AddRange(NamesOfOtherSlices(slice, SourceTree.Parse(file).GetRoot(), others));
            }
        }
        Assert.True(violations.Count == 0, SourceTree.Report(
            "A slice never imports or calls another slice; move what they share to Domain/, Data/ or Views/", violations.Distinct().ToList()));
    }

    [Fact]
    public void The_source_check_sees_every_way_of_naming_another_slice()
    {
        var area = Path.Combine(SourceTree.Modules, "M", "M", "Features", "Area");
        var self = new Slice(Path.Combine(area, "A"), "Jiebang.M.Features.Area.A", "Jiebang.M");
        var other = new Slice(Path.Combine(area, "B"), "Jiebang.M.Features.Area.B", "Jiebang.M");
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("""
            using Jiebang.M.Features.Area.B;
            using static Jiebang.M.Features.Area.B.Endpoint;
            using Alias = Jiebang.M.Features.Area.B.Endpoint;
            namespace Jiebang.M.Features.Area.A;
            internal sealed class Endpoint
            {
                private void Handle()
                {
                    B.Endpoint.Decide();
                    var sql = Area.B.Data.Select;
                    global::Jiebang.M.Features.Area.B.Endpoint.Decide();
                    var request = new Jiebang.M.Features.Area.B.Request();
                    this.B();
                    B();
                }
            }
            """, path: Path.Combine(self.Folder, "Endpoint.cs"));
        var found = NamesOfOtherSlices(self, tree.GetRoot(), [other]).ToList();
        Assert.Equal(7, found.Count);
        Assert.All(found, v => Assert.Contains("api/src/Modules/M/M/Features/Area/A/Endpoint.cs:", v));
        Assert.Equal([1, 2, 3, 9, 10, 11, 12], found.Select(v => int.Parse(v.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Using directives (plain, static, alias) and dotted names (qualified in full, in part, global::) that reach another slice.</summary>
    private static IEnumerable<string> NamesOfOtherSlices(Slice slice, SyntaxNode root, IReadOnlyList<Slice> others)
    {
        foreach (var directive in root.DescendantNodes().OfType<UsingDirectiveSyntax>())
        {
            var name = Normalise(directive.NamespaceOrType.ToString());
            if (others.FirstOrDefault(o => name == o.Namespace || name.StartsWith(o.Namespace + ".", StringComparison.Ordinal)) is { } other)
            {
                yield return $"{SourceTree.At(directive)}: {slice.UseCase} imports {other.Namespace} ({directive.ToString().Trim()})";
            }
        }
        foreach (var identifier in root.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Ancestors().Any(a => a is UsingDirectiveSyntax
                || (a is BaseNamespaceDeclarationSyntax declaration && declaration.Name.Span.Contains(identifier.Span))))
            {
                continue;
            }
            var named = others.Where(o => o.UseCase == identifier.Identifier.ValueText).ToList();
            if (named.Count == 0)
            {
                continue;
            }
            // The dotted name the identifier sits in: SubmitProgressReport.Endpoint.NotActive, Reports.X.Data.Sql, global::Jiebang...
            SyntaxNode top = identifier;
            while (top.Parent is QualifiedNameSyntax or MemberAccessExpressionSyntax or AliasQualifiedNameSyntax)
            {
                top = top.Parent;
            }
            var dotted = Normalise(top.ToString()).Split('.');
            var index = Array.IndexOf(dotted, identifier.Identifier.ValueText);
            if (index < 0 || index == dotted.Length - 1)
            {
                continue;
            }
            var prefix = string.Join('.', dotted[..(index + 1)]);
            if (named.FirstOrDefault(o => o.Namespace == prefix || o.Namespace.EndsWith("." + prefix, StringComparison.Ordinal)) is { } other)
            {
                yield return $"{SourceTree.At(identifier)}: {slice.UseCase} reaches into {other.Namespace} ({top.ToString().Trim()})";
            }
        }
    }

    [Fact]
    public void No_slice_uses_a_type_of_another_slice_in_its_compiled_code()
    {
        var violations = new List<string>();
        foreach (var assembly in SliceAssemblies())
        {
            var slices = Slice.All.Where(s => s.Assembly == assembly.GetName().Name).ToDictionary(s => s.Namespace);
            var found = IlReferences.Of(assembly)
                .Where(r => r.To.Assembly == assembly && r.From.Namespace is { } from && r.To.Namespace is { } to && from != to
                    && slices.ContainsKey(from) && slices.ContainsKey(to))
                .Select(r => (Slice: slices[r.From.Namespace!], Other: slices[r.To.Namespace!], r.To, r.Member, Location: Locate(r, slices[r.From.Namespace!])))
                .GroupBy(r => (File: r.Location.Split(':')[0], r.To, r.Member))
                .Select(g => g.OrderBy(r => r.Location, StringComparer.Ordinal).First() is var first
                    ? $"{first.Location}: {first.Slice.UseCase} uses {Describe(first.To)}{(first.Member is null ? "" : "." + first.Member)} "
                      + $"of {first.Other.Namespace}" + (g.Count() > 1 ? $" ({g.Count()} references in the file)" : "")
                    : "");
            violations.AddRange(found.Order(StringComparer.Ordinal));
        }
        Assert.True(violations.Count == 0, SourceTree.Report(
            "A slice never uses another slice's types or members; move what they share to Domain/, Data/ or Views/", violations.Distinct().ToList()));
    }

    [Fact]
    public void There_is_no_Features_Shared_folder_or_namespace()
    {
        var violations = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories(SourceTree.Api, "Shared", SearchOption.AllDirectories)
            .Where(d => Path.GetFileName(Path.GetDirectoryName(d)) == "Features"))
        {
            violations.Add($"{SourceTree.Relative(folder)}/: a Features/Shared folder ({SourceTree.Files(folder).Count()} files)");
        }
        foreach (var file in SourceTree.Files(SourceTree.Api))
        {
            foreach (var ns in SourceTree.Parse(file).GetRoot().DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>())
            {
                var name = ns.Name.ToString();
                if (name.EndsWith(".Features.Shared", StringComparison.Ordinal) || name.Contains(".Features.Shared.", StringComparison.Ordinal))
                {
                    violations.Add($"{SourceTree.At(ns)}: namespace {name}");
                }
            }
        }
        Assert.True(violations.Count == 0, SourceTree.Report(
            "No Features/Shared: statuses and rules go to Domain/, rows and SQL to Data/, shared responses to Views/", violations));
    }

    /// <summary>The reference's source line; for compiler-made members without one, the line that declares the type.</summary>
    private static string Locate(IlReferences.Reference reference, Slice slice)
    {
        if (reference.Location.Contains(".cs:", StringComparison.Ordinal))
        {
            return reference.Location;
        }
        var outer = reference.From;
        while (outer.DeclaringType is { } declaring)
        {
            outer = declaring;
        }
        var declaration = SourceTree.Files(slice.Folder)
            .SelectMany(f => SourceTree.Parse(f).GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
            .FirstOrDefault(d => d.Identifier.ValueText == outer.Name);
        return declaration is null ? reference.Location : SourceTree.At(declaration);
    }

    private static IEnumerable<Assembly> SliceAssemblies() =>
        ModuleIsolationTests.Modules().Append(typeof(Platform.Writes.WritePath).Assembly);

    private static string Describe(Type type) => type.DeclaringType is { } outer ? $"{outer.Name}.{type.Name}" : type.Name;

    private static string Normalise(string name) =>
        new string(name.Replace("global::", "", StringComparison.Ordinal).Where(c => !char.IsWhiteSpace(c)).ToArray());
}
