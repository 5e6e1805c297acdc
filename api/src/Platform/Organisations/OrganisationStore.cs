using System.Data.Common;
using System.Globalization;
using Dapper;
using Jiebang.Platform.Database;

namespace Jiebang.Platform.Organisations;

/// <summary>The stored names of <see cref="OrganisationType"/>.</summary>
public static class OrganisationTypes
{
    public const string University = nameof(OrganisationType.University);
    public const string Institute = nameof(OrganisationType.Institute);
    public const string Enterprise = nameof(OrganisationType.Enterprise);
    public const string NewRdInstitution = nameof(OrganisationType.NewRdInstitution);
    public const string SocialOrganisation = nameof(OrganisationType.SocialOrganisation);
}

/// <summary>The legal-entity registry shared by issuers and applicants: one record per credit code.</summary>
public sealed class OrganisationStore(DbConnectionFactory db, TimeProvider clock)
{
    /// <summary>An organisation with everything the eligibility rules ask about.</summary>
    public sealed class Row
    {
        public Guid Id { get; init; }
        public string CreditCode { get; init; } = "";
        public string Name { get; init; } = "";
        public OrganisationType Type { get; init; }
        /// <summary>The registered 6-digit 行政区划 code.</summary>
        public string RegionCode { get; init; } = "";
        public bool IndependentLegalPerson { get; init; }
        public CreditStanding CreditStanding { get; init; }
        /// <summary>Where the credit standing was taken from (for example 信用中国).</summary>
        public string? CreditSource { get; init; }
        /// <summary>The day the credit standing was recorded, as stored (yyyy-MM-dd).</summary>
        public string? CreditDate { get; init; }
        /// <summary>成果转化基地, for universities, institutes and new R&amp;D institutions.</summary>
        public string? CommercialisationBase { get; init; }
        public bool IsDemo { get; init; }
        public string? Note { get; init; }
        public int Version { get; init; }
        /// <summary>User or DistrictKey: how the record was registered through the API; null for seeded and earlier records.</summary>
        public string? RegisteredByKind { get; init; }
        /// <summary>The registering user's id (null for a district key).</summary>
        public Guid? RegisteredById { get; init; }
        /// <summary>The registering user's or key's name.</summary>
        public string? RegisteredByName { get; init; }
        /// <summary>The task force has checked the record (by an explicit verification or a correction).</summary>
        public bool Verified { get; init; }
        public string? VerifiedBy { get; init; }
        public DateTimeOffset? VerifiedAt { get; init; }

        /// <summary>The division of the registration authority: characters 3 to 8 of the credit code.</summary>
        public string AuthorityRegion => CreditCode.Length == 18 ? CreditCode.Substring(2, 6) : "";

        /// <summary>
        /// Registered in mainland China: the credit code's registration authority is a mainland (or the national) one, and the
        /// stated region is mainland too. What a registrant types alone never makes a 香港 code mainland.
        /// </summary>
        public bool IsMainland => Regions.IsMainlandAuthority(AuthorityRegion) && Regions.IsMainland(RegionCode);

        public DateOnly? CreditRecordedOn =>
            DateOnly.TryParseExact(CreditDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    /// <summary>The SELECT list whose aliases match <see cref="Row"/>; slices reuse it in their own SQL.</summary>
    internal const string Columns = """
        id AS Id, credit_code AS CreditCode, name AS Name, org_type AS Type, region_code AS RegionCode,
        independent_legal_person AS IndependentLegalPerson, credit_standing AS CreditStanding, credit_source AS CreditSource,
        credit_date AS CreditDate, commercialisation_base AS CommercialisationBase, is_demo AS IsDemo, note AS Note, version AS Version,
        registered_by_kind AS RegisteredByKind, registered_by_id AS RegisteredById, registered_by_name AS RegisteredByName,
        verified AS Verified, verified_by AS VerifiedBy, verified_at AS VerifiedAt
        """;

    internal const string SelectById = $"SELECT {Columns} FROM platform_organisation WHERE id = @Id";

    internal const string SelectByCode = $"SELECT {Columns} FROM platform_organisation WHERE credit_code = @CreditCode";

    private const string SelectIdByCode = "SELECT id FROM platform_organisation WHERE credit_code = @CreditCode";

    private const string Insert = """
        INSERT INTO platform_organisation (id, credit_code, name, org_type, region_code, independent_legal_person,
            credit_standing, commercialisation_base, is_demo, note, created_at, updated_at, version,
            registered_by_kind, registered_by_id, registered_by_name, verified)
        VALUES (@Id, @CreditCode, @Name, @Type, @RegionCode, @IndependentLegalPerson,
            @CreditStanding, @CommercialisationBase, @IsDemo, @Note, @Now, @Now, 1,
            @RegisteredByKind, @RegisteredById, @RegisteredByName, @Verified)
        """;

    // Well below SQL Server's 2100 parameters per command.
    private const int ChunkSize = 500;

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

    /// <summary>The organisations with these ids, keyed by id; ids that do not exist are simply absent.</summary>
    public async Task<IReadOnlyDictionary<Guid, Row>> FindManyAsync(IEnumerable<Guid> ids, CancellationToken ct = default)
    {
        var distinct = ids.Distinct().ToList();
        var found = new Dictionary<Guid, Row>();
        if (distinct.Count == 0)
        {
            return found;
        }
        await using var connection = await db.OpenAsync(ct);
        foreach (var chunk in distinct.Chunk(ChunkSize))
        {
            // One named parameter per id: a bound list would become an array on PostgreSQL.
            var parameters = new DynamicParameters();
            var names = new string[chunk.Length];
            for (var i = 0; i < chunk.Length; i++)
            {
                names[i] = "@p" + i.ToString(CultureInfo.InvariantCulture);
                parameters.Add(names[i], chunk[i]);
            }
            var sql = $"SELECT {Columns} FROM platform_organisation WHERE id IN ({string.Join(", ", names)})";
            foreach (var row in await connection.QueryAsync<Row>(new CommandDefinition(sql, parameters, cancellationToken: ct)))
            {
                found[row.Id] = row;
            }
        }
        return found;
    }

    /// <summary>The id of the organisation with this credit code, or null.</summary>
    public static Task<Guid?> FindIdByCodeAsync(DbConnection connection, DbTransaction? tx, string creditCode) =>
        connection.ExecuteScalarAsync<Guid?>(SelectIdByCode, new { CreditCode = creditCode }, tx);

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
            Id = Guid.CreateVersion7(), CreditCode = creditCode, Name = name, Type = Enum.Parse<OrganisationType>(type),
            RegionCode = CreditCode.RegionOf(creditCode), IndependentLegalPerson = true, CreditStanding = CreditStanding.Good,
            CommercialisationBase = commercialisationBase, IsDemo = isDemo, Note = note, Version = 1,
        };
        await InsertAsync(connection, tx, row, clock.GetUtcNow());
        return row;
    }

    /// <summary>Inserts a new organisation; a credit code that exists raises the provider's unique violation.</summary>
    internal static Task InsertAsync(DbConnection connection, DbTransaction? tx, Row row, DateTimeOffset now) =>
        connection.ExecuteAsync(Insert, new
        {
            row.Id, row.CreditCode, row.Name, Type = row.Type.ToString(), row.RegionCode, row.IndependentLegalPerson,
            CreditStanding = row.CreditStanding.ToString(), row.CommercialisationBase, row.IsDemo, row.Note, Now = now,
            row.RegisteredByKind, row.RegisteredById, row.RegisteredByName, row.Verified,
        }, tx);

    /// <summary>Records a change of credit standing, with where it was learnt and the day it took effect.</summary>
    public async Task RecordCreditStandingAsync(DbConnection connection, DbTransaction tx, Guid id, CreditStanding standing, string source,
        DateOnly date)
    {
        var changed = await connection.ExecuteAsync(UpdateCreditStanding, new
        {
            Id = id, Standing = standing.ToString(), Source = source, Date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Now = clock.GetUtcNow(),
        }, tx);
        if (changed != 1)
        {
            throw new InvalidOperationException($"Organisation {id} is not registered.");
        }
    }
}
