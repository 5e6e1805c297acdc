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

    [Theory]
    [InlineData("110108", "北京市海淀区")]
    [InlineData("110000", "北京市")]
    [InlineData("310115", "上海市浦东新区")]
    [InlineData("440106", "广东省广州市天河区")]
    [InlineData("440100", "广东省广州市")]
    [InlineData("441900", "广东省东莞市")]
    [InlineData("810000", "香港特别行政区")]
    public void Names_come_from_the_embedded_gbt2260_table_down_to_the_county(string code, string name)
    {
        Assert.True(Regions.Exists(code));
        Assert.Equal(name, Regions.NameOf(code));
    }

    [Theory]
    [InlineData("110199")]
    [InlineData("310199")]
    [InlineData("449999")]
    public void A_code_not_in_the_table_does_not_exist_and_is_named_after_its_nearest_division(string code)
    {
        Assert.False(Regions.Exists(code));
        Assert.NotNull(Regions.NameOf(code));
        Assert.Null(Regions.NameOf("990101"));
    }

    [Theory]
    [InlineData("110108", "100000", true)]
    [InlineData("810000", "100000", false)]
    [InlineData("110108", "110000", true)]
    [InlineData("120101", "110000", false)]
    [InlineData("110108", "110100", true)]
    [InlineData("440106", "440100", true)]
    [InlineData("440305", "440100", false)]
    [InlineData("110108", "110108", true)]
    [InlineData("110105", "110108", false)]
    [InlineData("310115", "110108", false)]
    [InlineData("810000", "810000", true)]
    [InlineData("110108", "810000", false)]
    [InlineData("110108", "990000", false)]
    public void A_stated_region_must_lie_inside_the_registration_authoritys_division(string region, string authority, bool within) =>
        Assert.Equal(within, Regions.IsWithin(region, authority));

    [Theory]
    [InlineData("100000", true)]
    [InlineData("110108", true)]
    [InlineData("710000", false)]
    [InlineData("810000", false)]
    [InlineData("820000", false)]
    [InlineData("990000", false)]
    public void Mainland_authorities_are_the_national_level_and_mainland_provinces(string authority, bool mainland) =>
        Assert.Equal(mainland, Regions.IsMainlandAuthority(authority));

    [Fact]
    public void A_record_is_mainland_only_when_the_authority_its_credit_code_names_is_mainland_whatever_region_it_states()
    {
        // A 香港 code stored with a Beijing region (as registrations before the authority rule could be).
        Assert.False(new OrganisationStore.Row { CreditCode = "918100002N6W9UDK4H", RegionCode = "110108" }.IsMainland);
        var national = "91100000MA0000001" + CreditCode.CheckCharacter("91100000MA0000001");
        Assert.True(new OrganisationStore.Row { CreditCode = national, RegionCode = "110108" }.IsMainland);
        var haidian = "91110108MA0000001" + CreditCode.CheckCharacter("91110108MA0000001");
        Assert.True(new OrganisationStore.Row { CreditCode = haidian, RegionCode = "110108" }.IsMainland);
        Assert.False(new OrganisationStore.Row { CreditCode = haidian, RegionCode = "810000" }.IsMainland);
    }
}
