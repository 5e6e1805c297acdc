namespace Jiebang.Platform.Http;

/// <summary>
/// Documents a string property as a string enum in the OpenAPI document. <see cref="Values"/> is an enum type or a static
/// class of string constants (like <c>FeedTypes</c>): every constant is a value, so a constant added later reaches the
/// document without touching this attribute. The property keeps its C# type; the values are what the code writes.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class StringEnumAttribute(Type values, string? schemaName = null) : Attribute
{
    public Type Values { get; } = values;

    /// <summary>The schema's name in components/schemas; the type's name by default.</summary>
    public string? SchemaName { get; } = schemaName;
}

/// <summary>
/// A number the API stores as hundredths (scores, weights, thresholds): documented with <c>multipleOf: 0.01</c>, and with
/// the bounds the validator enforces when given (NaN = unbounded; "greater than 0" is a minimum of 0.01).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class StoredAsHundredthsAttribute : Attribute
{
    public double Minimum { get; init; } = double.NaN;
    public double Maximum { get; init; } = double.NaN;
}

/// <summary>A response header an operation sends, for the OpenAPI document (see <see cref="EndpointDocs.Header"/>).</summary>
public sealed record ResponseHeaderMetadata(int Status, string Name, string Description);

/// <summary>The response headers the platform sends; their documentation, in Chinese and English.</summary>
public static class ResponseHeaders
{
    public const string ETag = "ETag";
    public const string Location = "Location";
    public const string RetryAfter = "Retry-After";

    public const string ETagDescription =
        "资源的当前版本（如 \"3\"），更新时放入 If-Match / The resource's current version (e.g. \"3\"); send it back in If-Match to update it.";

    public const string LocationDescription = "新建资源的地址 / Where the created resource can be read.";

    public const string RetryAfterDescription = "多少秒后再试 / How many seconds to wait before trying again.";

    public const string ReplayedDescription =
        "值为 true：这是同一 Idempotency-Key 的首次响应的重放，未再次写入（重放不带 ETag）/ " +
        "true when this is the stored first response to the same Idempotency-Key, replayed without writing again (a replay carries no ETag).";
}
