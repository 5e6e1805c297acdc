using System.Data.Common;
using Dapper;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Writes;

namespace Jiebang.Platform.Users.Data;

/// <summary>An account row with its organisation's name (what the account views show).</summary>
internal sealed class AccountRow
{
    public Guid Id { get; init; }
    public string UserName { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string Role { get; init; } = "";
    public Guid? OrganisationId { get; init; }
    public string? OrganisationName { get; init; }
    public Guid? ExpertId { get; init; }
    public string? Email { get; init; }
    public string? Mobile { get; init; }
    public bool OrgAdmin { get; init; }
    public bool Active { get; init; }
    public bool MustChangePassword { get; init; }
    public bool IsDemo { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public int Version { get; init; }
}

/// <summary>The account administration's reads and the writes several of its slices share.</summary>
internal static class AccountStore
{
    public const string Module = "Platform";
    public const string Entity = "User";

    public const string Columns = """
        u.id AS Id, u.user_name AS UserName, u.display_name AS DisplayName, u.role AS Role, u.organisation_id AS OrganisationId,
        o.name AS OrganisationName, u.expert_id AS ExpertId, u.email AS Email, u.mobile AS Mobile, u.org_admin AS OrgAdmin,
        u.active AS Active, u.must_change_password AS MustChangePassword, u.is_demo AS IsDemo, u.created_at AS CreatedAt,
        u.version AS Version
        """;

    public const string From = "FROM platform_user u LEFT JOIN platform_organisation o ON o.id = u.organisation_id";

    public const string SelectById = $"SELECT {Columns} {From} WHERE u.id = @Id";

    private const string SelectActor = """
        SELECT id AS Id, role AS Role, organisation_id AS OrganisationId, org_admin AS OrgAdmin, active AS Active
        FROM platform_user WHERE id = @Id
        """;

    public static Task<AccountRow?> LoadAsync(DbConnection connection, Guid id, DbTransaction? tx = null) =>
        connection.QuerySingleOrDefaultAsync<AccountRow>(SelectById, new { Id = id }, tx);

    /// <summary>
    /// What the caller may do with accounts. Whether an issuer or applicant is a unit administrator is read from its account
    /// now, not from its token, so an administrator demoted or deactivated since it signed in manages nothing.
    /// Null: the caller manages no accounts (403).
    /// </summary>
    public static async Task<AccountScope?> ScopeAsync(DbConnection connection, Caller caller, DbTransaction? tx = null)
    {
        if (caller.IsTaskForce)
        {
            return AccountScope.TaskForce;
        }
        if (caller.IsAuditor)
        {
            return AccountScope.Auditor;
        }
        if (!(caller.IsIssuer || caller.IsApplicant) || caller.UserId is not { } id)
        {
            return null;
        }
        var actor = await connection.QuerySingleOrDefaultAsync<Actor>(SelectActor, new { Id = id }, tx);
        return actor is { Active: true, OrgAdmin: true, OrganisationId: { } organisation } && Roles.IsPersonRole(actor.Role)
            ? AccountScope.UnitAdministrator(organisation, actor.Role)
            : null;
    }

    /// <summary>
    /// The account <paramref name="id"/> as the caller may change it, inside the write: 403 for a caller who manages no
    /// accounts or only reads them, 404 for an account outside its scope (as for one that does not exist), 412 for a stale
    /// version.
    /// </summary>
    public static async Task<AccountRow> ChangeableAsync(Write w, Guid id)
    {
        var scope = await ScopeAsync(w.Connection, w.Caller, w.Transaction) ?? throw Write.Refuse(AccountProblems.NotAdministrator());
        Write.Require(scope.Changes, AccountProblems.ReadOnly());
        var row = await LoadAsync(w.Connection, id, w.Transaction);
        row = Write.Found(row is not null && scope.Sees(row) ? row : null, "user");
        w.Matches(row.Version);
        return row;
    }


    private sealed class Actor
    {
        public Guid Id { get; init; }
        public string Role { get; init; } = "";
        public Guid? OrganisationId { get; init; }
        public bool OrgAdmin { get; init; }
        public bool Active { get; init; }
    }
}

/// <summary>Which accounts a caller sees and changes: the task force all, an auditor all read-only, a unit administrator its organisation's.</summary>
internal sealed record AccountScope(bool SeesAll, bool Changes, Guid? OrganisationId, string? Role)
{
    public static readonly AccountScope TaskForce = new(true, true, null, Roles.TaskForce);
    public static readonly AccountScope Auditor = new(true, false, null, Roles.Auditor);

    public static AccountScope UnitAdministrator(Guid organisationId, string role) => new(false, true, organisationId, role);

    public bool IsTaskForce => SeesAll && Changes;

    public bool Sees(AccountRow row) => SeesAll || (OrganisationId is { } own && row.OrganisationId == own);
}

/// <summary>Reads the placement checks of <see cref="AccountPlacement"/> need.</summary>
internal static class PlacementData
{
    public const string OrganisationExists = "SELECT COUNT(*) FROM platform_organisation WHERE id = @Id";

    public const string UserNameTaken = "SELECT COUNT(*) FROM platform_user WHERE LOWER(user_name) = LOWER(@UserName)";
}
