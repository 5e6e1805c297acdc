using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Platform.Http;

/// <summary>Versions travel as weak-free ETags (<c>"3"</c>); updates send them back in If-Match.</summary>
public static class Versioning
{
    public const string IfMatch = "If-Match";

    public static string ETag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static void SetETag(HttpResponse response, int version) => response.Headers.ETag = ETag(version);

    /// <summary>Parses If-Match; null when absent or not a version this API issued.</summary>
    public static int? Parse(string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return null;
        }
        var text = ifMatch.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal))
        {
            text = text[2..];
        }
        text = text.Trim('"');
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;
    }
}

/// <summary>Endpoint metadata: the operation reads If-Match (documented as a header parameter).</summary>
public sealed record IfMatchMetadata(bool Required);

public static class VersioningDocs
{
    /// <summary>Declares the If-Match header; required ones answer 428 when it is missing and 412 when it is stale.</summary>
    public static Microsoft.AspNetCore.Builder.RouteHandlerBuilder IfMatch(this Microsoft.AspNetCore.Builder.RouteHandlerBuilder builder, bool required) =>
        builder.WithMetadata(new IfMatchMetadata(required));
}
