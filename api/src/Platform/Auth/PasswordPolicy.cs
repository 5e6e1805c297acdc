namespace Jiebang.Platform.Auth;

/// <summary>
/// The one password rule for registration, creation by an administrator, a change and a reset: at least
/// <see cref="MinimumLength"/> characters, not the user name (nor containing it), not among common passwords.
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 10;
    public const int MaximumLength = 200;

    /// <summary>A reason the password is refused, in Chinese and English, or null when it is acceptable.</summary>
    public sealed record Refusal(string Code, string Chinese, string English);

    public static Refusal? Check(string? password, string? userName)
    {
        password ??= "";
        if (password.Length < MinimumLength)
        {
            return new("password.too_short", $"密码至少 {MinimumLength} 个字符", $"The password must have at least {MinimumLength} characters");
        }
        if (password.Length > MaximumLength)
        {
            return new("password.too_long", $"密码不能超过 {MaximumLength} 个字符", $"The password may have at most {MaximumLength} characters");
        }
        var name = (userName ?? "").Trim();
        if (name.Length > 0 && (password.Equals(name, StringComparison.OrdinalIgnoreCase)
                                || (name.Length >= 4 && password.Contains(name, StringComparison.OrdinalIgnoreCase))))
        {
            return new("password.contains_user_name", "密码不能是用户名，也不能包含用户名", "The password must not be or contain the user name");
        }
        if (IsCommon(password))
        {
            return new("password.too_common", "密码过于常见，容易被猜中，请换一个", "The password is too common and easy to guess; choose another");
        }
        return null;
    }

    /// <summary>Among the common-password list, one character repeated, or a run of consecutive keys or digits.</summary>
    public static bool IsCommon(string password)
    {
        var lower = password.ToLowerInvariant();
        if (Common.Contains(lower) || lower.Distinct().Count() <= 2)
        {
            return true;
        }
        return Runs.Any(run => run.Contains(lower, StringComparison.Ordinal));
    }

    private static readonly string[] Runs =
    [
        "0123456789012345678901234567890", "9876543210987654321098765432109", "abcdefghijklmnopqrstuvwxyz",
        "qwertyuiopasdfghjklzxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn7ujm", "qazwsxedcrfvtgbyhnujmikolp",
    ];

    // Passwords of ten characters or more found at the top of published leaked-password lists, Chinese sites included.
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "1234567890", "12345678910", "123456789a", "a123456789", "aa123456789", "1234567890a", "qwerty1234", "qwerty12345",
        "qwerty123456", "password12", "password123", "password1234", "password!1", "passw0rd123", "p@ssw0rd123", "p@ssword123",
        "iloveyou123", "iloveyou1314", "woaini1314", "woaini520", "woaini5201314", "5201314520", "1314520520", "52013141314",
        "qq123456789", "qq1234567890", "abc1234567", "abc123456789", "abcd123456", "abcd1234567", "admin12345", "admin123456",
        "administrator", "adminadmin", "welcome123", "welcome1234", "changeme123", "letmein123", "football123", "baseball123",
        "superman123", "princess123", "sunshine123", "zxcvbnm123", "asdfghjkl123", "1q2w3e4r5t", "1q2w3e4r5t6y", "q1w2e3r4t5",
        "q1w2e3r4t5y6", "1qaz2wsx3edc", "1qaz@wsx#edc", "qazwsx123456", "zaq12wsxcde3", "aa12345678", "a1234567890",
        "a1b2c3d4e5", "1a2b3c4d5e", "123qweasdzxc", "qweasdzxc123", "qweasd123456", "1234qwerasdf", "asdf123456",
        "123456abcd", "123456qwerty", "123456789q", "123456789z", "1234567890q", "0987654321", "11223344556677",
        "1122334455", "12341234", "123123123123", "123456123456", "147258369", "1472583690", "3141592653",
        "jiebang123", "jiebang2026", "demo#20266", "zhongguancun", "beijing2008", "beijing123", "china123456",
        "zhang123456", "wang123456", "li123456789", "liu123456789", "huawei123456", "computer123", "internet123",
        "trustno1234", "starwars123", "dragon12345", "monkey12345", "master12345", "michael123", "charlie123",
        "jennifer123", "shadow12345", "michelle123", "passwordpassword", "iloveyou12", "abcdef123456",
    };
}
