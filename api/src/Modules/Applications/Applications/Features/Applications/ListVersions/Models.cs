using System.Text.Json.Nodes;

namespace Jiebang.Applications.Features.Applications.ListVersions;

/// <summary>One submitted version of an application, kept as it was submitted.</summary>
internal sealed class SubmittedVersion
{
    public int VersionNo { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    public string SubmittedBy { get; init; } = "";
    /// <summary>The submitted content (with the consortium as it was); omitted in the list.</summary>
    public JsonNode? Content { get; set; }
}
