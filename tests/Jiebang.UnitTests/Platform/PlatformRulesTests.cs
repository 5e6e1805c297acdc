using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Http;

namespace Jiebang.UnitTests.Platform;

public sealed class PlatformRulesTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("\"3\"", 3)]
    [InlineData("W/\"3\"", 3)]
    [InlineData("3", 3)]
    [InlineData("\"abc\"", -1)]
    [InlineData("*", -1)]
    public void If_match_is_read_as_the_version_we_issued(string? header, int? expected) =>
        Assert.Equal(expected, Versioning.Parse(header));

    [Fact]
    public void Like_patterns_escape_wildcards_in_user_text()
    {
        Assert.Equal("%100\\%\\_x%", SqlDialect.ContainsPattern("100%_x"));
        Assert.Equal("%a\\\\b%", SqlDialect.ContainsPattern("a\\b"));
    }

    [Theory]
    [InlineData("sqlite", DatabaseProvider.Sqlite)]
    [InlineData("SqlServer", DatabaseProvider.SqlServer)]
    [InlineData("postgresql", DatabaseProvider.Postgres)]
    public void Providers_are_named_loosely(string name, DatabaseProvider expected) =>
        Assert.Equal(expected, DatabaseOptions.ParseProvider(name));

    [Fact]
    public void An_unknown_provider_is_refused_with_the_choices() =>
        Assert.Contains("Sqlite, SqlServer or Postgres", Assert.Throws<InvalidOperationException>(() => DatabaseOptions.ParseProvider("oracle")).Message);

    [Fact]
    public void Api_keys_are_stored_as_a_prefix_and_a_hash_that_only_the_key_matches()
    {
        var (key, prefix, hash) = ApiKeys.Generate();
        Assert.Equal(prefix, ApiKeys.PrefixOf(key));
        Assert.DoesNotContain(key[^10..], hash);
        Assert.True(ApiKeys.Matches(key, hash));
        Assert.False(ApiKeys.Matches(key + "x", hash));
        Assert.Null(ApiKeys.PrefixOf("not-a-key"));
    }

    [Fact]
    public void A_district_key_covers_regions_under_its_prefix_only()
    {
        var haidian = new Caller(null, "portal", Roles.District, null, null, "110108");
        Assert.True(haidian.CoversRegion("110108"));
        Assert.False(haidian.CoversRegion("110105"));
        var beijing = haidian with { DistrictCode = "11" };
        Assert.True(beijing.CoversRegion("110105"));
        Assert.False(beijing.CoversRegion("310101"));
        Assert.False(Caller.Anonymous.CoversRegion("110108"));
    }
}
