using Jiebang.Platform.Organisations;

namespace Jiebang.UnitTests.Platform;

public sealed class RegionsTests
{
    private static readonly string[] MainlandPrefixes =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
    ];

    [Fact]
    public void All_31_mainland_province_level_prefixes_are_known_mainland_and_named()
    {
        Assert.Equal(31, MainlandPrefixes.Length);
        foreach (var prefix in MainlandPrefixes)
        {
            var code = prefix + "0101";
            Assert.True(Regions.IsKnownProvince(code), code);
            Assert.True(Regions.IsMainland(code), code);
            Assert.False(string.IsNullOrEmpty(Regions.ProvinceName(code)), code);
        }
    }

    [Theory]
    [InlineData("710000", "台湾省")]
    [InlineData("810000", "香港特别行政区")]
    [InlineData("820000", "澳门特别行政区")]
    public void Taiwan_hong_kong_and_macau_are_known_but_not_mainland(string code, string name)
    {
        Assert.True(Regions.IsKnownProvince(code));
        Assert.False(Regions.IsMainland(code));
        Assert.Equal(name, Regions.ProvinceName(code));
    }

    [Theory]
    [InlineData("110108", "北京市")]
    [InlineData("310104", "上海市")]
    [InlineData("440305", "广东省")]
    [InlineData("650102", "新疆维吾尔自治区")]
    public void The_province_name_comes_from_the_first_two_digits(string code, string name) =>
        Assert.Equal(name, Regions.ProvinceName(code));

    [Theory]
    [InlineData("000000")]
    [InlineData("100000")]
    [InlineData("160000")]
    [InlineData("240000")]
    [InlineData("390000")]
    [InlineData("470000")]
    [InlineData("550000")]
    [InlineData("660000")]
    [InlineData("700000")]
    [InlineData("830000")]
    [InlineData("910000")]
    [InlineData("990101")]
    public void Unknown_province_prefixes_are_refused(string code)
    {
        Assert.True(Regions.IsWellFormed(code));
        Assert.False(Regions.IsKnownProvince(code));
        Assert.False(Regions.IsMainland(code));
        Assert.Null(Regions.ProvinceName(code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("11010")]
    [InlineData("1101080")]
    [InlineData("11O108")]
    [InlineData("11010８")]
    [InlineData(" 11010")]
    public void Codes_that_are_not_six_ascii_digits_are_not_well_formed(string? code)
    {
        Assert.False(Regions.IsWellFormed(code));
        Assert.False(Regions.IsKnownProvince(code));
        Assert.False(Regions.IsMainland(code));
        Assert.Null(Regions.ProvinceName(code));
    }
}
