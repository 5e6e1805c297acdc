using System.Security.Cryptography;
using System.Text;

namespace Jiebang.Platform.Auth;

/// <summary>One-time password-reset codes: six random digits; only a hash bound to the reset's id is stored.</summary>
public static class ResetCodes
{
    public static (string Code, Guid Id, string Hash) New()
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var id = Guid.CreateVersion7();
        return (code, id, Hash(id, code));
    }

    public static string Hash(Guid id, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{id:N}:{code.Trim()}")));

    public static bool Matches(Guid id, string code, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(id, code)), Encoding.ASCII.GetBytes(storedHash));
}
