using System.Security.Cryptography;
using System.Text;

namespace Jiebang.Platform.Registrations.Domain;

/// <summary>
/// The token a unit reads its registration's status with: 256 random bits, shown once; only its SHA-256 is stored, so the
/// table alone never lets anyone read a status.
/// </summary>
internal static class StatusTokens
{
    public const string HeaderName = "X-Registration-Token";

    public static (string Token, string Hash) New()
    {
        var token = "jbr_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
