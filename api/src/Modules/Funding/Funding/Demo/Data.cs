namespace Jiebang.Funding.Demo;

internal static class Data
{
    public const string Insert = """
        INSERT INTO funding_policy (batch_id, ratio_bp, cap_per_project_fen, total_budget_fen, tranches, is_demo, created_at, updated_at, version)
        VALUES (@BatchId, @RatioBp, @CapPerProjectFen, @TotalBudgetFen, @Tranches, @IsDemo, @Now, @Now, 1)
        """;

    public const string Exists = "SELECT COUNT(*) FROM funding_policy WHERE batch_id = @BatchId";
}
