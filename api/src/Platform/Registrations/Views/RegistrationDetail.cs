using Jiebang.Platform.Organisations;
using Jiebang.Platform.Organisations.Views;
using Jiebang.Platform.Registrations.Data;
using Jiebang.Platform.Registrations.Domain;

namespace Jiebang.Platform.Registrations.Views;

/// <summary>A unit's registration as the task force reviews it (注册审核).</summary>
internal sealed class RegistrationDetail
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    /// <summary>统一社会信用代码.</summary>
    public required string CreditCode { get; init; }
    public required OrganisationType OrgType { get; init; }
    /// <summary>The type in Chinese (高校, 科研院所, 企业, 新型研发机构, 社会组织).</summary>
    public required string OrgTypeName { get; init; }
    /// <summary>The 行政区划 of the registration authority named by characters 3 to 8 of the credit code.</summary>
    public required string RegionCode { get; init; }
    public string? RegionName { get; init; }
    /// <summary>Registered in mainland China, as the credit code's registration authority says.</summary>
    public required bool Mainland { get; init; }
    /// <summary>法定代表人 / The legal representative.</summary>
    public required string LegalRepresentative { get; init; }
    /// <summary>单位管理员 / The unit administrator's name.</summary>
    public required string AdminDisplayName { get; init; }
    /// <summary>管理员手机号 / The administrator's mobile number.</summary>
    public required string AdminMobile { get; init; }
    /// <summary>管理员邮箱 / The administrator's email address.</summary>
    public required string AdminEmail { get; init; }
    /// <summary>管理员用户名 / The user name the administrator's account gets on approval.</summary>
    public required string AdminUserName { get; init; }
    /// <summary>营业执照或法人证书 / The licence or certificate (download it with Registrations_DownloadLicence).</summary>
    public required LicenceInfo Licence { get; init; }
    public required RegistrationStatus Status { get; init; }
    /// <summary>未通过的理由（展示给注册单位） / Why it was rejected (shown to the unit).</summary>
    public string? RejectionReason { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    /// <summary>审核时间 / When it was approved or rejected.</summary>
    public DateTimeOffset? ReviewedAt { get; init; }
    /// <summary>审核人 / Who approved or rejected it.</summary>
    public string? ReviewedBy { get; init; }
    /// <summary>The registry record approval created or linked; null until approved.</summary>
    public Guid? OrganisationId { get; init; }
    /// <summary>The unit administrator's account approval created; null until approved.</summary>
    public Guid? UserId { get; init; }
    /// <summary>
    /// 主体库中同一信用代码的记录 / The registry record with the same credit code (e.g. registered by a district portal): approval
    /// links it instead of creating another, and marks it verified. Null when the registry has none.
    /// </summary>
    public ExistingOrganisation? ExistingOrganisation { get; init; }
    /// <summary>用户名已被占用 / An account with the administrator's user name exists: approval would be refused.</summary>
    public required bool UserNameTaken { get; init; }
    public required bool IsDemo { get; init; }
    public required int Version { get; init; }

    public static RegistrationDetail From(RegistrationStore.Row row, OrganisationStore.Row? existing, bool userNameTaken) => new()
    {
        Id = row.Id,
        Name = row.Name,
        CreditCode = row.CreditCode,
        OrgType = row.OrgType,
        OrgTypeName = OrganisationTypeNames.NameZh(row.OrgType),
        RegionCode = Organisations.CreditCode.RegionOf(row.CreditCode),
        RegionName = Regions.NameOf(Organisations.CreditCode.RegionOf(row.CreditCode)),
        Mainland = Regions.IsMainlandAuthority(Organisations.CreditCode.RegionOf(row.CreditCode)),
        LegalRepresentative = row.LegalRepresentative,
        AdminDisplayName = row.AdminDisplayName,
        AdminMobile = row.AdminMobile,
        AdminEmail = row.AdminEmail,
        AdminUserName = row.AdminUserName,
        Licence = new LicenceInfo { FileName = row.LicenceFileName, ContentType = row.LicenceContentType, Size = row.LicenceSize },
        Status = row.Status,
        RejectionReason = row.RejectionReason,
        SubmittedAt = row.SubmittedAt,
        ReviewedAt = row.ReviewedAt,
        ReviewedBy = row.ReviewedBy,
        OrganisationId = row.OrganisationId,
        UserId = row.UserId,
        ExistingOrganisation = existing is null ? null : new ExistingOrganisation
        {
            Id = existing.Id,
            Name = existing.Name,
            Verified = existing.Verified,
            RegisteredBy = existing.RegisteredByKind is null ? null : new OrganisationRegistrant
            {
                Kind = existing.RegisteredByKind, UserId = existing.RegisteredById, Name = existing.RegisteredByName ?? "",
            },
        },
        // Once decided, the question no longer arises (the administrator's own account holds the name after approval).
        UserNameTaken = row.Status == RegistrationStatus.Pending && userNameTaken,
        IsDemo = row.IsDemo,
        Version = row.Version,
    };
}

/// <summary>营业执照文件 / The licence file's name, detected type and size.</summary>
internal sealed class LicenceInfo
{
    public required string FileName { get; init; }
    /// <summary>application/pdf, image/png or image/jpeg, as recognised from the content.</summary>
    public required string ContentType { get; init; }
    /// <summary>大小（字节） / Size in bytes.</summary>
    public required long Size { get; init; }
}

/// <summary>主体库中的同码记录 / The registry's record with the registration's credit code.</summary>
internal sealed class ExistingOrganisation
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    /// <summary>已核实 / The task force has verified the record.</summary>
    public required bool Verified { get; init; }
    /// <summary>登记人 / Who registered the record (a user or a district key); null for seeded records.</summary>
    public OrganisationRegistrant? RegisteredBy { get; init; }
}
