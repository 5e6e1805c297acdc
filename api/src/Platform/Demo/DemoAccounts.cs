using Jiebang.Platform.Organisations;

namespace Jiebang.Platform.Demo;

/// <summary>The demo organisations, accounts and key. For trying the system only; README lists them.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo#2026";

    /// <summary>A district key for 海淀区 (110108); demo only.</summary>
    public const string DistrictKey = "jbk_demo0108_haidian-demo-key-not-for-production";
    public const string DistrictCode = "110108";

    public static string Code(string first17) => first17 + CreditCode.CheckCharacter(first17);

    public static readonly string IssuerA = Code("91110108MA0000001");
    public static readonly string IssuerB = Code("91110105MA0000002");
    public static readonly string Tinavi = Code("91110108MA0000006");
    public static readonly string Undisclosed = Code("91110000MA0000000");
    public static readonly string ApplicantUniversity = Code("12110000400000011");
    public static readonly string ApplicantEnterprise = Code("91110114MA0000012");

    /// <param name="OrgAdmin">A unit administrator (单位管理员): manages the accounts of its own organisation.</param>
    public sealed record Account(string UserName, string DisplayName, string Role, string? OrganisationCode, bool OrgAdmin = false);

    public static readonly Account[] Accounts =
    [
        new("taskforce", "工作专班（演示）", Auth.Roles.TaskForce, null),
        new("issuer1", "发榜企业甲用户（演示）", Auth.Roles.Issuer, IssuerA, OrgAdmin: true),
        new("issuer2", "发榜企业乙用户（演示）", Auth.Roles.Issuer, IssuerB),
        new("applicant1", "揭榜高校用户（演示）", Auth.Roles.Applicant, ApplicantUniversity, OrgAdmin: true),
        new("applicant2", "揭榜企业用户（演示）", Auth.Roles.Applicant, ApplicantEnterprise),
        new("expert1", "专家一（演示）", Auth.Roles.Expert, null),
        new("expert2", "专家二（演示）", Auth.Roles.Expert, null),
        new("expert3", "专家三（演示）", Auth.Roles.Expert, null),
        new("auditor", "审计（演示）", Auth.Roles.Auditor, null),
    ];
}
