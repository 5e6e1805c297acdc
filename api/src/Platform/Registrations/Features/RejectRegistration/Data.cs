namespace Jiebang.Platform.Registrations.Features.RejectRegistration;

internal static class Data
{
    public const string Reject = """
        UPDATE platform_registration
        SET status = @Status, rejection_reason = @Reason, reviewed_by = @ReviewedBy, reviewed_at = @Now, admin_password_hash = '',
            version = version + 1
        WHERE id = @Id AND version = @Version
        """;
}
