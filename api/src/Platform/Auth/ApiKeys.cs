using System.Security.Cryptography;
using System.Text;

namespace Jiebang.Platform.Auth;

/// <summary>API keys look like <c>jbk_{prefix}_{secret}</c>; only the prefix and a SHA-256 hash are stored.</summary>
public static class ApiKeys
{
    public const string HeaderName = "X-Api-Key";

    public static (string Key, string Prefix, string Hash) Generate()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var key = $"jbk_{prefix}_{secret}";
        return (key, prefix, Hash(key));
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string? PrefixOf(string key)
    {
        var parts = key.Split('_');
        return parts.Length == 3 && parts[0] == "jbk" && parts[1].Length == 8 ? parts[1] : null;
    }

    public static bool Matches(string key, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(storedHash));
}
