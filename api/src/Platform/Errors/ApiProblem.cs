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

    /// <summary>Every business rule that refused the request, when there are several (for example eligibility rules).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Violation>? Violations { get; init; }

    /// <summary>The request's trace identifier, for support.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TraceId { get; init; }
}

/// <summary>One rule that refused a request.</summary>
public sealed class Violation
{
    /// <summary>Stable rule code, e.g. <c>eligibility.consortium_well_formed</c>.</summary>
    public required string Code { get; init; }
    public required string MessageZh { get; init; }
    public required string MessageEn { get; init; }
    /// <summary>The organisation the rule is about, when there is one.</summary>
    public Guid? OrganisationId { get; init; }
}
