using Jiebang.Platform.Auth;

namespace Jiebang.Platform.Organisations.Features.Shared;

/// <summary>A legal entity of the registry (主体) as the caller may see it.</summary>
internal sealed class Organisation
{
    public required Guid Id { get; init; }
    /// <summary>统一社会信用代码 (18 characters, GB 32100-2015).</summary>
    public required string CreditCode { get; init; }
    public required string Name { get; init; }
    public required OrganisationType Type { get; init; }
    /// <summary>The type in Chinese (高校, 科研院所, 企业, 新型研发机构, 社会组织).</summary>
    public required string TypeName { get; init; }
    /// <summary>Registered 6-digit 行政区划 code.</summary>
    public required string RegionCode { get; init; }
    /// <summary>The province-level division of the region, in Chinese.</summary>
    public string? RegionName { get; init; }
    /// <summary>Registered in mainland China (not 台湾, 香港 or 澳门).</summary>
    public required bool Mainland { get; init; }
    public required bool IndependentLegalPerson { get; init; }
    public required CreditStanding CreditStanding { get; init; }
    /// <summary>Where the credit standing was taken from.</summary>
    public string? CreditSource { get; init; }
    /// <summary>The day the credit standing was recorded.</summary>
    public DateOnly? CreditRecordedOn { get; init; }
    /// <summary>成果转化基地 (for universities, institutes and new R&amp;D institutions).</summary>
    public string? CommercialisationBase { get; init; }
    public required bool IsDemo { get; init; }
    public string? Note { get; init; }
    public required int Version { get; init; }

    public static Organisation From(OrganisationStore.Row row) => new()
    {
        Id = row.Id,
        CreditCode = row.CreditCode,
        Name = row.Name,
        Type = row.Type,
        TypeName = OrganisationTypeNames.NameZh(row.Type),
        RegionCode = row.RegionCode,
        RegionName = Regions.ProvinceName(row.RegionCode),
        Mainland = row.IsMainland,
        IndependentLegalPerson = row.IndependentLegalPerson,
        CreditStanding = row.CreditStanding,
        CreditSource = row.CreditSource,
        CreditRecordedOn = row.CreditRecordedOn,
        CommercialisationBase = row.CommercialisationBase,
        IsDemo = row.IsDemo,
        Note = row.Note,
        Version = row.Version,
    };
}

internal static class OrganisationAccess
{
    public const string Module = "Platform";
    public const string Entity = "Organisation";

    /// <summary>Every signed-in person may look an organisation up; a district key only those registered in its district.</summary>
    public static bool IsVisibleTo(this OrganisationStore.Row row, Caller caller) =>
        caller.IsDistrict ? caller.CoversRegion(row.RegionCode) : !caller.IsAnonymous;
}
