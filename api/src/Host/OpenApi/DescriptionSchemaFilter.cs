using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Jiebang.Platform.Http;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Jiebang.Host.OpenApi;

/// <summary>
/// Gives every schema and property of the document a description in Chinese and English, and states what the C# types
/// alone do not: string properties whose values come from an enum or a class of constants ([StringEnum]), and numbers
/// kept as hundredths ([StoredAsHundredths]: multipleOf 0.01 and the validated bounds).
/// A description is the XML summary when it already has Chinese; otherwise the glossary's Chinese term joined to the
/// summary's English (or to the glossary's English when there is no summary).
/// </summary>
internal sealed partial class DescriptionSchemaFilter : ISchemaFilter
{
    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Cjk();

    public static bool HasChinese(string? text) => text is not null && Cjk().IsMatch(text);

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.MemberInfo is not null || context.ParameterInfo is not null || schema is not OpenApiSchema concrete)
        {
            return;
        }
        var type = Nullable.GetUnderlyingType(context.Type) ?? context.Type;
        if (type.IsEnum)
        {
            concrete.Description = EnumDescription(type, SchemaIds.For(type), type.GetFields(BindingFlags.Public | BindingFlags.Static));
            return;
        }
        if (concrete.Properties is null || concrete.Properties.Count == 0)
        {
            if (type.IsClass && type != typeof(string))
            {
                concrete.Description = Bilingual(XmlDocs.Of(type), Glossary.ForSchema(SchemaIds.For(type)));
            }
            return;
        }
        concrete.Description = Bilingual(XmlDocs.Of(type) ?? concrete.Description, Glossary.ForSchema(SchemaIds.For(type)));
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (!concrete.Properties.TryGetValue(name, out var propertySchema))
            {
                continue;
            }
            var description = Bilingual(XmlDocs.Of(property) ?? propertySchema.Description, Glossary.ForProperty(name));
            if (property.GetCustomAttribute<StringEnumAttribute>() is { } stringEnum)
            {
                concrete.Properties[name] = new OpenApiSchema
                {
                    AllOf = [StringEnumReference(stringEnum, context)],
                    Description = description,
                };
                continue;
            }
            if (propertySchema is not OpenApiSchema inline)
            {
                // A bare $ref cannot carry a description in OpenAPI 3.0: wrap it, as Swashbuckle does for the others.
                concrete.Properties[name] = new OpenApiSchema { AllOf = [propertySchema], Description = description };
                continue;
            }
            inline.Description = description;
            if (property.GetCustomAttribute<StoredAsHundredthsAttribute>() is { } hundredths)
            {
                inline.MultipleOf = 0.01m;
                if (!double.IsNaN(hundredths.Minimum))
                {
                    inline.Minimum = hundredths.Minimum.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                if (!double.IsNaN(hundredths.Maximum))
                {
                    inline.Maximum = hundredths.Maximum.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
    }

    private static IOpenApiSchema StringEnumReference(StringEnumAttribute attribute, SchemaFilterContext context)
    {
        var source = attribute.Values;
        if (source.IsEnum)
        {
            return context.SchemaGenerator.GenerateSchema(source, context.SchemaRepository);
        }
        var name = attribute.SchemaName ?? source.Name;
        if (!context.SchemaRepository.Schemas.ContainsKey(name))
        {
            var constants = source.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .ToList();
            var values = new List<JsonNode>();
            foreach (var constant in constants)
            {
                values.Add(JsonValue.Create((string)constant.GetRawConstantValue()!));
            }
            context.SchemaRepository.AddDefinition(name, new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = values,
                Description = EnumDescription(source, name, constants, constant => (string)constant.GetRawConstantValue()!),
            });
        }
        return new OpenApiSchemaReference(name, null);
    }

    private static string EnumDescription(Type type, string schemaName, IEnumerable<FieldInfo> members, Func<FieldInfo, string>? valueOf = null)
    {
        var head = Bilingual(XmlDocs.Of(type), Glossary.ForSchema(schemaName)) ?? schemaName;
        var lines = members
            .Select(m => (Value: valueOf?.Invoke(m) ?? m.Name, Text: XmlDocs.Of(m)))
            .Where(m => m.Text is not null)
            .Select(m => $"- `{m.Value}`: {m.Text}")
            .ToList();
        return lines.Count == 0 ? head : head + "\n\n" + string.Join("\n", lines);
    }

    /// <summary>"中文 / English": the text itself when it has Chinese, else the glossary's Chinese with the text's English.</summary>
    public static string? Bilingual(string? text, string? glossary)
    {
        text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (glossary is null || (HasChinese(text) && text!.Any(char.IsAsciiLetter)))
        {
            return text;
        }
        var split = glossary.IndexOf(" / ", StringComparison.Ordinal);
        if (HasChinese(text))
        {
            // A Chinese-only summary gets the glossary's English.
            return split < 0 ? text : $"{text!.TrimEnd('.', '。')} / {glossary[(split + 3)..]}";
        }
        var zh = split < 0 ? glossary : glossary[..split];
        var en = text ?? (split < 0 ? null : glossary[(split + 3)..]);
        return en is null ? zh : $"{zh} / {en}";
    }
}
