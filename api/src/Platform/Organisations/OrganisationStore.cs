using System.Data.Common;
using Dapper;
using Jiebang.Platform.Database;

namespace Jiebang.Platform.Organisations;

public static class OrganisationTypes
{
    public const string University = "University";
    public const string Institute = "Institute";
    public const string Enterprise = "Enterprise";
    public const string NewRdInstitution = "NewRdInstitution";
    public const string SocialOrganisation = "SocialOrganisation";
}

/// <summary>Credit standing (信用状况) as the eligibility rules read it: anything but Good fails 无不良信用记录.</summary>
public static class CreditStandings
{
    public const string Good = "Good";
    public const string Bad = "Bad";
}

/// <summary>The legal-entity registry shared by issuers and applicants: one record per credit code.</summary>
public sealed class OrganisationStore(DbConnectionFactory db, TimeProvider clock)
{
    public sealed class Row
    {
        public Guid Id { get; init; }
        public string CreditCode { get; init; } = "";
        public string Name { get; init; } = "";
        public string Type { get; init; } = "";
        public string RegionCode { get; init; } = "";
        public bool IndependentLegalPerson { get; init; }
        public string CreditStanding { get; init; } = "";
        public string? CommercialisationBase { get; init; }
        public bool IsDemo { get; init; }
    }

    private const string SelectById = """
        SELECT id AS Id, credit_code AS CreditCode, name AS Name, org_type AS Type, region_code AS RegionCode,
               independent_legal_person AS IndependentLegalPerson, credit_standing AS CreditStanding,
               commercialisation_base AS CommercialisationBase, is_demo AS IsDemo
        FROM platform_organisation WHERE id = @Id
        """;

    private const string SelectByCode = """
        SELECT id AS Id, credit_code AS CreditCode, name AS Name, org_type AS Type, region_code AS RegionCode, is_demo AS IsDemo
        FROM platform_organisation WHERE credit_code = @CreditCode
        """;

    private const string Insert = """
        INSERT INTO platform_organisation (id, credit_code, name, org_type, region_code, independent_legal_person,
            credit_standing, commercialisation_base, is_demo, note, created_at, updated_at, version)
        VALUES (@Id, @CreditCode, @Name, @Type, @RegionCode, @IndependentLegalPerson,
            @CreditStanding, @CommercialisationBase, @IsDemo, @Note, @Now, @Now, 1)
        """;

    private const string UpdateCreditStanding = """
        UPDATE platform_organisation
        SET credit_standing = @Standing, credit_source = @Source, credit_date = @Date, updated_at = @Now, version = version + 1
        WHERE id = @Id
        """;

    public async Task<Row?> FindAsync(Guid id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Row>(SelectById, new { Id = id });
    }

    /// <summary>Returns the organisation with this credit code, creating it when absent.</summary>
    public async Task<Row> EnsureAsync(DbConnection connection, DbTransaction? tx, string creditCode, string name, string type,
        bool isDemo, string? note = null, string? commercialisationBase = null)
    {
        var existing = await connection.QuerySingleOrDefaultAsync<Row>(SelectByCode, new { CreditCode = creditCode }, tx);
        if (existing is not null)
        {
            return existing;
        }
        var row = new Row
        {
            Id = Guid.CreateVersion7(), CreditCode = creditCode, Name = name, Type = type,
            RegionCode = CreditCode.RegionOf(creditCode), IsDemo = isDemo,
        };
        await connection.ExecuteAsync(Insert, new
        {
            row.Id, row.CreditCode, row.Name, row.Type, row.RegionCode, IndependentLegalPerson = true,
            CreditStanding = "Good", CommercialisationBase = commercialisationBase, row.IsDemo, Note = note, Now = clock.GetUtcNow(),
        }, tx);
        return row;
    }

    /// <summary>Records a change of credit standing, with where it was learnt and the day it took effect.</summary>
    public async Task RecordCreditStandingAsync(DbConnection connection, DbTransaction tx, Guid id, string standing, string source, DateOnly date)
    {
        var changed = await connection.ExecuteAsync(UpdateCreditStanding, new
        {
            Id = id, Standing = standing, Source = source, Date = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Now = clock.GetUtcNow(),
        }, tx);
        if (changed != 1)
        {
            throw new InvalidOperationException($"Organisation {id} is not registered.");
        }
    }
}
