using System.Data.Common;
using Dapper;
using Jiebang.Funding.Domain;
using Jiebang.Platform.Database;

namespace Jiebang.Funding.Data;

internal sealed class PolicyRow
{
    public Guid BatchId { get; set; }
    public int RatioBp { get; set; }
    public long CapPerProjectFen { get; set; }
    public long TotalBudgetFen { get; set; }
    public string Tranches { get; set; } = "[]";
    public bool IsDemo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public IReadOnlyList<Tranche> Plan() => AgreementStore.ReadPlan(Tranches);
}

/// <summary>
/// A batch's funding policy. Its row is also the batch budget's lock row: whatever takes money from the budget (signing,
/// an adjustment) or moves it (payment, termination, acceptance) holds it, so money of one batch moves one request at a time.
/// </summary>
internal static class PolicyStore
{
    private const string Columns = """
        batch_id AS BatchId, ratio_bp AS RatioBp, cap_per_project_fen AS CapPerProjectFen, total_budget_fen AS TotalBudgetFen,
        tranches AS Tranches, is_demo AS IsDemo, created_at AS CreatedAt, updated_at AS UpdatedAt, version AS Version
        """;

    public const string Select = $"SELECT {Columns} FROM funding_policy WHERE batch_id = @BatchId";

    /// <summary>Reads the policy row and locks it with the provider's row lock (inside a write transaction).</summary>
    public static Task<PolicyRow?> LockAsync(DbConnection connection, DbTransaction tx, SqlDialect dialect, Guid batchId) =>
        connection.QuerySingleOrDefaultAsync<PolicyRow>(
            $"SELECT {Columns} FROM funding_policy {dialect.LockHint} WHERE batch_id = @BatchId {dialect.ForUpdate}",
            new { BatchId = batchId }, tx);

    public static Task<PolicyRow?> GetAsync(DbConnection connection, Guid batchId, DbTransaction? tx = null) =>
        connection.QuerySingleOrDefaultAsync<PolicyRow>(Select, new { BatchId = batchId }, tx);
}
