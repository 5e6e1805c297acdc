namespace Jiebang.Platform.Auth.Features.RequestPasswordReset;

internal static class Data
{
    /// <summary>A new code replaces the account's earlier ones: only the last one sent works.</summary>
    public const string EndEarlier = "UPDATE platform_password_reset SET used_at = @Now WHERE user_id = @UserId AND used_at IS NULL";

    public const string Insert = """
        INSERT INTO platform_password_reset (id, user_id, code_hash, created_at, expires_at, used_at, attempts)
        VALUES (@Id, @UserId, @CodeHash, @Now, @ExpiresAt, NULL, 0)
        """;

    /// <summary>
    /// Removes the row written for nobody (user_id = the empty id) in the same transaction; matches nothing for an account.
    /// Both therefore write, commit and flush alike, and take the same time.
    /// </summary>
    public const string ForgetNobody = "DELETE FROM platform_password_reset WHERE id = @Id AND user_id = @Nobody";
}
