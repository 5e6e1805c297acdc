using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Jiebang.Host.OpenApi;

/// <summary>
/// The XML documentation files of the host, the platform, every module and every contracts assembly (GenerateDocumentationFile
/// is on in api/src/Directory.Build.props), read once: member name → the text of its summary, whitespace collapsed.
/// </summary>
internal static partial class XmlDocs
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    public static IReadOnlyList<string> Files { get; } = Directory.EnumerateFiles(AppContext.BaseDirectory, "Jiebang.*.xml")
        .Where(f => File.Exists(Path.ChangeExtension(f, ".dll")))
        .Order(StringComparer.Ordinal)
        .ToList();

    private static readonly Lazy<Dictionary<string, string>> Summaries = new(Load);

    public static string? Of(MemberInfo member) => Summaries.Value.GetValueOrDefault(NameOf(member));

    public static string? Of(Type type) => Summaries.Value.GetValueOrDefault("T:" + TypeName(type));

    private static string NameOf(MemberInfo member) => member switch
    {
        Type type => "T:" + TypeName(type),
        PropertyInfo p => $"P:{TypeName(p.DeclaringType!)}.{p.Name}",
        FieldInfo f => $"F:{TypeName(f.DeclaringType!)}.{f.Name}",
        _ => "",
    };

    private static string TypeName(Type type)
    {
        var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        return (definition.FullName ?? definition.Name).Replace('+', '.');
    }

    private static Dictionary<string, string> Load()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Files)
        {
            foreach (var member in XDocument.Load(file).Descendants("member"))
            {
                var summary = member.Element("summary");
                if (member.Attribute("name")?.Value is { } name && summary is not null)
                {
                    map[name] = Text(summary);
                }
            }
            // Positional records document their properties as <param> of the type.
            foreach (var member in XDocument.Load(file).Descendants("member")
                .Where(m => m.Attribute("name")?.Value.StartsWith("T:", StringComparison.Ordinal) == true))
            {
                foreach (var param in member.Elements("param"))
                {
                    var property = $"P:{member.Attribute("name")!.Value[2..]}.{param.Attribute("name")?.Value}";
                    map.TryAdd(property, Text(param));
                }
            }
        }
        return map;
    }

    private static string Text(XElement element)
    {
        var text = string.Concat(element.Nodes().Select(n => n switch
        {
            XText t => t.Value,
            XElement { Name.LocalName: "see" or "seealso" } e => (e.Attribute("cref")?.Value.Split('.')[^1] ?? e.Attribute("langword")?.Value ?? e.Value),
            XElement { Name.LocalName: "c" or "paramref" or "typeparamref" } e => e.Value.Length > 0 ? e.Value : e.Attribute("name")?.Value ?? "",
            XElement e => e.Value,
            _ => "",
        }));
        return Space().Replace(text, " ").Trim();
    }
}
