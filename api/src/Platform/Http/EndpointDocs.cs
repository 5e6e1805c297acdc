using Jiebang.Platform.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Platform.Http;

/// <summary>How every endpoint describes itself to the OpenAPI document: operationId, tag, summary, responses.</summary>
public static class EndpointDocs
{
    public static RouteHandlerBuilder Api(this RouteHandlerBuilder builder, string operationId, string tag, string summary,
        string? description = null)
    {
        builder.WithName(operationId).WithTags(tag).WithSummary(summary);
        if (description is not null)
        {
            builder.WithDescription(description);
        }
        return builder;
    }

    /// <summary>Declares the JSON request body (FastEndpoints' own Accepts metadata is cleared with the defaults).</summary>
    public static RouteHandlerBuilder Body<T>(this RouteHandlerBuilder builder) where T : notnull =>
        builder.Accepts<T>("application/json");

    public static RouteHandlerBuilder Ok<T>(this RouteHandlerBuilder builder, int status = StatusCodes.Status200OK) =>
        builder.Produces<T>(status, "application/json");

    /// <summary>Declares problem responses (RFC 9457 with a stable code) for the given statuses.</summary>
    public static RouteHandlerBuilder Problems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.Produces<ApiProblem>(status, Errors.Problems.ContentType);
        }
        return builder;
    }
}
