namespace Jiebang.Platform.Auth.Features.SignOut;

internal static class Data
{
    /// <summary>Signed-out tokens that have expired anyway are no longer needed.</summary>
    public const string Forget = "DELETE FROM platform_revoked_token WHERE expires_at < @Now";

    public const string Revoke = "INSERT INTO platform_revoked_token (token_id, user_id, expires_at) VALUES (@TokenId, @UserId, @ExpiresAt)";
}
