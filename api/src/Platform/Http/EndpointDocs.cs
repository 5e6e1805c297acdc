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

    /// <summary>
    /// The operation honours an Idempotency-Key header (documented as an optional header parameter): a retry with the same key
    /// and body gets the stored response; the same key with another body gets 422 idempotency.key_reused.
    /// </summary>
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new IdempotentMetadata());

    /// <summary>
    /// Names the business-rule codes a problem response of this status can carry (the generic codes of 400, 401, 403,
    /// 404, 412, 422 and 428 are documented for every operation).
    /// </summary>
    public static RouteHandlerBuilder Codes(this RouteHandlerBuilder builder, int status, params string[] codes) =>
        builder.WithMetadata(new ProblemCodesMetadata(status, codes));

    /// <summary>An example request body shown in the OpenAPI document (serialised the way the API reads it).</summary>
    public static RouteHandlerBuilder Example<T>(this RouteHandlerBuilder builder, T example) where T : notnull =>
        builder.WithMetadata(new RequestExampleMetadata(example));

    /// <summary>Every success response of the operation carries an ETag with the resource's version.</summary>
    public static RouteHandlerBuilder ETag(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new ResponseHeaderMetadata(0, ResponseHeaders.ETag, ResponseHeaders.ETagDescription));

    /// <summary>Its 201 (created) or 202 (accepted) response carries a Location with the new resource's address.</summary>
    public static RouteHandlerBuilder Location(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new ResponseHeaderMetadata(0, ResponseHeaders.Location, ResponseHeaders.LocationDescription));

    /// <summary>A request header the operation reads (documented as a header parameter).</summary>
    public static RouteHandlerBuilder RequestHeader(this RouteHandlerBuilder builder, string name, bool required, string description) =>
        builder.WithMetadata(new RequestHeaderMetadata(name, required, description));

    /// <summary>A response header sent with the given status.</summary>
    public static RouteHandlerBuilder Header(this RouteHandlerBuilder builder, int status, string name, string description) =>
        builder.WithMetadata(new ResponseHeaderMetadata(status, name, description));

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

/// <summary>Endpoint metadata: the operation honours Idempotency-Key.</summary>
public sealed record IdempotentMetadata;

/// <summary>Endpoint metadata: a request header the operation reads.</summary>
public sealed record RequestHeaderMetadata(string Name, bool Required, string Description);

/// <summary>Endpoint metadata: the business-rule codes a problem response of this status can carry.</summary>
public sealed record ProblemCodesMetadata(int Status, IReadOnlyList<string> Codes);

/// <summary>Endpoint metadata: an example request body for the OpenAPI document.</summary>
public sealed record RequestExampleMetadata(object Example);
