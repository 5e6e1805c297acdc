using System.Data.Common;
using Dapper;
using Jiebang.Challenges.Contracts;

namespace Jiebang.Review.Features.Shared;

internal sealed class ExpertRow
{
    public Guid Id { get; set; }
    public Guid? UserId { get; set; }
    public string Name { get; set; } = "";
    public string Title { get; set; } = "";
    public string Fields { get; set; } = "";
    public Guid? AffiliationOrganisationId { get; set; }
    public bool Active { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
    public List<Guid> Conflicts { get; set; } = [];

    public IReadOnlySet<ChallengeField> FieldSet() => ExpertStore.ParseFields(Fields);

    public ReviewExpert ToModel() => new()
    {
        Id = Id, UserId = UserId, Name = Name, Title = Title, Fields = FieldSet().Order().ToList(),
        AffiliationOrganisationId = AffiliationOrganisationId, DeclaredConflicts = Conflicts, Active = Active, Version = Version,
    };
}

/// <summary>An expert profile in the pool (专家库).</summary>
internal sealed class ReviewExpert
{
    public required Guid Id { get; init; }
    /// <summary>The user signed in as this expert, once linked.</summary>
    public Guid? UserId { get; init; }
    public required string Name { get; init; }
    public required string Title { get; init; }
    public required List<ChallengeField> Fields { get; init; }
    /// <summary>The organisation the expert works for; never assigned to its items.</summary>
    public Guid? AffiliationOrganisationId { get; init; }
    /// <summary>Organisations the expert declared a conflict of interest with.</summary>
    public required List<Guid> DeclaredConflicts { get; init; }
    public required bool Active { get; init; }
    public required int Version { get; init; }
}

internal static class ExpertStore
{
    public const string Module = "Review";
    public const string Entity = "Expert";

    private const string Columns = """
        id AS Id, user_id AS UserId, name AS Name, title AS Title, fields AS Fields, affiliation_organisation_id AS AffiliationOrganisationId,
        active AS Active, created_at AS CreatedAt, updated_at AS UpdatedAt, version AS Version
        """;

    private const string SelectConflicts = "SELECT organisation_id FROM review_expert_conflict WHERE expert_id = @Id ORDER BY organisation_id";

    private const string SelectAllConflicts = "SELECT expert_id AS ExpertId, organisation_id AS OrganisationId FROM review_expert_conflict";

    private const string DeleteConflicts = "DELETE FROM review_expert_conflict WHERE expert_id = @Id";

    private const string InsertConflict = "INSERT INTO review_expert_conflict (expert_id, organisation_id) VALUES (@ExpertId, @OrganisationId)";

    private sealed class ConflictRow
    {
        public Guid ExpertId { get; set; }
        public Guid OrganisationId { get; set; }
    }

    public static string FormatFields(IEnumerable<ChallengeField> fields) => string.Join(",", fields.Distinct().Order().Select(f => f.ToString()));

    public static IReadOnlySet<ChallengeField> ParseFields(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<ChallengeField>).ToHashSet();

    public static async Task<ExpertRow?> LoadAsync(DbConnection connection, Guid id, DbTransaction? tx = null)
    {
        var row = await connection.QuerySingleOrDefaultAsync<ExpertRow>($"SELECT {Columns} FROM review_expert WHERE id = @Id", new { Id = id }, tx);
        if (row is not null)
        {
            row.Conflicts = (await connection.QueryAsync<Guid>(SelectConflicts, new { Id = id }, tx)).AsList();
        }
        return row;
    }

    public static async Task<List<ExpertRow>> ListAsync(DbConnection connection, DbTransaction? tx, bool activeOnly)
    {
        var sql = $"SELECT {Columns} FROM review_expert" + (activeOnly ? " WHERE active = @Active" : "") + " ORDER BY name, id";
        var rows = (await connection.QueryAsync<ExpertRow>(sql, new { Active = true }, tx)).AsList();
        var conflicts = (await connection.QueryAsync<ConflictRow>(SelectAllConflicts, transaction: tx))
            .GroupBy(c => c.ExpertId).ToDictionary(g => g.Key, g => g.Select(c => c.OrganisationId).Order().ToList());
        foreach (var row in rows)
        {
            row.Conflicts = conflicts.GetValueOrDefault(row.Id) ?? [];
        }
        return rows;
    }

    public static async Task ReplaceConflictsAsync(DbConnection connection, DbTransaction tx, Guid expertId, IEnumerable<Guid> organisations)
    {
        await connection.ExecuteAsync(DeleteConflicts, new { Id = expertId }, tx);
        await connection.ExecuteAsync(InsertConflict, organisations.Distinct().Select(o => new { ExpertId = expertId, OrganisationId = o }), tx);
    }
}
