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
                        Description = DescriptionSchemaFilter.Bilingual(XmlDocs.Of(property), Glossary.ForProperty(name)),
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
                    ? "资源版本（取自 ETag）；过期返回 412，缺少返回 428 / The resource version from its ETag; 412 when stale, 428 when missing."
                    : "可选的资源版本（取自 ETag）；过期返回 412 / Optional resource version from its ETag; 412 when stale.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        foreach (var header in metadata.OfType<RequestHeaderMetadata>())
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = header.Name,
                In = ParameterLocation.Header,
                Required = header.Required,
                Description = header.Description,
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

        var details = operation.Description;
        var roles = ApplySecurity(operation, context, metadata, definition);
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        AddEdgeResponses(operation, context);
        DescribeHeaders(operation, metadata);
        DescribeProblems(operation, metadata, anonymous);
        // The summary is "中文 / English"; the details, where an endpoint gives them, follow it, then who may call.
        operation.Description = string.Join("\n\n", new[]
        {
            operation.Summary,
            details,
            roles.Count > 0 ? "角色 / Roles: " + string.Join(", ", roles)
                : anonymous ? "匿名可用；带令牌或密钥时按调用者扩大可见范围 / Open to anonymous callers; a token or key widens what they see."
                : null,
        }.Where(s => !string.IsNullOrWhiteSpace(s)));
    }

    /// <summary>
    /// Response headers: those the endpoint declares (ETag on its successes, Location on its 201/202), Idempotent-Replayed
    /// on the successes of operations that honour Idempotency-Key, and Retry-After on 429 and 503.
    /// </summary>
    private static void DescribeHeaders(OpenApiOperation operation, IList<object> metadata)
    {
        if (operation.Responses is null)
        {
            return;
        }
        var declared = metadata.OfType<ResponseHeaderMetadata>().ToList();
        if (metadata.OfType<IdempotentMetadata>().Any())
        {
            declared.Add(new ResponseHeaderMetadata(0, Platform.Idempotency.IdempotencyStore.ReplayedHeader, ResponseHeaders.ReplayedDescription));
        }
        declared.Add(new ResponseHeaderMetadata(429, ResponseHeaders.RetryAfter, ResponseHeaders.RetryAfterDescription));
        declared.Add(new ResponseHeaderMetadata(503, ResponseHeaders.RetryAfter, ResponseHeaders.RetryAfterDescription));
        foreach (var (status, response) in operation.Responses)
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }
            foreach (var header in declared.Where(h => Applies(h, status)))
            {
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers[header.Name] = new OpenApiHeader
                {
                    Description = header.Description,
                    Schema = header.Name == ResponseHeaders.RetryAfter
                        ? new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1" }
                        : new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }
        }
    }

    private static bool Applies(ResponseHeaderMetadata header, string status) => header.Status switch
    {
        0 when header.Name == ResponseHeaders.Location => status is "201" or "202",
        0 => status.StartsWith('2'),
        var s => status == s.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Codes every operation may answer with for these statuses, whatever the endpoint.</summary>
    private static readonly Dictionary<string, string[]> GenericCodes = new()
    {
        ["400"] = ["validation_failed", "request.malformed"],
        ["401"] = ["auth.required", "auth.invalid_credentials"],
        ["403"] = ["forbidden", Platform.Auth.PasswordChangeGate.Code],
        ["404"] = ["not_found"],
        ["412"] = ["concurrency.version_mismatch"],
        ["413"] = ["request.too_large"],
        ["429"] = ["rate_limited"],
        ["415"] = ["unsupported_media_type"],
        ["422"] = ["idempotency.key_reused"],
        ["428"] = ["concurrency.if_match_required"],
        ["503"] = ["service.unavailable"],
    };

    /// <summary>
    /// What every operation can answer whatever the endpoint: 401 for credentials that were sent but do not authenticate
    /// (HostSetup.RefuseBadCredentials, anonymous operations included), 429 when rate limited, 503 while the database is
    /// away; and every operation with a body: 413 when it is too large and 415 when it is not of a declared media type.
    /// </summary>
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
        if (!operation.Responses.ContainsKey("401"))
        {
            operation.Responses["401"] = Problem("Unauthorized: the token or API key sent is not valid / 令牌或 API 密钥无效");
        }
        if (!operation.Responses.ContainsKey("429"))
        {
            operation.Responses["429"] = Problem("Too Many Requests (see Retry-After) / 请求过于频繁");
        }
        if (operation.RequestBody is not null && !operation.Responses.ContainsKey("413"))
        {
            operation.Responses["413"] = Problem("Payload Too Large / 请求体过大");
        }
        if (operation.RequestBody is not null && !operation.Responses.ContainsKey("415"))
        {
            operation.Responses["415"] = Problem("Unsupported Media Type: send the content type the operation declares / 不支持的请求体类型");
        }
        if (!operation.Responses.ContainsKey("503"))
        {
            operation.Responses["503"] = Problem("Service Unavailable: the database is temporarily away (see Retry-After) / 服务暂不可用");
        }
    }

    private static void DescribeProblems(OpenApiOperation operation, IList<object> metadata, bool anonymous)
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
            if (response is not OpenApiResponse concrete || !(status.StartsWith('4') || status == "503"))
            {
                continue;
            }
            // An anonymous operation never asks for credentials; it refuses only those that were sent and are not valid.
            var generic = anonymous && status == "401" ? ["auth.invalid_credentials"] : GenericCodes.GetValueOrDefault(status, []);
            var codes = generic.Concat(declared.GetValueOrDefault(status, []))
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

    private static IReadOnlyCollection<string> ApplySecurity(OpenApiOperation operation, OperationFilterContext context, IList<object> metadata,
        EndpointDefinition? definition)
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
            return [];
        }
        operation.Security.Add(new OpenApiSecurityRequirement { [bearer] = [] });
        if (roles.Contains(Roles.District))
        {
            operation.Security.Add(new OpenApiSecurityRequirement { [apiKey] = [] });
        }
        return roles;
    }
}

internal static class SecuritySchemes
{
    public const string Bearer = "Bearer";
    public const string ApiKey = "ApiKey";
}
