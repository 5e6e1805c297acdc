namespace Jiebang.Funding.Features.Agreements.ConfirmAgreement;

internal static class Data
{
    public const string Confirm = """
        UPDATE funding_agreement SET issuer_confirmed_by = @By, issuer_confirmed_at = @Now, updated_at = @Now, version = version + 1
        WHERE id = @Id AND issuer_confirmed_at IS NULL
        """;
}
