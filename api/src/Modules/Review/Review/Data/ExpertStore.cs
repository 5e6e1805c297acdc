using System.Data.Common;
using Dapper;
using Jiebang.Challenges.Contracts;
using Jiebang.Review.Domain;
using Jiebang.Review.Views;

namespace Jiebang.Review.Data;

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
    public List<PersonConflict> People { get; set; } = [];

    public IReadOnlySet<ChallengeField> FieldSet() => ExpertStore.ParseFields(Fields);

    public PoolExpert ToPool(int load) => new(Id, FieldSet(), AffiliationOrganisationId, Conflicts.ToHashSet(), load,
        People.Select(p => new PersonRef(p.Name, p.OrganisationId)).ToList());

    public ReviewExpert ToModel() => new()
    {
        Id = Id, UserId = UserId, Name = Name, Title = Title, Fields = FieldSet().Order().ToList(),
        AffiliationOrganisationId = AffiliationOrganisationId, DeclaredConflicts = Conflicts, DeclaredPersonConflicts = People, Active = Active,
        Version = Version,
    };
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

    private const string SelectPeople = """
        SELECT expert_id AS ExpertId, name AS Name, organisation_id AS OrganisationId FROM review_expert_person_conflict ORDER BY expert_id, ordinal
        """;

    private const string SelectPeopleOf = """
        SELECT expert_id AS ExpertId, name AS Name, organisation_id AS OrganisationId FROM review_expert_person_conflict WHERE expert_id = @Id ORDER BY ordinal
        """;

    private const string DeletePeople = "DELETE FROM review_expert_person_conflict WHERE expert_id = @Id";

    private const string InsertPerson = """
        INSERT INTO review_expert_person_conflict (expert_id, ordinal, name, organisation_id) VALUES (@ExpertId, @Ordinal, @Name, @OrganisationId)
        """;

    private sealed class PersonRow
    {
        public Guid ExpertId { get; set; }
        public string Name { get; set; } = "";
        public Guid? OrganisationId { get; set; }
    }

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
            row.People = (await connection.QueryAsync<PersonRow>(SelectPeopleOf, new { Id = id }, tx))
                .Select(p => new PersonConflict { Name = p.Name, OrganisationId = p.OrganisationId }).ToList();
        }
        return row;
    }

    public static async Task<List<ExpertRow>> ListAsync(DbConnection connection, DbTransaction? tx, bool activeOnly)
    {
        var sql = $"SELECT {Columns} FROM review_expert" + (activeOnly ? " WHERE active = @Active" : "") + " ORDER BY name, id";
        var rows = (await connection.QueryAsync<ExpertRow>(sql, new { Active = true }, tx)).AsList();
        var conflicts = (await connection.QueryAsync<ConflictRow>(SelectAllConflicts, transaction: tx))
            .GroupBy(c => c.ExpertId).ToDictionary(g => g.Key, g => g.Select(c => c.OrganisationId).Order().ToList());
        var people = (await connection.QueryAsync<PersonRow>(SelectPeople, transaction: tx))
            .GroupBy(p => p.ExpertId)
            .ToDictionary(g => g.Key, g => g.Select(p => new PersonConflict { Name = p.Name, OrganisationId = p.OrganisationId }).ToList());
        foreach (var row in rows)
        {
            row.Conflicts = conflicts.GetValueOrDefault(row.Id) ?? [];
            row.People = people.GetValueOrDefault(row.Id) ?? [];
        }
        return rows;
    }

    public static async Task ReplaceConflictsAsync(DbConnection connection, DbTransaction tx, Guid expertId, IEnumerable<Guid> organisations)
    {
        await connection.ExecuteAsync(DeleteConflicts, new { Id = expertId }, tx);
        await connection.ExecuteAsync(InsertConflict, organisations.Distinct().Select(o => new { ExpertId = expertId, OrganisationId = o }), tx);
    }

    /// <summary>Replaces the people an expert declared; the same name at the same organisation counts once.</summary>
    public static async Task ReplacePeopleAsync(DbConnection connection, DbTransaction tx, Guid expertId, IEnumerable<PersonConflict> people)
    {
        await connection.ExecuteAsync(DeletePeople, new { Id = expertId }, tx);
        var distinct = Distinct(people);
        await connection.ExecuteAsync(InsertPerson, distinct.Select((p, i) => new { ExpertId = expertId, Ordinal = i + 1, p.Name, p.OrganisationId }), tx);
    }

    public static List<PersonConflict> Distinct(IEnumerable<PersonConflict> people) => people
        .Select(p => new PersonConflict { Name = p.Name.Trim(), OrganisationId = p.OrganisationId })
        .DistinctBy(p => (PersonRef.Normalise(p.Name), p.OrganisationId))
        .ToList();
}
