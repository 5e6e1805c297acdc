namespace Jiebang.Funding.Features.Agreements.CloseProject;

internal static class Data
{
    public const string Procured = "SELECT COUNT(*) FROM funding_procurement WHERE agreement_id = @Id";

    public const string Close = """
        UPDATE funding_agreement SET status = @To, procurement_waiver = @Waiver, updated_at = @Now, version = version + 1
        WHERE id = @Id AND status = @From
        """;
}
