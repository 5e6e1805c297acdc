using Jiebang.Platform.Auth;

namespace Jiebang.Platform.Organisations.Views;

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
    /// <summary>The region's full name in Chinese, down to the county (北京市海淀区), from the GB/T 2260 table.</summary>
    public string? RegionName { get; init; }
    /// <summary>Registered in mainland China (not 台湾, 香港 or 澳门), as the credit code's registration authority says.</summary>
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
    /// <summary>工作专班已核实 / The task force has verified the record (by a verification or a correction).</summary>
    public required bool Verified { get; init; }
    /// <summary>核实人 / Who verified it (task force and auditors only).</summary>
    public string? VerifiedBy { get; init; }
    /// <summary>核实时间 / When it was verified (task force and auditors only).</summary>
    public DateTimeOffset? VerifiedAt { get; init; }
    /// <summary>登记人 / Who registered the record through the API (task force and auditors only; absent for seeded records).</summary>
    public OrganisationRegistrant? RegisteredBy { get; init; }

    /// <summary>The record as <paramref name="caller"/> may see it: who registered and verified it only for the task force and auditors.</summary>
    public static Organisation From(OrganisationStore.Row row, Caller caller)
    {
        var all = From(row);
        if (!caller.ReadsEverything)
        {
            return all;
        }
        return new Organisation
        {
            Id = all.Id, CreditCode = all.CreditCode, Name = all.Name, Type = all.Type, TypeName = all.TypeName, RegionCode = all.RegionCode,
            RegionName = all.RegionName, Mainland = all.Mainland, IndependentLegalPerson = all.IndependentLegalPerson,
            CreditStanding = all.CreditStanding, CreditSource = all.CreditSource, CreditRecordedOn = all.CreditRecordedOn,
            CommercialisationBase = all.CommercialisationBase, IsDemo = all.IsDemo, Note = all.Note, Version = all.Version,
            Verified = all.Verified,
            VerifiedBy = row.VerifiedBy,
            VerifiedAt = row.VerifiedAt,
            RegisteredBy = row.RegisteredByKind is null ? null : new OrganisationRegistrant
            {
                Kind = row.RegisteredByKind, UserId = row.RegisteredById, Name = row.RegisteredByName ?? "",
            },
        };
    }

    /// <summary>The record without who registered or verified it (what every caller may see).</summary>
    public static Organisation From(OrganisationStore.Row row) => new()
    {
        Id = row.Id,
        CreditCode = row.CreditCode,
        Name = row.Name,
        Type = row.Type,
        TypeName = OrganisationTypeNames.NameZh(row.Type),
        RegionCode = row.RegionCode,
        RegionName = Regions.NameOf(row.RegionCode),
        Mainland = row.IsMainland,
        IndependentLegalPerson = row.IndependentLegalPerson,
        CreditStanding = row.CreditStanding,
        CreditSource = row.CreditSource,
        CreditRecordedOn = row.CreditRecordedOn,
        CommercialisationBase = row.CommercialisationBase,
        IsDemo = row.IsDemo,
        Note = row.Note,
        Version = row.Version,
        Verified = row.Verified,
    };
}

/// <summary>登记人 / Who registered an organisation: a user of the console or a district system's API key.</summary>
internal sealed class OrganisationRegistrant
{
    /// <summary>User or DistrictKey.</summary>
    public required string Kind { get; init; }
    /// <summary>The user's id; absent for a district key.</summary>
    public Guid? UserId { get; init; }
    /// <summary>The user name or the key's name.</summary>
    public required string Name { get; init; }
}
