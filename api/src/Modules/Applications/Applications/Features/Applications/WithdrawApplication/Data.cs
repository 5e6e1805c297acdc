namespace Jiebang.Applications.Features.Applications.WithdrawApplication;

internal static class Data
{
    public const string Withdraw = """
        UPDATE applications_application SET status = 'Withdrawn', updated_at = @Now, version = version + 1 WHERE id = @Id AND version = @Version
        """;
}
