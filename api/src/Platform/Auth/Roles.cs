namespace Jiebang.Platform.Auth;

/// <summary>The roles of people and partner systems. Names are stable: they appear in tokens and the API document.</summary>
public static class Roles
{
    public const string TaskForce = "TaskForce";
    public const string Issuer = "Issuer";
    public const string Applicant = "Applicant";
    public const string Expert = "Expert";
    public const string Auditor = "Auditor";

    /// <summary>A district portal or partner system calling with an API key.</summary>
    public const string District = "District";

    public static readonly string[] People = [TaskForce, Issuer, Applicant, Expert, Auditor];

    public static bool IsPersonRole(string role) => People.Contains(role, StringComparer.Ordinal);
}

public static class JiebangClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Organisation = "org";
    public const string Expert = "expert";
    public const string District = "district";
}
