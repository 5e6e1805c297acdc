using System.Text.Json.Serialization;

namespace Jiebang.Platform.Errors;

/// <summary>An RFC 9457 problem document with a stable machine-readable code and optional field errors.</summary>
public sealed class ApiProblem
{
    /// <summary>A URI reference naming the problem type.</summary>
    public string Type { get; init; } = "about:blank";

    /// <summary>A short English summary of the problem.</summary>
    public string Title { get; init; } = "";

    /// <summary>The HTTP status code.</summary>
    public int Status { get; init; }

    /// <summary>Explanation for people, in Chinese and English.</summary>
    public string? Detail { get; init; }

    /// <summary>The request path that produced the problem.</summary>
    public string? Instance { get; init; }

    /// <summary>Stable error code; never changes once published (for example <c>challenge.invalid_state</c>).</summary>
    public string Code { get; init; } = "";

    /// <summary>Field errors keyed by the request property (camelCase).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IDictionary<string, string[]>? Errors { get; init; }

    /// <summary>The request's trace identifier, for support.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TraceId { get; init; }
}
