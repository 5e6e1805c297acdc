namespace Jiebang.Platform.Auth.Features.ResetPassword;

internal static class Data
{
    /// <summary>The account's live code (a new request ends the earlier ones, so there is at most one).</summary>
    public const string LiveCode = """
        SELECT id AS Id, code_hash AS CodeHash, expires_at AS ExpiresAt, attempts AS Attempts
        FROM platform_password_reset WHERE user_id = @UserId AND used_at IS NULL
        ORDER BY created_at DESC
        """;

    public const string CountAttempt = "UPDATE platform_password_reset SET attempts = attempts + 1 WHERE id = @Id";

    public const string Use = "UPDATE platform_password_reset SET used_at = @Now WHERE id = @Id AND used_at IS NULL";

    public const string SetPassword = """
        UPDATE platform_user SET password_hash = @PasswordHash, security_stamp = @Stamp, must_change_password = @MustChange,
               updated_at = @Now, version = version + 1
        WHERE id = @Id
        """;

    internal sealed class Code
    {
        public Guid Id { get; set; }
        public string CodeHash { get; set; } = "";
        public DateTimeOffset ExpiresAt { get; set; }
        public int Attempts { get; set; }
    }
}
