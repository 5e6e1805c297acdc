using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using FastEndpoints;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Jiebang.Host.OpenApi;

/// <summary>
/// Documents FastEndpoints request DTOs the way they are bound: route segments become path parameters on every verb,
/// the DTO's properties become query parameters on GET and DELETE (which then have no body), If-Match becomes a header,
/// and each operation states the security it accepts.
/// </summary>
internal sealed partial class FastEndpointsOperationFilter : IOperationFilter
{
    [GeneratedRegex(@"\{(?<name>[A-Za-z0-9_]+)(:(?<constraint>[A-Za-z0-9_]+))?\??\}")]
    private static partial Regex RouteParameter();

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var api = context.ApiDescription;
        var metadata = api.ActionDescriptor.EndpointMetadata;
        var definition = metadata.OfType<EndpointDefinition>().FirstOrDefault();
        var pattern = definition?.Routes.FirstOrDefault() ?? "/" + api.RelativePath;
        operation.Parameters ??= new List<IOpenApiParameter>();

        var routeNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in RouteParameter().Matches(pattern))
        {
            var name = m.Groups["name"].Value;
            routeNames.Add(name);
            var existing = operation.Parameters.FirstOrDefault(p => p.Name == name && p.In == ParameterLocation.Path);
            if (existing is not null)
            {
                operation.Parameters.Remove(existing);
            }
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Path,
                Required = true,
                Schema = m.Groups["constraint"].Value switch
                {
                    "guid" => new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
                    "int" => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                    _ => new OpenApiSchema { Type = JsonSchemaType.String },
                },
            });
        }

        var method = api.HttpMethod?.ToUpperInvariant();
        var dto = definition?.ReqDtoType;
        if (method is "GET" or "DELETE" or "HEAD")
        {
            operation.RequestBody = null;
            if (dto is not null && dto != typeof(EmptyRequest))
            {
                foreach (var property in dto.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (!property.CanWrite || property.GetCustomAttribute<JsonIgnoreAttribute>() is not null || routeNames.Contains(property.Name))
                    {
                        continue;
                    }
                    var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                    if (operation.Parameters.Any(p => p.Name == name && p.In == ParameterLocation.Query))
                    {
                        continue;
                    }
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = name,
                        In = ParameterLocation.Query,
                        Required = false,
                        Description = XmlSummary(property),
                        Schema = context.SchemaGenerator.GenerateSchema(property.PropertyType, context.SchemaRepository),
                    });
                }
            }
        }

        if (metadata.OfType<IfMatchMetadata>().LastOrDefault() is { } ifMatch)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Required = ifMatch.Required,
                Description = ifMatch.Required
                    ? "The resource version from its ETag; 412 when stale, 428 when missing."
                    : "Optional resource version from its ETag; 412 when stale.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        if (metadata.OfType<IdempotentMetadata>().Any())
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = Platform.Idempotency.IdempotencyStore.HeaderName,
                In = ParameterLocation.Header,
                Required = false,
                Description = "1-200 visible ASCII characters. A retry with the same key and body gets the stored response; " +
                              "the same key with another body gets 422 idempotency.key_reused. 同一幂等键重试返回首次结果。",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
            });
        }

        if (metadata.OfType<RequestExampleMetadata>().LastOrDefault() is { } example
            && operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true && media is OpenApiMediaType jsonMedia)
        {
            jsonMedia.Example = JsonSerializer.SerializeToNode(example.Example, example.Example.GetType(), Platform.Errors.JsonDefaults.Options);
        }

        ApplySecurity(operation, context, metadata, definition);
        AddEdgeResponses(operation, context);
        DescribeProblems(operation, metadata);
        if (string.IsNullOrEmpty(operation.Description))
        {
            operation.Description = operation.Summary;
        }
    }

    /// <summary>Codes every operation may answer with for these statuses, whatever the endpoint.</summary>
    private static readonly Dictionary<string, string[]> GenericCodes = new()
    {
        ["400"] = ["validation_failed", "request.malformed"],
        ["401"] = ["auth.required", "auth.invalid_credentials"],
        ["403"] = ["forbidden"],
        ["404"] = ["not_found"],
        ["412"] = ["concurrency.version_mismatch"],
        ["413"] = ["request.too_large"],
        ["429"] = ["rate_limited"],
        ["422"] = ["idempotency.key_reused"],
        ["428"] = ["concurrency.if_match_required"],
    };

    /// <summary>Every API operation can be rate limited (429), and every one with a body refused as too large (413).</summary>
    private static void AddEdgeResponses(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Responses ??= new OpenApiResponses();
        IOpenApiResponse Problem(string description) => new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                [Platform.Errors.Problems.ContentType] = new OpenApiMediaType
                {
                    Schema = context.SchemaGenerator.GenerateSchema(typeof(Platform.Errors.ApiProblem), context.SchemaRepository),
                },
            },
        };
        if (!operation.Responses.ContainsKey("429"))
        {
            operation.Responses["429"] = Problem("Too Many Requests (see Retry-After)");
        }
        if (operation.RequestBody is not null && !operation.Responses.ContainsKey("413"))
        {
            operation.Responses["413"] = Problem("Payload Too Large");
        }
    }

    private static void DescribeProblems(OpenApiOperation operation, IList<object> metadata)
    {
        if (operation.Responses is null)
        {
            return;
        }
        var declared = metadata.OfType<ProblemCodesMetadata>()
            .GroupBy(m => m.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.SelectMany(m => m.Codes));
        foreach (var (status, response) in operation.Responses)
        {
            if (response is not OpenApiResponse concrete || !status.StartsWith('4'))
            {
                continue;
            }
            var codes = GenericCodes.GetValueOrDefault(status, []).Concat(declared.GetValueOrDefault(status, []))
                .Distinct(StringComparer.Ordinal).ToList();
            if (codes.Count == 0)
            {
                continue;
            }
            concrete.Description = $"{concrete.Description}. Problem codes / 错误代码: {string.Join(", ", codes.Select(c => $"`{c}`"))}";
            concrete.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            var array = new System.Text.Json.Nodes.JsonArray();
            foreach (var code in codes)
            {
                array.Add(code);
            }
            concrete.Extensions["x-problem-codes"] = new JsonNodeExtension(array);
        }
    }

    private static void ApplySecurity(OpenApiOperation operation, OperationFilterContext context, IList<object> metadata, EndpointDefinition? definition)
    {
        var bearer = new OpenApiSecuritySchemeReference(SecuritySchemes.Bearer, context.Document);
        var apiKey = new OpenApiSecuritySchemeReference(SecuritySchemes.ApiKey, context.Document);
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var roles = definition?.AllowedRoles ?? [];
        operation.Security = new List<OpenApiSecurityRequirement>();
        if (anonymous)
        {
            // Anonymous callers are served; a token or key widens what they see.
            operation.Security.Add(new OpenApiSecurityRequirement());
            operation.Security.Add(new OpenApiSecurityRequirement { [bearer] = [] });
            operation.Security.Add(new OpenApiSecurityRequirement { [apiKey] = [] });
            return;
        }
        operation.Security.Add(new OpenApiSecurityRequirement { [bearer] = [] });
        if (roles.Contains(Roles.District))
        {
            operation.Security.Add(new OpenApiSecurityRequirement { [apiKey] = [] });
        }
        if (roles.Count > 0)
        {
            operation.Description = (operation.Description is null ? "" : operation.Description + "\n\n") + "Roles: " + string.Join(", ", roles);
        }
    }

    private static string? XmlSummary(PropertyInfo property) => null;
}

internal static class SecuritySchemes
{
    public const string Bearer = "Bearer";
    public const string ApiKey = "ApiKey";
}
