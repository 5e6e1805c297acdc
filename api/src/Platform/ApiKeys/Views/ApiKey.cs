using Jiebang.Platform.ApiKeys.Data;

namespace Jiebang.Platform.ApiKeys.Views;

/// <summary>接口密钥 / A district portal's API key as the console lists it: never the key or its hash.</summary>
public sealed class ApiKey
{
    public required Guid Id { get; init; }
    /// <summary>名称 / Whose key it is, e.g. 海淀区门户.</summary>
    public required string Name { get; init; }
    /// <summary>前缀 / The 8 characters after jbk_, to recognise the key without revealing it.</summary>
    public required string Prefix { get; init; }
    /// <summary>行政区划 / The district the key covers (a 2- to 6-digit prefix).</summary>
    public required string DistrictCode { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>创建人 / Who created it (null for keys made by the CLI or the demo data).</summary>
    public string? CreatedBy { get; init; }
    /// <summary>最近使用 / Recorded at most once a minute.</summary>
    public DateTimeOffset? LastUsedAt { get; init; }
    /// <summary>False once revoked (or replaced by rotation): the key answers 401.</summary>
    public required bool Active { get; init; }
    /// <summary>吊销时间 / When it was revoked or replaced by rotation; null while it works.</summary>
    public DateTimeOffset? RevokedAt { get; init; }
    public required bool IsDemo { get; init; }
    public required int Version { get; init; }

    internal static ApiKey From(ApiKeyRow r) => new()
    {
        Id = r.Id, Name = r.Name, Prefix = r.Prefix, DistrictCode = r.DistrictCode, CreatedAt = r.CreatedAt, CreatedBy = r.CreatedBy,
        LastUsedAt = r.LastUsedAt, Active = !r.Revoked, RevokedAt = r.RevokedAt, IsDemo = r.IsDemo, Version = r.Version,
    };
}

/// <summary>新建的接口密钥 / A key just made: the key itself, shown this once, and its list item.</summary>
public sealed class IssuedApiKey
{
    /// <summary>密钥 / Send it as the X-Api-Key header. Shown only in this answer; store it safely.</summary>
    public required string Key { get; init; }
    public required ApiKey ApiKey { get; init; }
}
