namespace Jiebang.Platform.Organisations;

/// <summary>Kind of legal entity (主体类型); stored by name.</summary>
public enum OrganisationType
{
    /// <summary>高校</summary>
    University,
    /// <summary>科研院所</summary>
    Institute,
    /// <summary>企业</summary>
    Enterprise,
    /// <summary>新型研发机构</summary>
    NewRdInstitution,
    /// <summary>社会组织</summary>
    SocialOrganisation,
}

/// <summary>Credit standing as recorded by the task force from a public credit source (信用状况).</summary>
public enum CreditStanding
{
    /// <summary>良好</summary>
    Good,
    /// <summary>有不良信用记录</summary>
    BadRecord,
}

public static class OrganisationTypeNames
{
    public static string NameZh(OrganisationType type) => type switch
    {
        OrganisationType.University => "高校",
        OrganisationType.Institute => "科研院所",
        OrganisationType.Enterprise => "企业",
        OrganisationType.NewRdInstitution => "新型研发机构",
        OrganisationType.SocialOrganisation => "社会组织",
        _ => type.ToString(),
    };
}
