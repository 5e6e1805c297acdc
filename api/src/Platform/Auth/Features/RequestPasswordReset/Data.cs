namespace Jiebang.Platform.Auth.Features.RequestPasswordReset;

internal static class Data
{
    /// <summary>A new code replaces the account's earlier ones: only the last one sent works.</summary>
    public const string EndEarlier = "UPDATE platform_password_reset SET used_at = @Now WHERE user_id = @UserId AND used_at IS NULL";

    public const string Insert = """
        INSERT INTO platform_password_reset (id, user_id, code_hash, created_at, expires_at, used_at, attempts)
        VALUES (@Id, @UserId, @CodeHash, @Now, @ExpiresAt, NULL, 0)
        """;
}
