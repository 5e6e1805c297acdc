namespace Jiebang.Applications.Features.Applications.UpdateApplication;

internal static class Data
{
    public const string Update = """
        UPDATE applications_application SET content = @Content, own_investment_fen = @OwnInvestmentFen, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """;
}
