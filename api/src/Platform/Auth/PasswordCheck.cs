using Microsoft.AspNetCore.Identity;

namespace Jiebang.Platform.Auth;

/// <summary>
/// Checks a sign-in password with the same hash work whether or not the user name exists or is active: without it an
/// unknown name answered in a few milliseconds and a wrong password in tens, which told an attacker which names exist.
/// </summary>
public sealed class PasswordCheck
{
    private static readonly UserRecord Nobody = new() { UserName = "" };
    private readonly IPasswordHasher<UserRecord> _hasher;
    private readonly string _decoyHash;

    public PasswordCheck(IPasswordHasher<UserRecord> hasher)
    {
        _hasher = hasher;
        // A hash of a random password, made by the same hasher with the same parameters as the stored ones.
        _decoyHash = hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
    }

    /// <summary>True only for an existing, active user whose password matches; the hash is verified in every case.</summary>
    public bool Verify(UserRecord? user, string password)
    {
        if (user is null)
        {
            _hasher.VerifyHashedPassword(Nobody, _decoyHash, password);
            return false;
        }
        var matches = _hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
        return matches && user.Active;
    }
}
