using Jiebang.Platform.Organisations;

namespace Jiebang.UnitTests.Platform;

public sealed class CreditCodeTests
{
    // Real-format codes whose check characters are right (the first is the example of GB 32100-2015).
    public static readonly TheoryData<string> Valid = new() { "91350100M000100Y43", "12100000400000624D", "91110108551385082Q", "91110000100010433L" };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Valid_codes_pass_and_give_their_region(string code)
    {
        var result = CreditCode.Validate(code);
        Assert.True(result.IsValid, result.MessageEn);
        Assert.Equal(code.Substring(2, 6), CreditCode.RegionOf(code));
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void Every_single_character_change_is_caught(string code)
    {
        for (var position = 0; position < 18; position++)
        {
            foreach (var replacement in CreditCode.Alphabet.Where(c => c != code[position]))
            {
                var mutated = code[..position] + replacement + code[(position + 1)..];
                var result = CreditCode.Validate(mutated);
                Assert.False(result.IsValid, $"{mutated} passed");
                Assert.InRange(result.Position, 1, 18);
            }
        }
    }

    [Fact]
    public void A_wrong_check_character_is_reported_at_position_18_with_the_expected_one()
    {
        var result = CreditCode.Validate("91350100M000100Y44");
        Assert.False(result.IsValid);
        Assert.Equal(18, result.Position);
        Assert.Contains("'3'", result.MessageEn);
        Assert.Contains("第18位", result.MessageZh);
    }

    [Theory]
    [InlineData("91350100M000100Y4", 0)]
    [InlineData("", 0)]
    [InlineData("9135010OM000100Y43", 8)]
    [InlineData("91350100I000100Y43", 9)]
    [InlineData("91350100m000100Y43", 9)]
    [InlineData("9135A100M000100Y43", 5)]
    public void Malformed_codes_say_where(string code, int position)
    {
        var result = CreditCode.Validate(code);
        Assert.False(result.IsValid);
        Assert.Equal(position, result.Position);
        Assert.False(string.IsNullOrEmpty(result.MessageZh));
        Assert.False(string.IsNullOrEmpty(result.MessageEn));
    }
}
