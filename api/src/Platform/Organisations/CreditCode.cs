namespace Jiebang.Platform.Organisations;

/// <summary>统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character over the first 17.</summary>
public static class CreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Checks a code; on failure says at which 1-based position and why, in Chinese and English.</summary>
    public static CreditCodeResult Validate(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return CreditCodeResult.Fail(0, "统一社会信用代码不能为空", "The credit code is empty");
        }
        if (code.Length != 18)
        {
            return CreditCodeResult.Fail(0, $"统一社会信用代码应为18位，实际为{code.Length}位", $"The credit code must have 18 characters, not {code.Length}");
        }
        for (var i = 0; i < 18; i++)
        {
            if (Alphabet.IndexOf(code[i]) < 0)
            {
                return CreditCodeResult.Fail(i + 1, $"第{i + 1}位字符“{code[i]}”不是允许的字符", $"Character {i + 1} ('{code[i]}') is not allowed");
            }
        }
        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(code[i]))
            {
                return CreditCodeResult.Fail(i + 1, $"第{i + 1}位应为行政区划代码数字", $"Character {i + 1} must be a digit of the region code");
            }
        }
        var expected = CheckCharacter(code.AsSpan(0, 17));
        if (code[17] != expected)
        {
            return CreditCodeResult.Fail(18, $"第18位校验码应为“{expected}”", $"Character 18 (check character) should be '{expected}'");
        }
        return CreditCodeResult.Ok;
    }

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        }
        var check = 31 - sum % 31;
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <summary>The 6-digit 行政区划 code embedded at positions 3 to 8.</summary>
    public static string RegionOf(string code) => code.Substring(2, 6);
}

public sealed record CreditCodeResult(bool IsValid, int Position, string MessageZh, string MessageEn)
{
    public static CreditCodeResult Ok { get; } = new(true, 0, "", "");
    public static CreditCodeResult Fail(int position, string zh, string en) => new(false, position, zh, en);
}
