using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Jiebang.Host.OpenApi;

internal static class OpenApiSetup
{
    public const string DocumentName = "v1";

    /// <summary>Configuration key: serve /swagger (the UI and the document) outside Development.</summary>
    public const string ServeKey = "OpenApi:Serve";

    /// <summary>
    /// The UI and the document describe every operation, problem code and example: Development serves them, any other
    /// environment only when OpenApi:Serve is true (the committed document in api/openapi is what partners build from).
    /// </summary>
    public static bool IsServed(IConfiguration configuration, IHostEnvironment environment) =>
        environment.IsDevelopment() || configuration.GetValue(ServeKey, false);
    public const string ContractVersion = "2.1.0";

    public static IServiceCollection AddJiebangOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(c =>
        {
            c.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Jiebang API (揭榜挂帅平台)",
                // Semantic version of the contract: a breaking change (see the compatibility test) needs a new major.
                Version = ContractVersion,
                Contact = new OpenApiContact { Name = "Jiebang platform team (揭榜挂帅平台)", Url = new Uri("https://jiebang.example/developers") },
                Description = "揭榜挂帅：发榜、揭榜、论证、资助。 / Challenge-based R&D calls: publish needs, apply, review, co-fund. " +
                              "Errors are RFC 9457 problem documents with a stable `code`.",
            });
            c.CustomSchemaIds(SchemaIds.For);
            c.AddServer(new OpenApiServer { Url = "/", Description = "The host serving this document / 提供本文档的主机" });
            // A stable order, so the generated document only changes when the API does.
            c.OrderActionsBy(a => $"{a.RelativePath}|{a.HttpMethod}");
            c.SupportNonNullableReferenceTypes();
            // Lets a property that refers to a schema say it may be null (allOf + nullable), so clients get EligibilityOutcome?.
            c.UseAllOfToExtendReferenceSchemas();
            c.NonNullableReferenceTypesAsRequired();
            // The summaries of the host, the platform, every module and every contracts assembly reach the document.
            foreach (var file in XmlDocs.Files)
            {
                c.IncludeXmlComments(file);
            }
            c.SchemaFilter<DescriptionSchemaFilter>();
            c.OperationFilter<FastEndpointsOperationFilter>();
            // Free-form JSON (a submitted version's content) is an object to clients, not the serializer's node type.
            c.MapType<System.Text.Json.Nodes.JsonNode>(() => new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalPropertiesAllowed = true });
            c.MapType<System.Text.Json.Nodes.JsonObject>(() => new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalPropertiesAllowed = true });
            c.MapType<System.Text.Json.JsonElement>(() => new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalPropertiesAllowed = true });
            c.AddSecurityDefinition(SecuritySchemes.Bearer, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "POST /api/v1/auth/token, then send Authorization: Bearer <token>.",
            });
            c.AddSecurityDefinition(SecuritySchemes.ApiKey, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = Platform.Auth.ApiKeys.HeaderName,
                Description = "District portal / partner system key, scoped to a 行政区划 prefix.",
            });
        });
        return services;
    }
}
