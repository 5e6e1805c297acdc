using System.Data.Common;
using Dapper;

namespace Jiebang.Challenges.Features.ListProgrammes;

internal static class ProgrammeQueries
{
    private const string Columns = """
        id AS Id, code AS Code, name AS Name, name_en AS NameEn, operator_name AS OperatorName, description AS Description,
        target_consortia AS TargetConsortia, target_year AS TargetYear, is_demo AS IsDemo, created_at AS CreatedAt, version AS Version
        """;

    public const string All = $"SELECT {Columns} FROM challenges_programme ORDER BY created_at, code";

    private const string One = $"SELECT {Columns} FROM challenges_programme WHERE id = @Id";

    public static Task<Programme?> GetAsync(DbConnection connection, Guid id, DbTransaction? tx = null) =>
        connection.QuerySingleOrDefaultAsync<Programme>(One, new { Id = id }, tx);
}
