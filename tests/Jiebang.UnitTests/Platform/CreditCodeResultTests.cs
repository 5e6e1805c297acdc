using Jiebang.Platform.Organisations;

namespace Jiebang.UnitTests.Platform;

public sealed class CreditCodeResultTests
{
    [Fact]
    public void A_valid_code_carries_no_position_and_no_message()
    {
        var result = CreditCode.Validate("91350100M000100Y43");
        Assert.Equal(new CreditCodeResult(true, 0, "", ""), result);
    }

    [Fact]
    public void A_check_character_of_zero_is_computed_and_accepted()
    {
        // Weighted sum a multiple of 31: the check character is '0', not the 32nd (missing) character of the alphabet.
        var first17 = Enumerable.Range(0, 100).Select(i => "9135010" + i.ToString("D2") + "M000100Y").Select(s => s[..17]).First(s =>
            CreditCode.CheckCharacter(s) == '0');
        Assert.True(CreditCode.Validate(first17 + "0").IsValid);
    }
}

public sealed class PlatformMessagesAndFallbackTests
{
    [Fact]
    public void A_refusal_names_the_one_based_position_in_its_message()
    {
        var letter = CreditCode.Validate("91350100I000100Y43");
        Assert.Equal("第9位字符“I”不是允许的字符", letter.MessageZh);
        Assert.Equal("Character 9 ('I') is not allowed", letter.MessageEn);
        var region = CreditCode.Validate("9135A100M000100Y43");
        Assert.Equal("第5位应为行政区划代码数字", region.MessageZh);
        Assert.Equal("Character 5 must be a digit of the region code", region.MessageEn);
        Assert.Equal("The credit code must have 18 characters, not 17", CreditCode.Validate("91350100M000100Y4").MessageEn);
    }

    [Theory]
    [InlineData("440199", "广东省广州市")]   // the county is not in the table, its prefecture is
    [InlineData("449999", "广东省")]         // neither is: the province
    [InlineData("abc", null)]
    [InlineData(null, null)]
    public void A_missing_code_is_named_after_its_prefecture_before_its_province(string? code, string? name) =>
        Assert.Equal(name, Regions.NameOf(code));

    [Theory]
    [InlineData(null, "110000")]
    [InlineData("11010", "110000")]
    [InlineData("1101089", "110100")]
    public void A_malformed_region_lies_within_no_authority(string? region, string authority) =>
        Assert.False(Regions.IsWithin(region, authority));
}
