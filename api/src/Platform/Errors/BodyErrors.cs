using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation.Results;

namespace Jiebang.Platform.Errors;

/// <summary>
/// A request body that breaks the contract where the reader stands, each field with a message in Chinese and English. The
/// reader adds where it stands as <see cref="JsonException.Path"/>: the object being read (<paramref name="atProperty"/>
/// false: the names are its properties), or the property just read (true: the path already names the field).
/// </summary>
public sealed class BodyFieldException(IReadOnlyList<BodyFieldException.Field> fields, bool atProperty)
    : JsonException(string.Join("; ", fields.Select(f => $"{f.Name}: {f.Message}")))
{
    public sealed record Field(string Name, string Message);

    public IReadOnlyList<Field> Fields { get; } = fields;

    public bool AtProperty { get; } = atProperty;

    /// <summary>The value just read for the property <paramref name="name"/> is refused.</summary>
    public static BodyFieldException Of(string name, string zh, string en) => new([new Field(name, $"{zh} / {en}")], atProperty: true);
}

/// <summary>
/// Turns what the JSON reader refused into field errors keyed by the JSON field as the document names it
/// (<c>ownInvestmentFen</c>, <c>declarations.ipProtection</c>, <c>milestones[0].dueMonth</c>), with messages for people in
/// Chinese and English that name no server type. A body that is not JSON at all is keyed <c>body</c>.
/// </summary>
public static partial class BodyErrors
{
    public const string BodyKey = "body";

    [GeneratedRegex(@"^The JSON property '(?<name>.+?)' could not be mapped to any \.NET member")]
    private static partial Regex Unmapped();

    [GeneratedRegex(@"missing required properties including: (?<names>.+?)\.(\s|$)")]
    private static partial Regex Missing();

    [GeneratedRegex(@"^Duplicate property '(?<name>.+?)'")]
    private static partial Regex Duplicate();

    /// <summary>The failure FastEndpoints reports for a body the reader refused; several fields travel in its custom state.</summary>
    public static ValidationFailure Describe(JsonException error)
    {
        var fields = Fields(error);
        return new ValidationFailure(fields[0].Name, fields[0].Message) { CustomState = fields };
    }

    /// <summary>Every field error one reader exception stands for (at least one).</summary>
    public static IReadOnlyList<BodyFieldException.Field> Fields(JsonException error)
    {
        var at = Relative(error.Path);
        if (error is BodyFieldException own)
        {
            return own.Fields.Select(f => f with { Name = own.AtProperty && at.Length > 0 ? at : Join(at, f.Name) }).ToList();
        }
        var message = error.Message;
        if (Unmapped().Match(message) is { Success: true } unmapped)
        {
            var name = unmapped.Groups["name"].Value;
            // The reader may already have stepped onto the unknown property.
            var field = at == name || at.EndsWith("." + name, StringComparison.Ordinal) ? at : Join(at, name);
            return [new(field, $"接口未声明字段 {name}，请删除 / The API does not declare the field {name}; leave it out")];
        }
        if (Missing().Match(message) is { Success: true } missing)
        {
            return missing.Groups["names"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(n => n.Trim('\''))
                .Select(n => new BodyFieldException.Field(Join(at, n), MissingMessage(n)))
                .ToList();
        }
        if (Duplicate().Match(message) is { Success: true } duplicate)
        {
            var name = duplicate.Groups["name"].Value;
            return [new(Join(at, name), $"字段 {name} 出现了不止一次 / The field {name} appears more than once")];
        }
        if (at.Length == 0 || IsSyntaxError(error))
        {
            return [new(at.Length == 0 ? BodyKey : at,
                "请求体不是有效的 JSON，或与接口文档不符 / The body is not valid JSON or does not match the API document" + (at.Length == 0 ? "" : $" (at {at})"))];
        }
        return [new(at, $"{Leaf(at)} 的值类型与接口文档不符（例如数字须为 JSON 数字，不能加引号） / " +
                        $"{Leaf(at)} has the wrong type for the API document (a number, for example, must be a JSON number, not a string)")];
    }

    public static string MissingMessage(string name) =>
        $"缺少必填字段 {name} / The required field {name} is missing";

    // The reader's own syntax errors (a stray comma, a truncated document) come wrapped around its internal reader exception.
    private static bool IsSyntaxError(JsonException error) =>
        error.InnerException?.GetType().Name == "JsonReaderException";

    /// <summary><c>$.milestones[0].dueMonth</c> → <c>milestones[0].dueMonth</c>; <c>$['odd key']</c> → <c>odd key</c>.</summary>
    private static string Relative(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "";
        }
        var text = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return Regex.Replace(text, @"\['(?<n>[^']*)'\]", m => "." + m.Groups["n"].Value).TrimStart('.');
    }

    private static string Join(string at, string name) => at.Length == 0 ? name : $"{at}.{name}";

    private static string Leaf(string at)
    {
        var dot = at.LastIndexOf('.');
        return dot < 0 ? at : at[(dot + 1)..];
    }
}
