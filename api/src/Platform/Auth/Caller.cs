using System.Security.Claims;

namespace Jiebang.Platform.Auth;

/// <summary>Who is calling: a person with a role, a district system with an API key, or nobody.</summary>
public sealed record Caller(Guid? UserId, string Name, string? Role, Guid? OrganisationId, Guid? ExpertId, string? DistrictCode)
{
    public static Caller Anonymous { get; } = new(null, "anonymous", null, null, null, null);

    public const string SystemRole = "System";

    /// <summary>Another module acting through a notification; named after that module in the audit log.</summary>
    public static Caller SystemFor(string module) => new(null, module, SystemRole, null, null, null);

    public bool IsSystem => Role == SystemRole;

    public bool IsAnonymous => Role is null;
    public bool IsTaskForce => Role == Roles.TaskForce;
    public bool IsAuditor => Role == Roles.Auditor;
    public bool IsIssuer => Role == Roles.Issuer;
    public bool IsApplicant => Role == Roles.Applicant;
    public bool IsExpert => Role == Roles.Expert;
    public bool IsDistrict => Role == Roles.District;

    /// <summary>Task force and auditors read everything; only the task force changes what is not its own.</summary>
    public bool ReadsEverything => IsTaskForce || IsAuditor;

    public bool BelongsTo(Guid organisationId) => OrganisationId is { } own && own == organisationId;

    /// <summary>Whether a 6-digit 行政区划 code lies inside this district key's scope.</summary>
    public bool CoversRegion(string? regionCode) =>
        IsDistrict && DistrictCode is { Length: > 0 } prefix && regionCode is not null && regionCode.StartsWith(prefix, StringComparison.Ordinal);

    public static Caller From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }
        static Guid? G(ClaimsPrincipal p, string type) => Guid.TryParse(p.FindFirst(type)?.Value, out var g) ? g : null;
        return new Caller(
            G(principal, JiebangClaims.Subject),
            principal.FindFirst(JiebangClaims.Name)?.Value ?? "",
            principal.FindFirst(JiebangClaims.Role)?.Value,
            G(principal, JiebangClaims.Organisation),
            G(principal, JiebangClaims.Expert),
            principal.FindFirst(JiebangClaims.District)?.Value);
    }
}

public static class CallerExtensions
{
    public static Caller Caller(this ClaimsPrincipal principal) => Auth.Caller.From(principal);
}
