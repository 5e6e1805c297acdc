namespace Jiebang.Funding.Features.Policy.SetFundingPolicy;

internal static class Data
{
    public const string Insert = """
        INSERT INTO funding_policy (batch_id, ratio_bp, cap_per_project_fen, total_budget_fen, tranches, created_at, updated_at, version)
        VALUES (@BatchId, @RatioBp, @CapPerProjectFen, @TotalBudgetFen, @Tranches, @Now, @Now, 1)
        """;

    public const string Update = """
        UPDATE funding_policy
        SET ratio_bp = @RatioBp, cap_per_project_fen = @CapPerProjectFen, total_budget_fen = @TotalBudgetFen, tranches = @Tranches,
            updated_at = @Now, version = version + 1
        WHERE batch_id = @BatchId AND version = @Version
        """;
}
