namespace Jiebang.Applications.Features.Consortium.WithdrawConfirmation;

internal static class Data
{
    /// <summary>A submitted application no longer speaks for the member: it goes back to Draft.</summary>
    public const string Touch = """
        UPDATE applications_application SET status = @Status, updated_at = @Now, version = version + 1 WHERE id = @Id AND version = @Version
        """;
}
