using Jiebang.Platform.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Jiebang.Platform.Http;

/// <summary>
/// How the host reads the presence and the media type of a request body, before an endpoint binds it:
/// <list type="bullet">
/// <item>An empty body (no bytes) to an operation that takes JSON is the empty JSON object, with or without a Content-Type:
/// an action whose body is optional (withdraw, approve) runs, and one whose body has required fields is refused naming them.
/// Generated clients send no body and no Content-Type when nothing was filled in.</item>
/// <item>A body whose media type the operation does not take is a 415 problem document (<c>unsupported_media_type</c>):
/// the framework would otherwise answer a body without Content-Type with a bare 415.</item>
/// </list>
/// </summary>
public static class RequestBodies
{
    public const string UnsupportedMediaTypeCode = "unsupported_media_type";

    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    /// <summary>The 415 problem: the media types the operation takes, when known.</summary>
    public static IResult UnsupportedMediaType(IReadOnlyCollection<string>? accepted = null) =>
        Problems.Of(StatusCodes.Status415UnsupportedMediaType, UnsupportedMediaTypeCode, "Unsupported media type",
            accepted is { Count: > 0 }
                ? $"请求体的类型须为 {string.Join(" 或 ", accepted)}。 / Send the body as {string.Join(" or ", accepted)}."
                : "此操作不接受该类型的请求体：请使用 application/json（上传文件用 multipart/form-data）。 / " +
                  "This operation does not take a body of this media type: send application/json (multipart/form-data for uploads).");

    public static async Task Normalise(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var accepted = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAcceptsMetadata>()
            .Where(a => !a.IsOptional).SelectMany(a => a.ContentTypes).Distinct(StringComparer.OrdinalIgnoreCase).ToList() ?? [];
        if (accepted.Count == 0 || !request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }
        var takesJson = accepted.Any(IsJson);
        var contentType = request.Headers.ContentType.ToString();
        if (IsEmpty(context) && (contentType.Length == 0 || IsJson(contentType)))
        {
            if (!takesJson)
            {
                await UnsupportedMediaType(accepted).ExecuteAsync(context);
                return;
            }
            request.ContentType = "application/json";
            request.ContentLength = EmptyObject.Length;
            request.Body = new MemoryStream(EmptyObject, writable: false);
        }
        else if (contentType.Length == 0)
        {
            // Routing only compares media types that were sent; a body without one is refused here, as a problem document.
            await UnsupportedMediaType(accepted).ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static bool IsEmpty(HttpContext context) =>
        context.Request.ContentLength == 0
        || context.Request.ContentLength is null && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == false;

    private static bool IsJson(string contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));
}
